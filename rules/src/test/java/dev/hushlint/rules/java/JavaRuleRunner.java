package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs Java rules on sources held in a test: one file alone, or a small tree through the whole engine. */
final class JavaRuleRunner {

    private JavaRuleRunner() {
    }

    /** One file, no index: what a rule sees without scan-wide facts. */
    static List<Finding> check(Rule<JavaSource> rule, String source) {
        RuleResult result = rule.check(new JavaSource(TextFile.of("Test.java", source)), ScanContext.empty(Path.of("")));
        return result.findings();
    }

    static RuleResult result(Rule<JavaSource> rule, String source) {
        return rule.check(new JavaSource(TextFile.of("Test.java", source)), ScanContext.empty(Path.of("")));
    }

    /** Several files written to a directory and scanned by the engine with every built-in rule and indexer. */
    static Report scan(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleSet rules = BuiltInRules.ruleSet();
        return new Scanner(rules).scan(ScanRequest.of(dir).withBaseDir(dir));
    }

    /** Lines of the findings of one rule, in order. */
    static List<Integer> lines(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(f -> f.location().startLine()).sorted().toList();
    }
}
