package dev.hushlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A hostile {@code .hushlint.yml} cannot hang or crash a scan. Custom-rule regexes run on RE2/J (linear time), so
 * a pattern that backtracks catastrophically in java.util.regex finishes; a configuration file that is an alias
 * bomb or nested beyond reason stops the run with one clear line (exit 2), never a stack trace.
 * The timeouts are hang guards, far above the expected time: they make no speed claim.
 */
class HostileConfigTest {

    @TempDir
    Path dir;

    @Test
    void aCatastrophicBacktrackingCustomRuleRegexCannotHangTheScan() throws IOException {
        Files.writeString(dir.resolve(".hushlint.yml"), """
                customRules:
                  - id: custom/backtracking
                    description: nested quantifiers that backtrack exponentially in a backtracking engine
                    regex: '(?P<secret>(a+)+)b'
                    keywords: [aaaa]
                    minEntropy: 0
                  - id: custom/backtracking-alternation
                    description: overlapping alternation under a star
                    regex: '(?P<secret>(a|aa|a?a)*)c'
                    keywords: [aaaa]
                    minEntropy: 0
                """);
        // a backtracking engine needs ~2^n steps for these: n = 5,000 is far beyond any time budget
        Files.writeString(dir.resolve("input.txt"), "a".repeat(5_000) + "!\n" + "a".repeat(5_000) + "!\n");
        Cli cli = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> Cli.run("scan", dir.toString(), "--format", "json", "--fail-on", "none"));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"filesScanned\"");
    }

    @Test
    void aConfigurationFileThatIsAnAliasBombStopsWithOneClearLine() throws IOException {
        StringBuilder yaml = new StringBuilder("x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("x").append(i).append(": &x").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*x").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertRejectedCleanly(yaml.toString());
    }

    @Test
    void aConfigurationFileNestedTenThousandDeepStopsWithOneClearLine() throws IOException {
        assertRejectedCleanly("rules:\n  disable: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    }

    private void assertRejectedCleanly(String config) throws IOException {
        Files.writeString(dir.resolve(".hushlint.yml"), config);
        Files.writeString(dir.resolve("a.properties"), "x=1\n");
        Cli cli = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> Cli.run("scan", dir.toString(), "--format", "json"));
        assertThat(cli.code()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(".hushlint.yml").doesNotContain("Exception", "\tat ");
        assertThat(cli.err().strip().lines().count()).as(cli.err()).isLessThanOrEqualTo(2);
    }
}
