package dev.hushlint.engine.report;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.scan.PathDisplay;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readable text: findings grouped by file, notifications, and a summary line with counts per severity. */
public final class TextWriter implements ReportWriter {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";

    private final boolean color;

    public TextWriter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : report.activeFindings()) {
            byFile.computeIfAbsent(PathDisplay.of(report.baseDir(), f.location().file()), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            out.write(style(BOLD, e.getKey()) + "\n");
            for (Finding f : e.getValue()) {
                String position = f.location().startLine() + ":" + f.location().startColumn();
                out.write(String.format("  %-8s %s %s  %s%n", position,
                        style(colorOf(f.severity()), String.format("%-8s", f.severity().label())),
                        style(DIM, f.ruleId()), f.message()));
                if (f.snippet() != null && !f.snippet().isEmpty()) {
                    out.write("           " + style(DIM, "│ " + f.snippet()) + "\n");
                }
            }
            out.write("\n");
        }
        if (!report.notifications().isEmpty()) {
            out.write(style(BOLD, "Notifications") + "\n");
            for (Notification n : report.notifications()) {
                String where = n.file() == null ? "" : PathDisplay.of(report.baseDir(), n.file())
                        + (n.line() > 0 ? ":" + n.line() : "") + ": ";
                out.write("  " + n.level().sarif() + ": " + where + n.message() + " [" + n.code() + "]\n");
            }
            out.write("\n");
        }
        out.write(summary(report) + "\n");
        out.flush();
    }

    /** One line: counts per severity, files, suppressed, notifications. */
    public static String summary(Report report) {
        int total = report.activeFindings().size();
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(total == 1 ? " finding" : " findings").append(" (");
        Severity[] all = Severity.values();
        for (int i = 0; i < all.length; i++) {
            sb.append(report.count(all[i])).append(' ').append(all[i].label());
            if (i < all.length - 1) {
                sb.append(", ");
            }
        }
        sb.append(") in ").append(report.filesScanned()).append(report.filesScanned() == 1 ? " file" : " files");
        if (report.filesSkipped() > 0) {
            sb.append(", ").append(report.filesSkipped()).append(" skipped");
        }
        int suppressed = report.suppressedFindings().size();
        if (suppressed > 0) {
            sb.append("; ").append(suppressed).append(" suppressed");
        }
        if (!report.notifications().isEmpty()) {
            sb.append("; ").append(report.notifications().size())
                    .append(report.notifications().size() == 1 ? " notification" : " notifications");
        }
        return sb.toString();
    }

    private String colorOf(Severity s) {
        return switch (s) {
            case CRITICAL -> "\u001B[1;35m";
            case HIGH -> "\u001B[1;31m";
            case MEDIUM -> "\u001B[33m";
            case LOW -> "\u001B[36m";
        };
    }

    private String style(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
