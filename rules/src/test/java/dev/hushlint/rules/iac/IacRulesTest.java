package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the IaC rules over their whole fixture tree, beyond the per-line markers. */
class IacRulesTest {

    private static Report scanIacFixtures() {
        Path root = FixtureHarness.fixturesRoot().resolve("iac");
        return new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(root).withBaseDir(root).withThreads(2));
    }

    @Test
    void noSecretValueReachesAMessageOrAProperty() {
        List<Finding> withSecrets = scanIacFixtures().findings().stream().filter(f -> f.secret() != null).toList();
        assertThat(withSecrets).isNotEmpty();
        for (Finding f : withSecrets) {
            assertThat(f.message()).as(f.toString()).doesNotContain(f.secret());
            assertThat(f.properties().values()).as(f.toString()).noneMatch(v -> v.contains(f.secret()));
            assertThat(f.logicalPosition()).doesNotContain(f.secret());
        }
    }

    @Test
    void literalFindingsCarryTheirValueAndTokensAreCritical() {
        List<Finding> plaintext = scanIacFixtures().findings().stream()
                .filter(f -> f.ruleId().equals("iac/lambda-env-plaintext-secret")).toList();
        assertThat(plaintext).filteredOn(f -> f.secret() != null && f.secret().startsWith("ghp_"))
                .isNotEmpty().allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.secret()).startsWith("ghp_");
                    // the generic token rule matched the same value: de-duplicated into this finding
                    assertThat(f.alsoMatched()).contains("secret/known-format");
                });
        assertThat(plaintext).filteredOn(f -> f.message().contains("DB_PASSWORD ("))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void theSameInputGivesTheSameFindings() {
        List<String> first = scanIacFixtures().findings().stream().map(f -> f.fingerprint() + f.location()).toList();
        List<String> second = scanIacFixtures().findings().stream().map(f -> f.fingerprint() + f.location()).toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aBrokenTemplateBecomesANotificationAndIsStillScannedForTokens() {
        Report report = scanIacFixtures();
        assertThat(report.notifications()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("parse-error");
            assertThat(n.file().toString()).endsWith("broken-template.yaml");
            assertThat(n.line()).isEqualTo(11);
            assertThat(n.message()).contains("duplicate key").doesNotContain("ghp_");
        });
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.location().file().toString()).endsWith("broken-template.yaml");
            assertThat(f.ruleId()).isEqualTo("secret/known-format");
        });
        assertThat(report.notifications()).noneMatch(n -> n.code().equals("internal-error"));
    }

    @Test
    void anAliasBombIsANotificationNotAHang(@TempDir Path dir) throws IOException {
        StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (int i = 0; i < 12; i++) {
            bomb.append("  l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*" + prev))).append("]\n");
            prev = "l" + i;
        }
        bomb.append("Resources: {}\n");
        Files.writeString(dir.resolve("bomb.yaml"), bomb);
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(report.notifications()).extracting(Notification::code).contains("parse-error");
        assertThat(report.findings()).isEmpty();
    }
}
