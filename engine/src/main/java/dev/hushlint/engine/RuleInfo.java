package dev.hushlint.engine;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule's metadata, kept beside the rule (the role Error Prone's {@code @BugPattern} plays).
 *
 * @param id          public contract: lowercase {@code family/kebab-name}; appears in SARIF, suppressions, baselines
 * @param name        PascalCase name (SARIF {@code rules[].name})
 * @param severity    default severity; a finding may raise it when the evidence is stronger
 * @param summary     one line, no trailing period needed
 * @param help        markdown: what, why, a bad and a good example, how to fix
 * @param cwes        CWE numbers, e.g. 798
 * @param precision   SARIF precision: very-high, high, medium or low
 * @param generic     true for rules that know no context (the token detector); when a specific rule reports
 *                    the same value at the same place, the specific rule's finding wins
 */
public record RuleInfo(String id, String name, Severity severity, String summary, String help,
                       List<Integer> cwes, String precision, boolean generic) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> PRECISIONS = List.of("very-high", "high", "medium", "low");

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be family/kebab-name: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(help, "help");
        cwes = List.copyOf(cwes);
        if (!PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("precision must be one of " + PRECISIONS + ": " + precision);
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The family: the part of the id before the slash. */
    public String family() {
        return id.substring(0, id.indexOf('/'));
    }

    /** Fluent construction, so a rule's metadata reads like an annotation. */
    public static final class Builder {
        private final String id;
        private String name;
        private Severity severity = Severity.MEDIUM;
        private String summary;
        private String help;
        private List<Integer> cwes = List.of();
        private String precision = "high";
        private boolean generic;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder severity(Severity severity) { this.severity = severity; return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder help(String help) { this.help = help; return this; }
        public Builder cwe(Integer... cwes) { this.cwes = List.of(cwes); return this; }
        public Builder precision(String precision) { this.precision = precision; return this; }
        public Builder generic() { this.generic = true; return this; }

        public RuleInfo build() {
            return new RuleInfo(id, name, severity, summary, help, cwes, precision, generic);
        }
    }
}
