package dev.hushlint.engine.scan;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GitIgnoreTest {

    private final Path root = Path.of("/repo");

    private boolean ignored(String rules, String path, boolean directory) {
        GitIgnore g = GitIgnore.empty();
        GitIgnore chain = g;
        for (String line : rules.split("\n")) {
            var rule = GitIgnore.parse(root, line);
            if (rule != null) {
                chain = chain.plus(rule);
            }
        }
        return chain.ignored(root.resolve(path), directory);
    }

    @Test
    void unanchoredNamesMatchAtAnyDepth() {
        assertThat(ignored("*.log", "a/b/c.log", false)).isTrue();
        assertThat(ignored("*.log", "a/b/c.txt", false)).isFalse();
    }

    @Test
    void anchoredPatternsMatchFromTheirDirectory() {
        assertThat(ignored("/out", "out/x", false)).isTrue();
        assertThat(ignored("/out", "src/out/x", false)).isFalse();
        assertThat(ignored("docs/*.md", "docs/a.md", false)).isTrue();
        assertThat(ignored("docs/*.md", "x/docs/a.md", false)).isFalse();
    }

    @Test
    void doubleStarAndNegationAndDirectoryOnly() {
        assertThat(ignored("**/tmp/**", "a/tmp/b/c", false)).isTrue();
        assertThat(ignored("*.env\n!keep.env", "keep.env", false)).isFalse();
        assertThat(ignored("*.env\n!keep.env", "prod.env", false)).isTrue();
        assertThat(ignored("cache/", "cache", true)).isTrue();
        assertThat(ignored("cache/", "cache", false)).isFalse();
        assertThat(ignored("# comment\n\n", "x", false)).isFalse();
        assertThat(ignored("f?le[0-9].txt", "file7.txt", false)).isTrue();
    }
}
