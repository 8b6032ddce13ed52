package dev.hushlint.rules.secret;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;

import java.nio.file.Path;
import java.util.List;

/**
 * A plain-main benchmark (not a test): scans a tree with {@code secret/known-format} alone and prints the wall
 * time of each run and the findings (pattern and location only, never the value). Usage:
 * {@code KnownFormatBenchmark <dir> [runs] [threads]}; see {@code bench/known-format.sh}.
 */
public final class KnownFormatBenchmark {

    private KnownFormatBenchmark() {
    }

    /** The detector alone over texts already in memory, single-threaded, in CPU time (machine load aside). */
    private static void detectorOnly(Path root, int runs) {
        List<String> texts = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                texts.add(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        SecretDetector detector = SecretDetector.standard();
        for (int run = 1; run <= runs; run++) {
            long cpu = bean.getCurrentThreadCpuTime();
            int found = 0;
            for (String text : texts) {
                found += detector.find(text).size();
            }
            long millis = (bean.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            System.out.printf("detector only, run %d: %d ms CPU over %d files (%d MB of text), %d matches%n", run,
                    millis, texts.size(), chars >> 20, found);
        }
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "/tmp/jdk17/java.base").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        RuleSet ruleSet = new RuleSet(List.of(), List.of(), List.of(new KnownFormatSecret()));
        Report report = null;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            report = new Scanner(ruleSet).scan(ScanRequest.of(root).withBaseDir(root).withThreads(threads));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %d ms, %d files scanned, %d findings%n", run, millis, report.filesScanned(),
                    report.findings().size());
        }
        detectorOnly(root, runs);
        for (Finding f : report.findings()) {
            System.out.println("  " + f.location() + " " + f.properties().get("pattern"));
        }
    }
}
