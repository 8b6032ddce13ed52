package dev.hushlint.cli;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.report.JsonWriter;
import dev.hushlint.engine.report.ReportWriter;
import dev.hushlint.engine.report.SarifWriter;
import dev.hushlint.engine.report.TextWriter;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output and gate options shared by every command that produces a report ({@code scan}, {@code aws}), and
 * the one place that writes the report and turns it into an exit code.
 */
public final class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (default: ${DEFAULT-VALUE}; colours only on a terminal)")
    public OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    public Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "exit 1 when a finding is at or above: critical, high, medium, low or none (default: ${DEFAULT-VALUE})")
    public FailOn failOn;

    @Option(names = "--base-dir", paramLabel = "DIR",
            description = "report paths relative to DIR (default: the current directory; the repository root in CI)")
    public Path baseDir;

    @Option(names = "--category", paramLabel = "NAME",
            description = "SARIF category (automationDetails.id = NAME/); a new upload with the same category replaces the old one")
    public String category;

    @Option(names = "--include-suppressed", description = "also write suppressed and baselined findings (marked as such)")
    public boolean includeSuppressed;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but the report (and errors)")
    public boolean quiet;

    @Option(names = "--debug", description = "show internal details (stack traces) of errors")
    public boolean debug;

    /** The base directory, absolute; it must exist. */
    public Path baseDir() {
        Path dir = (baseDir == null ? Path.of("") : baseDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UsageError("--base-dir is not a directory: " + dir);
        }
        return dir;
    }

    public ReportWriter writer(String defaultCategory, boolean terminal) {
        String cat = category == null ? defaultCategory : category;
        if (cat.isBlank() || cat.contains("/")) {
            throw new UsageError("--category must be a non-empty name without '/': " + cat);
        }
        return switch (format) {
            case SARIF -> new SarifWriter(cat, includeSuppressed);
            case JSON -> new JsonWriter(includeSuppressed);
            case TEXT -> new TextWriter(terminal && output == null && System.getenv("NO_COLOR") == null);
        };
    }

    /** Writes the report where asked and returns the exit code the gate gives. */
    public int emit(Report report, String defaultCategory, PrintWriter out, PrintWriter err) {
        ReportWriter writer = writer(defaultCategory, Terminal.isInteractive());
        try {
            if (output == null) {
                writer.write(report, out);
                out.flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    writer.write(report, w);
                }
                if (!quiet) {
                    err.println(TextWriter.summary(report) + " — report written to " + output);
                }
            }
        } catch (IOException e) {
            throw new UsageError("cannot write the report to " + (output == null ? "standard output" : output)
                    + ": " + e.getMessage());
        }
        return report.hasAtLeast(failOn.severity()) ? Main.FINDINGS : Main.OK;
    }
}
