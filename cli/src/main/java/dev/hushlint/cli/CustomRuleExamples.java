package dev.hushlint.cli;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.settings.CustomRule;
import dev.hushlint.rules.settings.ScanPolicy;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code hushlint rules --test}: each custom rule must find its positive examples and none of its negative ones.
 * Examples are shown by number, never quoted: they look like secrets.
 */
final class CustomRuleExamples {

    private CustomRuleExamples() {
    }

    static int run(ScanPolicy policy, PrintWriter out) {
        List<CustomRule> rules = policy.customRules();
        if (rules.isEmpty()) {
            out.println("no custom rules in " + (policy.settings().file() == null ? "the configuration (no .hushlint.yml found)"
                    : policy.settings().file()));
            out.flush();
            return Main.OK;
        }
        int failures = 0;
        int checked = 0;
        for (CustomRule rule : rules) {
            List<String> positive = rule.spec().truePositives();
            List<String> negative = rule.spec().falsePositives();
            if (positive.isEmpty() && negative.isEmpty()) {
                out.println("WARN " + rule.info().id() + ": no examples (add examples.positive and examples.negative)");
                continue;
            }
            int before = failures;
            for (int i = 0; i < positive.size(); i++) {
                checked++;
                if (rule.find(TextFile.of("example", positive.get(i))).isEmpty()) {
                    out.println("FAIL " + rule.info().id() + ": positive example " + (i + 1) + " is not found");
                    failures++;
                }
            }
            for (int i = 0; i < negative.size(); i++) {
                checked++;
                if (!rule.find(TextFile.of("example", negative.get(i))).isEmpty()) {
                    out.println("FAIL " + rule.info().id() + ": negative example " + (i + 1) + " is reported");
                    failures++;
                }
            }
            if (failures == before) {
                out.println("ok   " + rule.info().id() + ": " + positive.size() + " positive, " + negative.size() + " negative");
            }
        }
        out.println(failures == 0 ? "all " + checked + " examples passed"
                : failures + " of " + checked + " examples failed");
        out.flush();
        return failures == 0 ? Main.OK : Main.FINDINGS;
    }
}
