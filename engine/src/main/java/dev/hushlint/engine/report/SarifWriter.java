package dev.hushlint.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleInfo;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: every rule with full descriptions, help text and markdown,
 * CWE tags, precision and security-severity; relative URIs under {@code %SRCROOT%}; fingerprints that hold no
 * line number and nothing of the secret; {@code automationDetails.id = "<category>/"}. Suppressed results
 * are left out unless asked for (GitHub opens an alert for every result it receives).
 *
 * <p>Deterministic: no timestamps, sorted input, fixed property order.
 */
public final class SarifWriter implements ReportWriter {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final int MAX_DESCRIPTION = 1024;

    private final String category;
    private final boolean includeSuppressed;

    public SarifWriter(String category, boolean includeSuppressed) {
        if (category == null || category.isBlank() || category.contains("/")) {
            throw new IllegalArgumentException("category must be a non-empty name without '/': " + category);
        }
        this.category = category;
        this.includeSuppressed = includeSuppressed;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = Json.prettyPrinter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            writeRun(g, report);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private void writeRun(JsonGenerator g, Report report) throws IOException {
        Path base = report.baseDir();
        g.writeStartObject();

        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", report.tool().name());
        g.writeStringField("semanticVersion", semantic(report.tool().version()));
        g.writeStringField("version", report.tool().version());
        g.writeStringField("informationUri", report.tool().informationUri());
        g.writeArrayFieldStart("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleInfo rule : report.rules()) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            writeRule(g, rule);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();

        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", category + "/");
        g.writeEndObject();

        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart("%SRCROOT%");
        g.writeStringField("uri", Uris.baseUri(base));
        g.writeEndObject();
        g.writeEndObject();

        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeObjectFieldStart("workingDirectory");
        g.writeStringField("uri", Uris.baseUri(base));
        g.writeEndObject();
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (Notification n : report.notifications()) {
            writeNotification(g, n, base);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();

        g.writeArrayFieldStart("results");
        for (Finding f : report.findings()) {
            if (f.suppressed() && !includeSuppressed) {
                continue;
            }
            writeResult(g, f, ruleIndex, base);
        }
        g.writeEndArray();
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleInfo rule) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("name", rule.name());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", cut(rule.summary()));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", cut(firstParagraph(rule.help(), rule.summary())));
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", rule.help());
        g.writeStringField("markdown", rule.help());
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", rule.severity().sarifLevel());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        g.writeString("secrets");
        for (int cwe : rule.cwes()) {
            g.writeString("external/cwe/cwe-" + cwe);
        }
        g.writeEndArray();
        g.writeStringField("precision", rule.precision());
        g.writeStringField("problem.severity", problemSeverity(rule));
        g.writeStringField("security-severity", rule.severity().securitySeverity());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Finding f, Map<String, Integer> ruleIndex, Path base)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", f.severity().sarifLevel());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysical(g, f, base);
        if (!f.logicalPosition().isEmpty()) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("fullyQualifiedName", f.logicalPosition());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("primaryLocationLineHash", f.fingerprint());
        g.writeEndObject();
        if (f.suppressed()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", f.suppression().kind());
            if (f.suppression().justification() != null && !f.suppression().justification().isEmpty()) {
                g.writeStringField("justification", f.suppression().justification());
            }
            g.writeEndObject();
            g.writeEndArray();
            if ("external".equals(f.suppression().kind())) {
                g.writeStringField("baselineState", "unchanged");
            }
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("security-severity", f.severity().securitySeverity());
        if (!f.alsoMatched().isEmpty()) {
            g.writeArrayFieldStart("alsoMatched");
            for (String id : f.alsoMatched()) {
                g.writeString(id);
            }
            g.writeEndArray();
        }
        for (Map.Entry<String, String> e : f.properties().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePhysical(JsonGenerator g, Finding f, Path base) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", Uris.of(base, f.location().file()));
        if (Uris.relative(base, f.location().file())) {
            g.writeStringField("uriBaseId", "%SRCROOT%");
        }
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", f.location().startLine());
        g.writeNumberField("startColumn", f.location().startColumn());
        g.writeNumberField("endLine", f.location().endLine());
        g.writeNumberField("endColumn", Math.max(f.location().endColumn(),
                f.location().endLine() == f.location().startLine() ? f.location().startColumn() : 1));
        if (f.snippet() != null && !f.snippet().isEmpty()) {
            g.writeObjectFieldStart("snippet");
            g.writeStringField("text", f.snippet());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeNotification(JsonGenerator g, Notification n, Path base) throws IOException {
        g.writeStartObject();
        g.writeStringField("level", n.level().sarif());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", n.message());
        g.writeEndObject();
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", n.code());
        g.writeEndObject();
        if (n.file() != null) {
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", Uris.of(base, n.file()));
            if (Uris.relative(base, n.file())) {
                g.writeStringField("uriBaseId", "%SRCROOT%");
            }
            g.writeEndObject();
            if (n.line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", n.line());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static String problemSeverity(RuleInfo rule) {
        return switch (rule.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "recommendation";
        };
    }

    /** SARIF's semanticVersion must be semver: "0.1.0-SNAPSHOT" is fine, "dev" is not. */
    private static String semantic(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+([-+].*)?") ? version : "0.0.0";
    }

    private static String firstParagraph(String help, String fallback) {
        String para = help.strip().split("\\n\\s*\\n", 2)[0].replace('\n', ' ').strip();
        return para.isEmpty() ? fallback : para;
    }

    private static String cut(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
