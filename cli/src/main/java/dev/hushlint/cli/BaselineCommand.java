package dev.hushlint.cli;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.FileAccess;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.engine.suppress.Baseline;
import dev.hushlint.engine.suppress.ValueHasher;
import dev.hushlint.rules.settings.ScanPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hushlint baseline create}: records today's findings so later scans report only new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Manage the baseline: findings a team has accepted, so scans gate only on new ones.",
        subcommands = {BaselineCommand.Create.class})
public final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Scan and record every current finding in a baseline file (commit it).",
                    "Values are stored only as salted PBKDF2 hashes: the file holds no secret."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                    "0:the baseline was written, whatever it holds",
                    "2:usage or configuration error",
                    "3:internal error"})
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or directories to scan (default: .)")
        List<Path> paths;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ".hushlint-baseline.json",
                description = "where to write the baseline (default: ${DEFAULT-VALUE})")
        Path output;

        @Option(names = "--base-dir", paramLabel = "DIR",
                description = "record paths relative to DIR; use the same --base-dir when scanning (default: the current directory)")
        Path baseDir;

        @Mixin
        PolicyOptions policy;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
        Integer threads;

        @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MB", converter = ByteSize.class,
                description = "skip files larger than SIZE (default: ${DEFAULT-VALUE})")
        long maxFileSize;

        @Option(names = "--respect-gitignore", description = "leave out files that .gitignore ignores")
        boolean respectGitignore;

        @Option(names = "--hash-iterations", paramLabel = "N", defaultValue = "" + ValueHasher.DEFAULT_ITERATIONS,
                description = "PBKDF2 iterations per stored value: more makes guessing a value from the file slower, "
                        + "and every scan with this baseline slower too (default: ${DEFAULT-VALUE})")
        int hashIterations;

        @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
        boolean quiet;

        @Option(names = "--debug", description = "show internal details (stack traces) of errors")
        boolean debug;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of(".")) : paths;
            for (Path root : roots) {
                if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UsageError("no such file or directory: " + root);
                }
            }
            Path base = (baseDir == null ? Path.of("") : baseDir).toAbsolutePath().normalize();
            if (!Files.isDirectory(base)) {
                throw new UsageError("--base-dir is not a directory: " + base);
            }
            if (threads != null && threads < 1) {
                throw new UsageError("--threads must be at least 1");
            }
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            ScanPolicy scanPolicy = policy.policy(roots, null);
            ScanRequest request = scanPolicy.request(new ScanRequest(roots, base, n, maxFileSize, respectGitignore, List.of()));
            PrintStream debugStream = debug ? System.err : null;
            Report report = scanPolicy.apply(new Scanner(PolicyOptions.ruleSet(scanPolicy), FileAccess.DEFAULT, debugStream)
                    .scan(request)).report();
            if (hashIterations < ValueHasher.MIN_ITERATIONS || hashIterations > 10_000_000) {
                throw new UsageError("--hash-iterations must be from " + ValueHasher.MIN_ITERATIONS + " to 10000000");
            }
            Baseline baseline = Baseline.create(report, ValueHasher.random(hashIterations));
            try {
                baseline.write(output);
            } catch (IOException e) {
                throw new UsageError("cannot write the baseline to " + output + ": " + e.getClass().getSimpleName());
            }
            if (!quiet) {
                long hashed = report.activeFindings().stream().map(Finding::secret).filter(s -> s != null && !s.isEmpty()).count();
                int entries = baseline.entries().size();
                err.println("baseline written to " + output + ": " + report.activeFindings().size()
                        + (report.activeFindings().size() == 1 ? " finding" : " findings") + " accepted in " + entries
                        + (entries == 1 ? " entry" : " entries") + " (" + hashed + " with a value, stored as a salted hash)");
            }
            err.flush();
            return Main.OK;
        }
    }
}
