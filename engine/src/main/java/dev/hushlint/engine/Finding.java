package dev.hushlint.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One problem found. Rules build it with {@link #builder(RuleInfo)}; the engine fills in the redacted
 * snippet, the fingerprint and, later, suppression state.
 *
 * <p>{@code secret} is the raw value, in memory only: no writer serialises it, {@link #toString()} leaves
 * it out, and the engine masks it wherever it might appear (message, snippet, properties).
 *
 * @param logicalPosition where the finding is in terms of the input's structure: enclosing type and member
 *                        ({@code com.acme.Handler#handleRequest}), a JSON pointer, a variable name. Part of
 *                        the fingerprint, so it must not hold the line number or anything of the secret
 * @param alsoMatched     other rule ids that matched the same value at the same place (de-duplicated away)
 * @param properties      extra facts for reports (pattern id, ARN, region …), never the secret
 * @param snippet         the source line with every secret masked, filled by the engine
 * @param fingerprint     a stable id from rule + path + logical position + occurrence, filled by the engine
 * @param suppression     why this finding does not count (inline, baseline), or null
 */
public record Finding(String ruleId, Severity severity, Location location, String logicalPosition,
                      String message, String secret, SortedSet<String> alsoMatched,
                      SortedMap<String, String> properties, String snippet, String fingerprint,
                      Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        logicalPosition = logicalPosition == null ? "" : logicalPosition;
        alsoMatched = Collections.unmodifiableSortedSet(new TreeSet<>(alsoMatched == null ? Set.of() : alsoMatched));
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties == null ? Map.of() : properties));
    }

    public static Builder builder(RuleInfo rule) {
        return new Builder(rule);
    }

    /** Every rule id this finding stands for: its own and the ones de-duplicated into it. */
    public SortedSet<String> allRuleIds() {
        SortedSet<String> ids = new TreeSet<>(alsoMatched);
        ids.add(ruleId);
        return ids;
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, logicalPosition, message, secret, alsoMatched,
                properties, snippet, fingerprint, suppression);
    }

    public Finding withAlsoMatched(Set<String> ids) {
        return new Finding(ruleId, severity, location, logicalPosition, message, secret, new TreeSet<>(ids),
                properties, snippet, fingerprint, suppression);
    }

    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, severity, location, logicalPosition, newMessage, secret, alsoMatched,
                properties, snippet, fingerprint, suppression);
    }

    public Finding withProperties(Map<String, String> newProperties) {
        return new Finding(ruleId, severity, location, logicalPosition, message, secret, alsoMatched,
                new TreeMap<>(newProperties), snippet, fingerprint, suppression);
    }

    public Finding withSnippet(String newSnippet) {
        return new Finding(ruleId, severity, location, logicalPosition, message, secret, alsoMatched,
                properties, newSnippet, fingerprint, suppression);
    }

    public Finding withFingerprint(String newFingerprint) {
        return new Finding(ruleId, severity, location, logicalPosition, message, secret, alsoMatched,
                properties, snippet, newFingerprint, suppression);
    }

    public Finding withSuppression(Suppression newSuppression) {
        return new Finding(ruleId, severity, location, logicalPosition, message, secret, alsoMatched,
                properties, snippet, fingerprint, newSuppression);
    }

    /** Leaves the secret out: a finding printed by accident must not leak it. */
    @Override
    public String toString() {
        return "Finding[" + ruleId + " " + severity.label() + " " + location.file() + ":" + location.startLine()
                + ":" + location.startColumn() + " " + logicalPosition + " — " + message + "]";
    }

    /** Builds a finding; severity defaults to the rule's. */
    public static final class Builder {
        private final RuleInfo rule;
        private Severity severity;
        private Location location;
        private String logicalPosition = "";
        private String message;
        private String secret;
        private final SortedMap<String, String> properties = new TreeMap<>();

        private Builder(RuleInfo rule) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.severity = rule.severity();
        }

        public Builder severity(Severity severity) { this.severity = severity; return this; }
        public Builder location(Location location) { this.location = location; return this; }
        public Builder logicalPosition(String logicalPosition) { this.logicalPosition = logicalPosition; return this; }
        public Builder message(String message) { this.message = message; return this; }
        public Builder secret(String secret) { this.secret = secret; return this; }
        public Builder property(String key, String value) { this.properties.put(key, value); return this; }

        public Finding build() {
            return new Finding(rule.id(), severity, location, logicalPosition,
                    message == null ? rule.summary() : message, secret, null, properties, null, null, null);
        }
    }
}
