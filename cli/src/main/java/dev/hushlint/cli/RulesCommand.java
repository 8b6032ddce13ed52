package dev.hushlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.rules.BuiltInRules;
import dev.hushlint.rules.settings.CustomRule;
import dev.hushlint.rules.settings.ScanPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hushlint rules}: the table of every rule. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every rule: id, severity, summary (with the custom rules of the configuration).",
                "--explain ID prints one rule's help; --test runs the examples of the configuration's custom rules."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:listed, explained, or every custom rule example passed",
                "1:a custom rule example failed (--test)",
                "2:usage or configuration error (unknown rule id)"})
public final class RulesCommand implements Callable<Integer> {

    /** Formats this command writes. */
    enum Format { TEXT, JSON, MARKDOWN }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (docs/rules.md) (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--explain", paramLabel = "ID", description = "print the help of one rule: what, why, bad and good example, how to suppress")
    String explain;

    @Option(names = "--test", description = "run the true and false examples of the configuration's custom rules")
    boolean test;

    @Mixin
    PolicyOptions policy;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ScanPolicy scanPolicy = ScanPolicy.of(policy.settings(List.of(Path.of("."))), null, true);
        if (test) {
            return CustomRuleExamples.run(scanPolicy, out);
        }
        List<CustomRule> custom = scanPolicy.customRules();
        List<RuleInfo> rules = (custom.isEmpty() ? BuiltInRules.ruleSet() : BuiltInRules.ruleSet().withRules(custom)).infos();
        if (explain != null) {
            RuleInfo rule = rules.stream().filter(r -> r.id().equals(explain)).findFirst()
                    .orElseThrow(() -> new UsageError("no rule named '" + explain + "' ('hushlint rules' lists them)"));
            out.println(RuleDocs.explain(rule));
            out.flush();
            return Main.OK;
        }
        if (format == Format.MARKDOWN) {
            out.print(RuleDocs.page(rules));
        } else if (format == Format.JSON) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (RuleInfo r : rules) {
                    g.writeStartObject();
                    g.writeStringField("id", r.id());
                    g.writeStringField("name", r.name());
                    g.writeStringField("severity", r.severity().label());
                    g.writeStringField("summary", r.summary());
                    g.writeArrayFieldStart("cwe");
                    for (int cwe : r.cwes()) {
                        g.writeNumber(cwe);
                    }
                    g.writeEndArray();
                    g.writeStringField("precision", r.precision());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            out.println();
        } else {
            int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
            out.printf("%-" + width + "s  %-8s  %s%n", "ID", "SEVERITY", "SUMMARY");
            for (RuleInfo r : rules) {
                out.printf("%-" + width + "s  %-8s  %s%n", r.id(), r.severity().label(), r.summary());
            }
        }
        out.flush();
        return Main.OK;
    }
}
