package dev.hushlint.cli;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.scan.FileAccess;
import dev.hushlint.engine.scan.ReportCache;
import dev.hushlint.engine.scan.ScanListener;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.settings.ScanPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hushlint scan [PATH...]}: scans files and directories. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan files and directories for leaked secrets and secret-hygiene problems.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing at or above the --fail-on threshold (always 0 with --fail-on none)",
                "1:findings at or above the threshold",
                "2:usage or configuration error",
                "3:internal error"})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or directories to scan (default: .)")
    List<Path> paths;

    @Mixin
    ReportOptions report;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MB", converter = ByteSize.class,
            description = "skip files larger than SIZE, with a notification (default: ${DEFAULT-VALUE})")
    long maxFileSize;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "accept the findings recorded in FILE (see 'hushlint baseline create'): only new ones are reported and gate")
    Path baseline;

    @Option(names = "--respect-gitignore",
            description = "leave out files that .gitignore ignores (off by default: ignored files such as .env still leak on build machines)")
    boolean respectGitignore;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "leave out paths matching GLOB, relative to the base directory (repeatable), e.g. 'test-fixtures/**'")
    List<String> excludes;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "reuse the previous result stored in DIR when no scanned file, rule or option has changed "
                    + "(a content-hash cache; off by default; it never stores a secret)")
    Path cacheDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageError("no such file or directory: " + root);
            }
        }
        if (threads != null && threads < 1) {
            throw new UsageError("--threads must be at least 1");
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ScanPolicy scanPolicy = policy.policy(roots, baseline);
        ScanRequest request = scanPolicy.request(new ScanRequest(roots, report.baseDir(), n, maxFileSize,
                respectGitignore, excludes == null ? List.of() : excludes));
        PrintStream debug = report.debug ? System.err : null;
        RuleSet rules = PolicyOptions.ruleSet(scanPolicy);
        Scanner scanner = new Scanner(rules, FileAccess.DEFAULT, debug);
        Progress progress = !report.quiet && Terminal.isInteractive() ? new Progress(err) : null;
        ScanListener listener = progress == null ? ScanListener.NONE : progress;
        Report result;
        if (cacheDir == null || baseline != null) {
            // a cached report holds no secret values, so it cannot be matched against a baseline's value hashes
            result = scanner.scan(request, listener);
        } else {
            List<Path> inputs = scanPolicy.settings().file() == null ? List.of() : List.of(scanPolicy.settings().file());
            ReportCache.Outcome outcome = new ReportCache(cacheDir).scan(scanner, rules, request, inputs, listener);
            result = outcome.report();
            if (outcome.reused() && !report.quiet) {
                err.println("hushlint: nothing changed since the last scan: result from the cache in " + cacheDir);
            }
        }
        if (progress != null) {
            progress.finish();
        }
        ScanPolicy.Applied applied = scanPolicy.apply(result);
        if (applied.baseline() != null && !report.quiet) {
            err.println(applied.baseline().summary());
        }
        return report.emit(applied.report(), "hushlint", out, err);
    }
}
