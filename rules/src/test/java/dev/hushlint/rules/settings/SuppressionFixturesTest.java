package dev.hushlint.rules.settings;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.PathDisplay;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression fixtures (test-fixtures/fixtures/suppress): FixturesTest proves nothing unmarked is reported;
 * this proves the marked lines were suppressed (not missed) with their reasons, and the notes about markers.
 */
class SuppressionFixturesTest {

    private static final Path ROOT = FixtureHarness.fixturesRoot().resolve("suppress");

    private final Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(ROOT).withBaseDir(ROOT));

    private String where(Finding f) {
        return PathDisplay.of(ROOT, f.location().file()) + ":" + f.location().startLine();
    }

    @Test
    void everyKindOfMarkerSuppressesItsLine() {
        assertThat(report.suppressedFindings()).extracting(this::where).contains(
                "inline-comment/application.properties:3",
                "inline-comment/config.yml:4",
                "inline-comment/config.yml:5",
                "inline-comment/settings.xml:7",
                "suppress-warnings/SandboxClient.java:9",
                "suppress-warnings/SandboxClient.java:12",
                "suppress-warnings/SandboxClient.java:19",
                "suppress-warnings/SandboxClient.java:23",
                "suppress-warnings/SandboxClient.java:33");
        assertThat(report.suppressedFindings()).allSatisfy(f -> {
            assertThat(f.suppression().kind()).isEqualTo("inSource");
            assertThat(f.suppression().justification()).isNotBlank();
        });
        assertThat(report.suppressedFindings()).filteredOn(f -> where(f).endsWith("SandboxClient.java:19"))
                .singleElement().satisfies(f -> assertThat(f.suppression().justification()).isEqualTo("read-only mirror token"));
    }

    @Test
    void markersThatMatchNothingAreNotedNotReported() {
        assertThat(report.notifications()).filteredOn(n -> n.code().startsWith("suppression-"))
                .extracting(n -> PathDisplay.of(ROOT, n.file()) + ":" + n.line())
                .contains("inline-comment/application.properties:5", "inline-comment/application.properties:9",
                        "suppress-warnings/SandboxClient.java:27");
        assertThat(report.notifications()).filteredOn(n -> n.code().startsWith("suppression-"))
                .allSatisfy(n -> assertThat(n.level()).isNotEqualTo(Notification.Level.ERROR));
    }
}
