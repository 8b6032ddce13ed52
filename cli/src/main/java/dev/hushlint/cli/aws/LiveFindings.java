package dev.hushlint.cli.aws;

import dev.hushlint.engine.Fact;
import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.FindingMerger;
import dev.hushlint.engine.scan.PathDisplay;
import dev.hushlint.rules.aws.AwsExports;
import dev.hushlint.rules.aws.EnvironmentVariable;
import dev.hushlint.rules.aws.IamExport;
import dev.hushlint.rules.aws.IamExportIndexer;
import dev.hushlint.rules.aws.LambdaExport;
import dev.hushlint.rules.aws.LambdaFunction;
import dev.hushlint.rules.tree.JsonTree;
import dev.hushlint.rules.tree.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a live snapshot with the same {@code aws/…} rules as the offline path. The records are read back
 * from the redacted inventory text (so every position is a line of that file), the real environment values
 * are put back in memory only, and findings of functions that CloudFormation deployed from a scanned
 * template are anchored at that template's resource instead.
 */
final class LiveFindings {

    private LiveFindings() {
    }

    static Report judge(LiveSnapshot snapshot, String inventoryText, Path inventoryPath, Path baseDir,
                        TemplateIndex templates, RuleSet ruleSet) {
        TextFile inventory = new TextFile(inventoryPath, PathDisplay.of(baseDir, inventoryPath), inventoryText);
        Node root;
        try {
            root = JsonTree.parse(inventoryText);
        } catch (dev.hushlint.engine.InputException e) {
            throw new IllegalStateException("the inventory hushlint wrote does not parse", e);
        }
        LambdaExport redacted = AwsExports.lambdaFunctions(inventoryPath, root);
        IamExport iam = AwsExports.iam(inventoryPath, root);
        ScanContext context = context(iam, baseDir);

        Map<String, LiveSnapshot.Function> live = new HashMap<>();
        snapshot.functions().forEach(f -> live.put(f.arn(), f));
        List<Rule<LambdaExport>> rules = lambdaRules(ruleSet);
        List<RuleInfo> infos = rules.stream().map(Rule::info).toList();

        List<Finding> findings = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>(snapshot.notifications());
        Map<Path, TextFile> texts = new HashMap<>();
        texts.put(inventoryPath, inventory);
        for (LambdaFunction function : redacted == null ? List.<LambdaFunction>of() : redacted.functions()) {
            LambdaFunction withValues = withLiveValues(function, live.get(function.arn()));
            LambdaExport one = new LambdaExport(inventoryPath, List.of(withValues));
            List<Finding> raw = new ArrayList<>();
            for (Rule<LambdaExport> rule : rules) {
                RuleResult result = rule.check(one, context);
                raw.addAll(result.findings());
                // a role missing from the inventory could not be read: the scanner has said so, precisely
                result.notifications().stream().filter(n -> !n.code().equals("aws-role-unknown"))
                        .forEach(notifications::add);
            }
            Optional<TemplateIndex.Declaration> anchor = function.cloudFormationLogicalId()
                    .flatMap(id -> templates.find(id, function.cloudFormationStack().orElse(null)));
            if (anchor.isPresent()) {
                raw = raw.stream().map(f -> anchored(f, anchor.get(), function, inventory)).toList();
                texts.computeIfAbsent(anchor.get().template(), LiveFindings::template);
            }
            // merged per function: two functions deployed from one template line stay two findings
            findings.addAll(FindingMerger.merge(infos, raw, List.of(), baseDir, 1, 0, texts).findings());
        }
        findings.sort(FindingMerger.ORDER);
        Report merged = FindingMerger.merge(infos, List.of(), notifications, baseDir, 1, 0, Map.of());
        return merged.withFindings(findings);
    }

    @SuppressWarnings("unchecked")
    private static List<Rule<LambdaExport>> lambdaRules(RuleSet ruleSet) {
        List<Rule<LambdaExport>> out = new ArrayList<>();
        for (Rule<?> rule : ruleSet.rules()) {
            if (rule.inputType() == LambdaExport.class) {
                out.add((Rule<LambdaExport>) rule);
            }
        }
        return out;
    }

    private static LambdaFunction withLiveValues(LambdaFunction function, LiveSnapshot.Function live) {
        if (live == null) {
            return function;
        }
        List<EnvironmentVariable> variables = new ArrayList<>();
        for (EnvironmentVariable v : function.environment()) {
            String value = live.environment().get(v.name());
            variables.add(v.withValue(value == null ? "" : value));
        }
        return function.withEnvironment(variables);
    }

    private static Finding anchored(Finding f, TemplateIndex.Declaration at, LambdaFunction function, TextFile inventory) {
        TreeMap<String, String> properties = new TreeMap<>(f.properties());
        properties.put("cloudFormationLogicalId", at.logicalId());
        function.cloudFormationStack().ifPresent(s -> properties.put("cloudFormationStack", s));
        properties.put("inventoryLine", Integer.toString(f.location().startLine()));
        String message = f.message() + " (deployed from " + at.logicalId() + " in this template"
                + function.cloudFormationStack().map(s -> ", stack " + s).orElse("") + ")";
        return new Finding(f.ruleId(), f.severity(), at.location(), f.logicalPosition(), message, f.secret(),
                f.alsoMatched(), properties, null, null, null);
    }

    private static TextFile template(Path path) {
        try {
            return new TextFile(path, path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new TextFile(path, path.toString(), "");
        }
    }

    private static ScanContext context(IamExport iam, Path baseDir) {
        Map<FactKey<?>, List<Object>> facts = new HashMap<>();
        if (iam != null) {
            for (Fact<?> fact : new IamExportIndexer().index(iam)) {
                facts.computeIfAbsent(fact.key(), k -> new ArrayList<>()).add(fact.value());
            }
        }
        return new ScanContext() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> facts(FactKey<T> key) {
                return (List<T>) facts.getOrDefault(key, List.of());
            }

            @Override
            public Path baseDir() {
                return baseDir;
            }
        };
    }
}
