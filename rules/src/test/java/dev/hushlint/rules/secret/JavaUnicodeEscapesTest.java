package dev.hushlint.rules.secret;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.TextFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JavaUnicodeEscapesTest {

    private static final String KEY = "AKIAZ7Q3VXPM2LKT5RWN";

    @Test
    void translatesEscapesAndMapsOffsetsBack() {
        String raw = "a\\u0041b\\uuu0042c";
        JavaUnicodeEscapes t = JavaUnicodeEscapes.translate(raw);
        assertThat(t.text()).isEqualTo("aAbBc");
        assertThat(t.rawOffset(1)).isEqualTo(1);
        assertThat(t.rawOffset(2)).isEqualTo(7);
        assertThat(t.rawOffset(4)).isEqualTo(raw.length() - 1);
        assertThat(t.rawOffset(5)).isEqualTo(raw.length());
    }

    @Test
    void anEscapedBackslashOrAMalformedEscapeIsNotAnEscape() {
        assertThat(JavaUnicodeEscapes.translate("x\\\\u0041")).isNull();
        assertThat(JavaUnicodeEscapes.translate("x\\u00G1 \\u12")).isNull();
        assertThat(JavaUnicodeEscapes.translate("plain")).isNull();
        assertThat(JavaUnicodeEscapes.translate("x\\\\\\u0041").text()).isEqualTo("x\\\\A");
    }

    @Test
    void knownFormatFindsAnEscapedTokenInJavaOnlyWithTheRawRegion() {
        String line = "String id = \"\\u0041" + KEY.substring(1, 10) + "\\u004c" + KEY.substring(11) + "\";";
        List<Finding> java = check("Keys.java", "class K {\n" + line + "\n}\n");
        assertThat(java).singleElement().satisfies(f -> {
            assertThat(f.secret()).isEqualTo(KEY.substring(0, 10) + "L" + KEY.substring(11));
            assertThat(f.location().startLine()).isEqualTo(2);
            assertThat(f.location().startColumn()).isEqualTo(line.indexOf("\\u0041") + 1);
            assertThat(f.location().endColumn()).isEqualTo(line.lastIndexOf('"') + 1);
        });
        assertThat(check("keys.properties", "id=\\u0041" + KEY.substring(1) + "\n")).isEmpty();
    }

    private static List<Finding> check(String name, String text) {
        return new KnownFormatSecret().check(TextFile.of(name, text), null).findings();
    }
}
