package dev.hushlint.cli.github;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code hushlint github upload FILE.sarif}: uploads SARIF to GitHub code scanning. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {
                "Upload a SARIF file to GitHub code scanning (POST /repos/{owner}/{repo}/code-scanning/sarifs).",
                "Repository, commit and ref come from the flags, else GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_REF "
                        + "(set in GitHub Actions), else git. The token is read from an environment variable and never printed.",
                "GitHub's limits are checked first: 10 MB gzipped, 20 runs, 25,000 results and 25,000 rules per run, "
                        + "1,000 locations per result, one run per tool and category. Suppressed results are left out "
                        + "(GitHub would open an alert for each) unless --include-suppressed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:accepted by GitHub (with --wait: processed)",
                "1:rejected by GitHub (any 4xx, or processing failed), or over one of GitHub's limits",
                "2:usage or configuration error",
                "3:network failure, or GitHub unavailable (5xx) after retries"})
public final class UploadCommand implements Callable<Integer> {

    /** The environment; tests replace it. */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the SARIF file to upload")
    Path file;

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "the repository (default: $GITHUB_REPOSITORY, else git's origin)")
    String repo;

    @Option(names = "--sha", paramLabel = "SHA", description = "the commit analysed (default: $GITHUB_SHA, else git's HEAD)")
    String sha;

    @Option(names = "--ref", paramLabel = "REF", description = "refs/heads/BRANCH, refs/tags/TAG or refs/pull/N/merge (default: $GITHUB_REF, else git's branch)")
    String ref;

    @Option(names = "--checkout-uri", paramLabel = "URI", description = "the checkout's root as a file URI or path (default: $GITHUB_WORKSPACE, else git's top level)")
    String checkoutUri;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "GITHUB_TOKEN",
            description = "the environment variable holding the token (default: ${DEFAULT-VALUE}); it needs the security_events scope, or 'security-events: write' in a workflow")
    String tokenEnv;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "the API root (default: $GITHUB_API_URL, else https://api.github.com); GitHub Enterprise Server: https://HOST/api/v3")
    String apiUrl;

    @Option(names = "--wait", description = "wait until GitHub has processed the upload, and print its errors if it failed")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "300", description = "give up waiting after SECONDS (default: ${DEFAULT-VALUE})")
    double waitTimeout;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "5", description = "seconds between status checks with --wait (default: ${DEFAULT-VALUE})")
    double pollInterval;

    @Option(names = "--include-suppressed", description = "also upload suppressed results (GitHub shows them as open alerts)")
    boolean includeSuppressed;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "4", description = "tries per request on network failures and 5xx answers (default: ${DEFAULT-VALUE})")
    int attempts;

    @Option(names = "--retry-delay", paramLabel = "SECONDS", defaultValue = "2", hidden = true,
            description = "the first retry's delay; each next one doubles")
    double retryDelay;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return upload(out, err);
        } catch (UploadFailure e) {
            err.println("hushlint github upload: " + e.getMessage());
            return e.exitCode();
        }
    }

    private int upload(PrintWriter out, PrintWriter err) throws UploadFailure, InterruptedException {
        if (attempts < 1 || pollInterval <= 0 || waitTimeout <= 0 || retryDelay < 0) {
            throw new UploadFailure(UploadFailure.USAGE, "--attempts, --poll-interval and --wait-timeout must be positive");
        }
        String api = apiUrl != null ? apiUrl : environment.apply("GITHUB_API_URL");
        URI apiRoot = CodeScanningClient.apiUrl(api == null || api.isBlank() ? "https://api.github.com" : api);
        SarifPayload payload = SarifPayload.prepare(file, includeSuppressed);
        String token = environment.apply(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new UploadFailure(UploadFailure.USAGE, "no token: the environment variable " + tokenEnv + " is not set "
                    + "(a token with the security_events scope; in GitHub Actions, GITHUB_TOKEN with 'permissions: security-events: write')");
        }
        UploadTarget target = UploadTarget.resolve(repo, sha, ref, checkoutUri, environment,
                UploadTarget.Git.in(Path.of("").toAbsolutePath()));
        String startedAt = payload.startedAt() != null ? payload.startedAt()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        CodeScanningClient client = new CodeScanningClient(apiRoot, token.strip(),
                new CodeScanningClient.Retry(attempts, seconds(retryDelay)), CodeScanningClient.Sleeper.REAL);
        CodeScanningClient.Receipt receipt = client.upload(target, payload, startedAt);
        out.println("uploaded " + file + " to " + target.repository() + " (" + payload.results()
                + (payload.results() == 1 ? " result" : " results")
                + (payload.leftOut() > 0 ? ", " + payload.leftOut() + " suppressed left out" : "")
                + ", " + target.ref() + " @ " + target.sha().substring(0, 12) + "): sarif id " + receipt.id());
        if (!await) {
            return 0;
        }
        Instant deadline = Instant.now().plus(seconds(waitTimeout));
        while (true) {
            CodeScanningClient.Status status = client.status(target, receipt.id());
            switch (status.processingStatus()) {
                case "complete" -> {
                    out.println("processed by GitHub" + (status.analysesUrl() == null ? "" : ": " + status.analysesUrl()));
                    return 0;
                }
                case "failed" -> {
                    err.println("hushlint github upload: GitHub failed to process the upload:");
                    status.errors().forEach(e -> err.println("  " + e));
                    return UploadFailure.REJECTED;
                }
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new UploadFailure(UploadFailure.UNAVAILABLE, "still '" + status.processingStatus()
                                + "' after " + BigDecimal.valueOf(waitTimeout).stripTrailingZeros().toPlainString() + " s; check later: " + receipt.url());
                    }
                    Thread.sleep(seconds(pollInterval).toMillis());
                }
            }
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
