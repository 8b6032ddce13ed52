package dev.hushlint.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFileTest {

    @Test
    void linesAndColumnsForEveryLineEnding() {
        TextFile f = TextFile.of("a.txt", "one\r\ntwo\rthree\nfour");
        assertThat(f.lineCount()).isEqualTo(4);
        assertThat(f.line(1)).isEqualTo("one");
        assertThat(f.line(2)).isEqualTo("two");
        assertThat(f.line(3)).isEqualTo("three");
        assertThat(f.line(4)).isEqualTo("four");
        int four = f.text().indexOf("four");
        assertThat(f.lineOf(four)).isEqualTo(4);
        assertThat(f.columnOf(four + 2)).isEqualTo(3);
        Location l = f.location(f.text().indexOf("hree"), f.text().indexOf("hree") + 4);
        assertThat(l.startLine()).isEqualTo(3);
        assertThat(l.startColumn()).isEqualTo(2);
        assertThat(l.endColumn()).isEqualTo(6);
    }

    @Test
    void emptyFileHasOneLine() {
        TextFile f = TextFile.of("e.txt", "");
        assertThat(f.lineCount()).isEqualTo(1);
        assertThat(f.line(1)).isEmpty();
        assertThat(f.lineOf(0)).isEqualTo(1);
    }

    @Test
    void extensionIsLowerCase() {
        assertThat(TextFile.of("A.JAVA", "").extension()).isEqualTo("java");
        assertThat(TextFile.of("Dockerfile", "").extension()).isEmpty();
    }
}
