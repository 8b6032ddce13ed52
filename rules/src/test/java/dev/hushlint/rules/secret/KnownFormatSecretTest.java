package dev.hushlint.rules.secret;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule itself: what it reports, with which properties, and that nothing it produces holds the secret. */
class KnownFormatSecretTest {

    private static final Path FIXTURES = FixtureHarness.fixturesRoot().resolve("secret/known-format");

    private static Report scanFixtures() {
        RuleSet rules = new RuleSet(List.of(), List.of(), List.of(new KnownFormatSecret()));
        return new Scanner(rules).scan(ScanRequest.of(FIXTURES).withBaseDir(FIXTURES).withThreads(2));
    }

    @Test
    void findingsCarryThePatternAndTheSecretButNeverShowIt() {
        Report report = scanFixtures();
        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(40);
        for (Finding f : report.findings()) {
            String secret = f.secret();
            assertThat(secret).as(f.toString()).isNotBlank();
            assertThat(f.properties()).containsKey("pattern");
            List<String> visible = new ArrayList<>(List.of(f.message(), f.logicalPosition(), f.toString(),
                    String.valueOf(f.snippet()), String.valueOf(f.fingerprint())));
            visible.addAll(f.properties().values());
            SecretPattern pattern = SecretPatterns.all().stream()
                    .filter(p -> p.id().equals(f.properties().get("pattern"))).findFirst().orElseThrow();
            String names = (pattern.id() + " " + pattern.description()).toLowerCase(java.util.Locale.ROOT);
            for (String text : visible) {
                for (int i = 0; i + 8 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 8);
                    if (SecretValues.isRepetitive(piece) || names.contains(piece.toLowerCase(java.util.Locale.ROOT))) {
                        continue; // PEM armor dashes and provider prefixes ("rubygems") are not secret
                    }
                    assertThat(text).as(f.properties().get("pattern") + " leaks a piece of its value")
                            .doesNotContain(piece);
                }
            }
        }
    }

    @Test
    void aGithubTokenWithAValidChecksumSaysSo() {
        TextFile file = TextFile.of("ci.sh", "curl -H \"Authorization: token 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\"\n"
                + "curl -H \"Authorization: token ghp_oCCxKr1vIWc7C6QNJyMs4h7hSe4vg203mgmf\"\n");
        List<Finding> findings = new KnownFormatSecret().check(file, null).findings();
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).properties()).containsEntry("checksum", "valid").containsEntry("pattern", "github-pat-classic");
        assertThat(findings.get(1).properties()).doesNotContainKey("checksum");
        assertThat(findings.get(0).location().startLine()).isEqualTo(1);
        assertThat(findings.get(0).location().startColumn()).isEqualTo(31);
    }

    @Test
    void reportsInsideCommentsAndAnyFileType() {
        TextFile file = TextFile.of("Handler.java", "class Handler {\n  // old key: AKIA7G4KA4QNYFYL6EZU\n}\n");
        assertThat(new KnownFormatSecret().check(file, null).findings()).singleElement()
                .satisfies(f -> assertThat(f.location().startLine()).isEqualTo(2));
    }
}
