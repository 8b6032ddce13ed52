package dev.hushlint.engine;

import java.util.List;

/** What one rule returns for one input: findings, and notifications about what it could not check. */
public record RuleResult(List<Finding> findings, List<Notification> notifications) {

    public static final RuleResult NONE = new RuleResult(List.of(), List.of());

    public RuleResult {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
    }

    public static RuleResult of(List<Finding> findings) {
        return findings.isEmpty() ? NONE : new RuleResult(findings, List.of());
    }

    public static RuleResult of(Notification notification) {
        return new RuleResult(List.of(), List.of(notification));
    }
}
