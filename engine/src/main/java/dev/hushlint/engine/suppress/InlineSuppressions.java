package dev.hushlint.engine.suppress;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Redaction;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.Suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;

/**
 * Matches inline suppression markers against the merged findings of a report. A marker matches a finding
 * when it covers the finding's first line and names any of the finding's rule ids (its own or one
 * de-duplicated into it). Notes about markers themselves (no reason, stale, malformed) become tool
 * notifications, never findings, so they cannot trip the gate.
 */
public final class InlineSuppressions {

    /** {@link Suppression#kind()} of inline markers and template metadata. */
    public static final String IN_SOURCE = "inSource";

    private InlineSuppressions() {
    }

    /**
     * The suppression a rule attaches to a finding it builds when the input itself says to suppress it (a
     * template resource's {@code Metadata: hushlint: ignore}); {@code --no-inline-ignores} removes it like a marker.
     */
    public static Suppression inSource(String reason) {
        return new Suppression(IN_SOURCE, reason == null ? "" : reason.strip());
    }

    /** The reason as written, with the finding's own value masked should someone have quoted it. */
    private static String justification(String reason, Finding f) {
        return f.secret() == null || f.secret().isEmpty() ? reason : Redaction.maskIn(reason, f.secret());
    }

    /**
     * @param enabled false under {@code --no-inline-ignores}: markers are ignored and suppressions that rules
     *                attached to their findings (template metadata) are removed too
     */
    public static Report apply(Report report, List<SuppressionMarker> markers, boolean enabled) {
        if (!enabled) {
            List<Finding> findings = new ArrayList<>(report.findings().size());
            for (Finding f : report.findings()) {
                boolean inline = f.suppressed() && IN_SOURCE.equals(f.suppression().kind());
                findings.add(inline ? f.withSuppression(null) : f);
            }
            return report.withFindings(findings);
        }
        if (markers.isEmpty()) {
            return report;
        }
        Map<Path, List<SuppressionMarker>> byFile = new HashMap<>();
        for (SuppressionMarker m : markers) {
            byFile.computeIfAbsent(m.file(), k -> new ArrayList<>()).add(m);
        }
        Set<SuppressionMarker> used = new HashSet<>();
        List<Finding> findings = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            SuppressionMarker match = null;
            for (SuppressionMarker m : byFile.getOrDefault(f.location().file(), List.of())) {
                if (m.covers(f.location().startLine()) && f.allRuleIds().stream().anyMatch(m::names)) {
                    used.add(m);
                    if (match == null) {
                        match = m;
                    }
                }
            }
            findings.add(match == null || f.suppressed() ? f
                    : f.withSuppression(new Suppression(IN_SOURCE, justification(match.reason(), f))));
        }
        Set<String> ran = new HashSet<>();
        for (RuleInfo r : report.rules()) {
            ran.add(r.id());
            ran.add(r.family() + "/*");
        }
        List<Notification> notifications = new ArrayList<>(report.notifications());
        for (SuppressionMarker m : markers) {
            String what = m.syntax().equals("comment") ? "hushlint:ignore" : m.syntax();
            if (m.ruleIds().isEmpty()) {
                notifications.add(Notification.warning("suppression-invalid", m.file(), m.line(),
                        what + " names no rule id: write '" + CommentSuppressor.KEYWORD + " family/rule-name reason'"));
                continue;
            }
            if (m.ruleIds().stream().noneMatch(ran::contains)) {
                notifications.add(Notification.note("suppression-unknown-rule", m.file(), m.line(),
                        what + " names no rule that ran (" + String.join(", ", m.ruleIds())
                                + "): unknown or disabled rule id"));
                continue;
            }
            if (!used.contains(m)) {
                notifications.add(Notification.warning("suppression-stale", m.file(), m.line(),
                        what + " " + String.join(", ", m.ruleIds()) + " matches no finding: remove it"));
            } else if (m.reason().isEmpty()) {
                notifications.add(Notification.note("suppression-without-reason", m.file(), m.line(),
                        what + " " + String.join(", ", m.ruleIds()) + " gives no reason"));
            }
        }
        notifications.sort(null);
        return report.withFindings(findings).withNotifications(notifications);
    }
}
