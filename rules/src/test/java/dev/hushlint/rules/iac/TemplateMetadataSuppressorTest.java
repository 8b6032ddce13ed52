package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Metadata suppressions on CloudFormation resources: they suppress, they go stale, and they can be forbidden. */
class TemplateMetadataSuppressorTest {

    private static final Path DIR = FixtureHarness.fixturesRoot().resolve("iac/metadata-suppression");

    @Test
    void metadataSuppressesOnlyItsOwnResourceAndReportsStaleEntries() {
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(DIR).withBaseDir(DIR));
        assertThat(report.suppressedFindings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "iac/lambda-env-plaintext-secret", "iac/lambda-env-without-cmk",
                "iac/secret-without-cmk", "iac/secret-without-rotation");
        assertThat(report.suppressedFindings()).allSatisfy(f ->
                assertThat(f.suppression().justification()).isNotBlank());
        assertThat(report.activeFindings()).hasSize(4);
        assertThat(report.notifications()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("suppression-stale");
            assertThat(n.message()).contains("iac/secret-access-wildcard");
        });
    }

    @Test
    void noInlineIgnoresTurnsMetadataSuppressionsOff() {
        Report report = new Scanner(BuiltInRules.ruleSet().withInlineSuppressions(false))
                .scan(ScanRequest.of(DIR).withBaseDir(DIR));
        assertThat(report.suppressedFindings()).isEmpty();
        assertThat(report.activeFindings()).hasSize(8);
    }
}
