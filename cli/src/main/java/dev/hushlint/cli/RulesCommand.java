package dev.hushlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.rules.BuiltInRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hushlint rules}: the table of every rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule: id, severity, summary.")
public final class RulesCommand implements Callable<Integer> {

    /** Formats this command writes. */
    enum Format { TEXT, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleInfo> rules = BuiltInRules.ruleSet().infos();
        if (format == Format.JSON) {
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
