package dev.hushlint.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The immutable outcome of a scan, handed to every report writer.
 *
 * @param findings        every finding, sorted by location then rule; suppressed ones carry a {@link Suppression}
 * @param notifications   tool notifications, sorted
 * @param rules           metadata of every rule that ran, sorted by id
 * @param baseDir         the directory reported paths are relative to
 * @param filesScanned    files read as text
 * @param filesSkipped    files left out (binary, too large, unreadable)
 */
public record Report(List<Finding> findings, List<Notification> notifications, List<RuleInfo> rules,
                     Path baseDir, ToolInfo tool, int filesScanned, int filesSkipped) {

    public Report {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        rules = List.copyOf(rules);
    }

    /** Findings that count: not suppressed, not accepted in a baseline. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public List<Finding> suppressedFindings() {
        return findings.stream().filter(Finding::suppressed).toList();
    }

    /** True when an active finding is at or above the threshold; {@code null} threshold never fails. */
    public boolean hasAtLeast(Severity threshold) {
        return threshold != null && activeFindings().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public long count(Severity severity) {
        return activeFindings().stream().filter(f -> f.severity() == severity).count();
    }

    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Report withFindings(List<Finding> newFindings) {
        return new Report(newFindings, notifications, rules, baseDir, tool, filesScanned, filesSkipped);
    }

    public Report withNotifications(List<Notification> newNotifications) {
        return new Report(findings, newNotifications, rules, baseDir, tool, filesScanned, filesSkipped);
    }

    /** Name, version and home page of the tool, for report headers. */
    public record ToolInfo(String name, String version, String informationUri) {
        public static ToolInfo hushlint() {
            return new ToolInfo("hushlint", Version.current(), "https://github.com/hushlint/hushlint");
        }
    }
}
