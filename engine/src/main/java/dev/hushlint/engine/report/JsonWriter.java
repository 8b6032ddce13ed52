package dev.hushlint.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.scan.PathDisplay;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * hushlint's own JSON format, version 1 (documented in docs/json-format.md). Stable field order; paths
 * relative to the base directory; no secret values.
 */
public final class JsonWriter implements ReportWriter {

    public static final int FORMAT_VERSION = 1;

    private final boolean includeSuppressed;

    public JsonWriter(boolean includeSuppressed) {
        this.includeSuppressed = includeSuppressed;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = Json.prettyPrinter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", report.tool().name());
            g.writeStringField("version", report.tool().version());
            g.writeEndObject();
            g.writeStringField("baseDir", report.baseDir().toString());

            g.writeObjectFieldStart("summary");
            g.writeNumberField("filesScanned", report.filesScanned());
            g.writeNumberField("filesSkipped", report.filesSkipped());
            g.writeNumberField("findings", report.activeFindings().size());
            g.writeObjectFieldStart("bySeverity");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.label(), report.count(s));
            }
            g.writeEndObject();
            g.writeNumberField("suppressed", report.suppressedFindings().size());
            g.writeNumberField("notifications", report.notifications().size());
            g.writeEndObject();

            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                if (!f.suppressed() || includeSuppressed) {
                    writeFinding(g, f, report);
                }
            }
            g.writeEndArray();

            g.writeArrayFieldStart("notifications");
            for (Notification n : report.notifications()) {
                g.writeStartObject();
                g.writeStringField("level", n.level().sarif());
                g.writeStringField("code", n.code());
                if (n.file() != null) {
                    g.writeStringField("path", PathDisplay.of(report.baseDir(), n.file()));
                }
                if (n.line() > 0) {
                    g.writeNumberField("line", n.line());
                }
                g.writeStringField("message", n.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private static void writeFinding(JsonGenerator g, Finding f, Report report) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("path", PathDisplay.of(report.baseDir(), f.location().file()));
        g.writeNumberField("startLine", f.location().startLine());
        g.writeNumberField("startColumn", f.location().startColumn());
        g.writeNumberField("endLine", f.location().endLine());
        g.writeNumberField("endColumn", f.location().endColumn());
        g.writeStringField("logicalPosition", f.logicalPosition());
        g.writeStringField("message", f.message());
        if (f.snippet() != null) {
            g.writeStringField("snippet", f.snippet());
        }
        g.writeStringField("fingerprint", f.fingerprint());
        g.writeArrayFieldStart("alsoMatched");
        for (String id : f.alsoMatched()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, String> e : f.properties().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        if (f.suppressed()) {
            g.writeObjectFieldStart("suppression");
            g.writeStringField("kind", f.suppression().kind());
            g.writeStringField("justification", f.suppression().justification() == null ? "" : f.suppression().justification());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
