package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;

import java.nio.file.Path;

/**
 * Not a test: a benchmark entry point for the JDK-sources figure in the report (speed is measured in
 * benchmarks, never in timed tests). Usage: {@code java -cp … ScanBenchmark DIR [rule-id-prefix]}.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]).toAbsolutePath();
        String prefix = args.length > 1 ? args[1] : "";
        var rules = BuiltInRules.ruleSet().filter(r -> r.id().startsWith(prefix) || r.id().equals("secret/known-format"));
        long start = System.nanoTime();
        Report report = new Scanner(rules).scan(ScanRequest.of(dir).withBaseDir(dir));
        long ms = (System.nanoTime() - start) / 1_000_000;
        for (Finding f : report.findings()) {
            System.out.println(f.severity().label() + " " + f.ruleId() + " " + f.location().file().toString().replace(dir + "/", "")
                    + ":" + f.location().startLine() + " " + f.message() + " | " + f.snippet());
        }
        long parseErrors = report.notifications().stream().filter(n -> n.code().equals("parse-error")).count();
        for (Notification n : report.notifications()) {
            if (!n.code().equals("parse-error")) {
                System.out.println("notification " + n.code() + " " + n.file() + " " + n.message());
            }
        }
        System.out.println("files=" + report.filesScanned() + " findings=" + report.findings().size()
                + " parse-errors=" + parseErrors + " wall-ms=" + ms);
    }
}
