package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.PathDisplay;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scans a directory with every built-in rule and writes a minimal SARIF-shaped file (ruleId, relative uri,
 * startLine) for {@code shared/eval/score.py}, until the CLI writes real SARIF. Not a test.
 *
 * <pre>java -cp … dev.hushlint.rules.iac.PeerCorpusScan /work/shared/eval/peer-iac /tmp/peer.sarif [--verbose]</pre>
 */
public final class PeerCorpusScan {

    private PeerCorpusScan() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]);
        boolean verbose = args.length > 2 && args[2].equals("--verbose");
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(root).withBaseDir(root));
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"hushlint\"}},\"results\":[");
        boolean first = true;
        for (Finding f : report.findings()) {
            String uri = PathDisplay.of(root, f.location().file());
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"ruleId\":\"").append(f.ruleId()).append("\",\"message\":{\"text\":\"")
                    .append(f.message().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"")
                    .append(uri).append("\"},\"region\":{\"startLine\":").append(f.location().startLine())
                    .append("}}}]}");
            if (verbose) {
                System.out.println(uri + ":" + f.location().startLine() + " " + f.ruleId() + " " + f.severity().label()
                        + " " + f.message());
            }
        }
        json.append("]}]}\n");
        Files.writeString(out, json, StandardCharsets.UTF_8);
        for (Notification n : report.notifications()) {
            System.out.println("notification " + n.level() + " " + n.code() + " " + (n.file() == null ? "" : PathDisplay.of(root, n.file()))
                    + ":" + n.line() + " " + n.message());
        }
        System.out.println(report.findings().size() + " findings, " + report.filesScanned() + " files scanned");
    }
}
