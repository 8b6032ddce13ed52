package dev.hushlint.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.Suppression;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.FindingMerger;
import dev.hushlint.fixtures.SarifSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report writers, with every SARIF log validated against the official schema. */
class WritersTest {

    private static final RuleInfo RULE = RuleInfo.builder("test/sample").name("Sample").severity(Severity.HIGH)
            .summary("A sample rule").help("What it finds.\n\nBad:\n```\nx = secret\n```").cwe(798, 259).build();
    private static final Path BASE = Path.of("/work/repo").toAbsolutePath();
    private static final String SECRET = "s3cr3tV4lu3Xq9Zt";

    private Report report(boolean suppressed) {
        Path inside = BASE.resolve("src/main/My File ü.java");
        Path outside = Path.of("/elsewhere/x.yaml").toAbsolutePath();
        TextFile text = new TextFile(inside, "src/main/My File ü.java", "class A {\n  String password = \"" + SECRET + "\";\n}\n");
        int at = text.text().indexOf(SECRET);
        List<Finding> raw = new ArrayList<>();
        raw.add(Finding.builder(RULE).location(text.location(at, at + SECRET.length()))
                .logicalPosition("A#password").message("literal assigned to password").secret(SECRET).build());
        Finding second = Finding.builder(RULE).location(new Location(outside, 3, 1, 3, 5))
                .logicalPosition("/Resources/Fn").message("outside").build();
        raw.add(suppressed ? second.withSuppression(new Suppression("inSource", "test data")) : second);
        List<Notification> notes = List.of(Notification.warning("parse-error", inside, 7, "could not parse"));
        return FindingMerger.merge(List.of(RULE), raw, notes, BASE, 2, 1, Map.of(inside, text));
    }

    private static String render(ReportWriter w, Report r) throws IOException {
        StringWriter out = new StringWriter();
        w.write(r, out);
        return out.toString();
    }

    @Test
    void sarifIsSchemaValidAndCarriesWhatGitHubNeeds() throws IOException {
        String sarif = render(new SarifWriter("hushlint", false), report(false));
        assertThat(SarifSchema.validate(sarif)).isEmpty();
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        JsonNode rule = run.at("/tool/driver/rules/0");
        assertThat(rule.at("/fullDescription/text").asText()).isEqualTo("What it finds.");
        assertThat(rule.at("/help/markdown").asText()).contains("Bad:");
        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("8.0");
        assertThat(rule.at("/properties/tags").toString()).contains("external/cwe/cwe-798", "external/cwe/cwe-259");
        assertThat(run.at("/automationDetails/id").asText()).isEqualTo("hushlint/");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).startsWith("file:///").endsWith("/work/repo/");
        assertThat(run.at("/invocations/0/workingDirectory/uri").asText()).endsWith("/work/repo/");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(2);
        assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/My%20File%20%C3%BC.java");
        assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(results.at("/1/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(results.at("/1/partialFingerprints/primaryLocationLineHash").asText()).matches("[0-9a-f]{32}:1");
        assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("file:///elsewhere/x.yaml");
        assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uriBaseId").isMissingNode()).isTrue();
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/descriptor/id").asText()).isEqualTo("parse-error");
        assertThat(sarif).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 8));
    }

    @Test
    void sarifIsByteIdenticalForTheSameInput() throws IOException {
        assertThat(render(new SarifWriter("hushlint", false), report(false)))
                .isEqualTo(render(new SarifWriter("hushlint", false), report(false)));
    }

    @Test
    void suppressedResultsAreLeftOutUnlessAskedFor() throws IOException {
        String without = render(new SarifWriter("cat", false), report(true));
        assertThat(new ObjectMapper().readTree(without).at("/runs/0/results")).hasSize(1);
        String with = render(new SarifWriter("cat", true), report(true));
        assertThat(SarifSchema.validate(with)).isEmpty();
        JsonNode results = new ObjectMapper().readTree(with).at("/runs/0/results");
        assertThat(results).hasSize(2);
        assertThat(results.at("/0/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(results.at("/0/suppressions/0/justification").asText()).isEqualTo("test data");
    }

    @Test
    void schemaValidationCatchesABrokenLog() {
        assertThat(SarifSchema.validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}}}]}")).isNotEmpty();
        assertThat(SarifSchema.validate("{\"version\":\"9\",\"runs\":[]}")).isNotEmpty();
    }

    @Test
    void jsonHasTheDocumentedShapeAndNoSecret() throws IOException {
        String json = render(new JsonWriter(false), report(true));
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/findings").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/suppressed").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/bySeverity/high").asInt()).isEqualTo(1);
        assertThat(root.at("/findings/0/path").asText()).isEqualTo("src/main/My File ü.java");
        assertThat(root.at("/findings/0/snippet").asText()).isEqualTo("String password = \"s3cr********\";");
        assertThat(root.at("/notifications/0/line").asInt()).isEqualTo(7);
        assertThat(json).doesNotContain(SECRET.substring(0, 8));
    }

    @Test
    void textGroupsByFileAndEndsWithASummary() throws IOException {
        String text = render(new TextWriter(false), report(false));
        assertThat(text).contains("src/main/My File ü.java\n  2:22")
                .contains("high     test/sample  literal assigned to password")
                .contains("warning: src/main/My File ü.java:7: could not parse [parse-error]")
                .endsWith("2 findings (0 critical, 2 high, 0 medium, 0 low) in 2 files, 1 skipped; 1 notification\n")
                .doesNotContain("\u001B[");
        assertThat(render(new TextWriter(true), report(false))).contains("\u001B[");
    }
}
