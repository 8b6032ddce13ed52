package dev.hushlint.cli;

import dev.hushlint.engine.RuleInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule documentation from the rules' own metadata: {@code docs/rules.md} ({@code hushlint rules --format markdown})
 * and {@code hushlint rules --explain <id>} print the same text, so neither can drift from the code.
 */
final class RuleDocs {

    private RuleDocs() {
    }

    static String page(List<RuleInfo> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rules\n\n");
        sb.append("<!-- Generated from the rules' metadata by `hushlint rules --format markdown`; do not edit. -->\n\n");
        sb.append("Every rule hushlint runs, with its default severity. Severities map to SARIF levels: critical and ")
                .append("high → `error`, medium → `warning`, low → `note`. A configuration file can change a rule's ")
                .append("severity or turn it off (see [configuration.md](configuration.md)).\n\n");
        sb.append("| Rule | Severity | Summary |\n|---|---|---|\n");
        for (RuleInfo r : rules) {
            sb.append("| [`").append(r.id()).append("`](#").append(anchor(r.id())).append(") | ")
                    .append(r.severity().label()).append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        }
        for (RuleInfo r : rules) {
            sb.append("\n").append(section(r, "##"));
        }
        return sb.toString();
    }

    /** One rule's help, as {@code --explain} prints it. */
    static String explain(RuleInfo r) {
        return section(r, "#");
    }

    private static String section(RuleInfo r, String heading) {
        StringBuilder sb = new StringBuilder();
        sb.append(heading).append(" ").append(r.id()).append("\n\n");
        sb.append("**").append(r.name()).append("** · severity ").append(r.severity().label())
                .append(" · precision ").append(r.precision());
        if (!r.cwes().isEmpty()) {
            sb.append(" · ").append(r.cwes().stream()
                    .map(c -> "[CWE-" + c + "](https://cwe.mitre.org/data/definitions/" + c + ".html)")
                    .collect(Collectors.joining(", ")));
        }
        sb.append("\n\n").append(r.summary()).append(".\n\n");
        sb.append(demote(r.help().strip(), heading)).append("\n\n");
        sb.append(heading).append("# How to suppress\n\n");
        sb.append("At the end of the finding's line, or alone on a line above it, in any comment syntax, with a reason:\n\n");
        sb.append("```\n# hushlint:ignore ").append(r.id()).append(" <why this is safe>\n```\n\n");
        sb.append("In Java, also `@SuppressWarnings(\"hushlint:").append(r.id())
                .append("\") // <why>` on a class, method, field, parameter or local variable. ");
        sb.append("To accept every current finding at once, record a baseline: `hushlint baseline create`.\n");
        return sb.toString();
    }

    /** Pushes the help's own headings below the section heading. */
    private static String demote(String help, String heading) {
        StringBuilder sb = new StringBuilder();
        boolean inFence = false;
        for (String line : help.lines().toList()) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
            }
            sb.append(!inFence && line.startsWith("#") ? heading + line : line).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String anchor(String id) {
        return id.replace("/", "").replace("*", "");
    }
}
