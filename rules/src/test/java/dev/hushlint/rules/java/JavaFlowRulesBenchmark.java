package dev.hushlint.rules.java;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A benchmark (not a test): scans a tree with the Java flow and Lambda rules only and prints wall time,
 * lines per second, how many files pass each lexical prefilter (those are the only ones parsed), and the
 * findings. Usage: {@code java -cp … dev.hushlint.rules.java.JavaFlowRulesBenchmark /tmp/jdk-src/java.base}
 */
public final class JavaFlowRulesBenchmark {

    private static final Set<String> RULES = Set.of(SecretLogged.INFO.id(), LambdaSecretPerInvocation.INFO.id(),
            LambdaStaticAwsCredentials.INFO.id());

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        // only these rules and their own indexer (other helpers' indexers and suppressors are not measured here)
        RuleSet all = BuiltInRules.ruleSet();
        RuleSet rules = new RuleSet(all.readers(), List.of(new LambdaHandlers()),
                all.rules().stream().filter(r -> RULES.contains(r.info().id())).toList(), List.of(), false);
        if (args.length == 1) {
            // the engine alone (walk, read, decode; no index, no rules), warmed once: what the rules add comes on top
            RuleSet bare = new RuleSet(all.readers(), List.of(), List.of(), List.of(), false);
            new Scanner(bare).scan(ScanRequest.of(root).withBaseDir(root));
            long t = System.nanoTime();
            new Scanner(bare).scan(ScanRequest.of(root).withBaseDir(root));
            System.out.printf("engine baseline (no indexers, no rules) %.2f s wall%n", (System.nanoTime() - t) / 1e9);
        }
        long start = System.nanoTime();
        Report report = new Scanner(rules).scan(ScanRequest.of(root).withBaseDir(root));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (args.length == 1) {
            // the first scan pays class loading and JIT of the parser; a second one shows the steady state
            long again = System.nanoTime();
            new Scanner(rules).scan(ScanRequest.of(root).withBaseDir(root));
            System.out.printf("second (warm) scan with the three rules and the indexer: %.2f s wall%n",
                    (System.nanoTime() - again) / 1e9);
        }

        long lines = 0;
        int files = 0;
        int secretLoggedParses = 0;
        int lambdaParses = 0;
        ScanContext none = ScanContext.empty(root);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                files++;
                lines += text.lines().count();
                if (SecretLogged.mayLogSecret(text)) {
                    secretLoggedParses++;
                }
                if (LambdaHandlers.couldDeclareHandler(text, none)) {
                    lambdaParses++;
                }
            }
        }
        System.out.printf("first (cold JVM) scan: files %d, lines %d, wall %.2f s, %.0f lines/s%n", files, lines, seconds,
                lines / seconds);
        System.out.printf("prefilter: secret-logged would parse %d files, Lambda rules %d files%n",
                secretLoggedParses, lambdaParses);
        System.out.printf("findings %d, notifications %d%n", report.findings().size(), report.notifications().size());
        if (args.length > 1) {
            writeMinimalSarif(report, root, Path.of(args[1]));
            return;
        }
        inMemory(root);
        report.findings().forEach(f -> System.out.println("  " + f));
        List.copyOf(report.notifications()).stream().limit(20).forEach(n -> System.out.println("  " + n));
    }

    /**
     * The rules alone, one thread, over files already in memory: CPU time of the index pass and of each
     * rule (parses included), independent of disk and of other load on the machine.
     */
    private static void inMemory(Path root) throws IOException {
        List<TextFile> texts;
        try (Stream<Path> s = Files.walk(root)) {
            texts = s.filter(f -> f.toString().endsWith(".java")).sorted().map(p -> {
                try {
                    return new TextFile(p, root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 2; round++) {
            List<JavaSource> sources = texts.stream().map(JavaSource::new).toList();
            long cpu = bean.getCurrentThreadCpuTime();
            java.util.Map<dev.hushlint.engine.FactKey<?>, List<Object>> facts = new java.util.HashMap<>();
            LambdaHandlers indexer = new LambdaHandlers();
            for (JavaSource source : sources) {
                for (dev.hushlint.engine.Fact<?> f : indexer.index(source)) {
                    facts.computeIfAbsent(f.key(), k -> new java.util.ArrayList<>()).add(f.value());
                }
            }
            ScanContext context = new ScanContext() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> List<T> facts(dev.hushlint.engine.FactKey<T> key) {
                    return (List<T>) facts.getOrDefault(key, List.of());
                }

                @Override
                public Path baseDir() {
                    return root;
                }
            };
            StringBuilder line = new StringBuilder(String.format("round %d: index %.2f s CPU", round,
                    (bean.getCurrentThreadCpuTime() - cpu) / 1e9));
            List<dev.hushlint.engine.Rule<JavaSource>> rules = List.of(new SecretLogged(), new LambdaSecretPerInvocation(),
                    new LambdaStaticAwsCredentials());
            int findings = 0;
            for (dev.hushlint.engine.Rule<JavaSource> rule : rules) {
                long t = bean.getCurrentThreadCpuTime();
                for (JavaSource source : sources) {
                    findings += rule.check(source, context).findings().size();
                }
                line.append(String.format(", %s %.2f s", rule.info().id(), (bean.getCurrentThreadCpuTime() - t) / 1e9));
            }
            long t = bean.getCurrentThreadCpuTime();
            int pass = 0;
            for (TextFile text : texts) {
                pass += SecretLogged.mayLogSecret(text.text()) ? 1 : 0;
            }
            line.append(String.format(" (its prefilter alone %.2f s, %d files pass)", (bean.getCurrentThreadCpuTime() - t) / 1e9, pass));
            line.append(String.format(", total %.2f s CPU, findings %d", (bean.getCurrentThreadCpuTime() - cpu) / 1e9, findings));
            System.out.println(line);
        }
    }

    /** The fields ../shared/eval/score.py reads (rule id, relative path, start line); no engine writer needed. */
    private static void writeMinimalSarif(Report report, Path root, Path out) throws IOException {
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"hushlint\"}},\"results\":[");
        String sep = "";
        for (dev.hushlint.engine.Finding f : report.findings()) {
            String uri = root.relativize(f.location().file()).toString().replace('\\', '/');
            json.append(sep).append("{\"ruleId\":\"").append(f.ruleId()).append("\",\"locations\":[{\"physicalLocation\":")
                    .append("{\"artifactLocation\":{\"uri\":\"").append(uri).append("\"},\"region\":{\"startLine\":")
                    .append(f.location().startLine()).append("}}}]}");
            sep = ",";
        }
        json.append("]}]}");
        Files.writeString(out, json);
    }

    private JavaFlowRulesBenchmark() {
    }

}
