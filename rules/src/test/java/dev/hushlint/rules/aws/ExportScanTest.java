package dev.hushlint.rules.aws;

import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The export fixtures through the real scanner: what the harness does not check (notifications). */
class ExportScanTest {

    @Test
    void aBrokenExportIsAParseErrorAndAMissingRoleANote() {
        Path root = FixtureHarness.fixturesRoot().resolve("aws");
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(root).withBaseDir(root).withThreads(2));
        assertThat(report.notifications()).filteredOn(n -> n.code().equals("parse-error"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.file().getFileName().toString()).isEqualTo("truncated-list-functions.json");
                    assertThat(n.line()).isEqualTo(18);
                    assertThat(n.message()).contains("LambdaExport", "Illegal unquoted character").doesNotContain("ghp_");
                });
        assertThat(report.notifications()).filteredOn(n -> n.code().equals("aws-role-unknown"))
                .extracting(Notification::message)
                .anyMatch(m -> m.contains("role/service-role/missing-role") && m.contains("orphan"));
    }
}
