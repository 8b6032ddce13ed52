package dev.hushlint.cli.aws;

import dev.hushlint.cli.Main;
import dev.hushlint.cli.OutputFormat;
import dev.hushlint.cli.PolicyOptions;
import dev.hushlint.cli.ReportOptions;
import dev.hushlint.cli.UsageError;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.rules.settings.ScanPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hushlint aws}: scans live Lambda functions (environment variables, KMS key, execution role) with
 * read-only calls, and judges them with the same {@code aws/…} rules as the offline path over CLI exports.
 */
@Command(name = "aws", mixinStandardHelpOptions = true,
        description = {
                "Scan live Lambda functions for plaintext secrets in environment variables and execution roles that "
                        + "can read every secret. Read-only; uses the AWS SDK's default credential chain "
                        + "(environment, profiles, SSO, container and instance roles).",
                "Environment variable values are never printed or written: the --inventory file holds their names only."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing at or above the --fail-on threshold",
                "1:findings at or above the threshold",
                "2:usage or configuration error",
                "3:internal error, or nothing at all could be checked (no credentials, every region or role denied)"})
public final class AwsCommand implements Callable<Integer> {

    /** Exit code when not one region could be listed. */
    public static final int NOTHING_CHECKED = 3;
    public static final String DEFAULT_INVENTORY = "hushlint-aws-inventory.json";
    public static final String DEFAULT_CATEGORY = "hushlint-aws";

    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "accept the findings recorded in FILE (see 'hushlint baseline create'): only new ones are reported and gate")
    Path baseline;

    @Option(names = "--profile", paramLabel = "NAME", description = "the AWS profile to use (SSO profiles work)")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "a region to scan; repeatable (default: the profile's or environment's region)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--all-regions", description = "scan every region enabled for the account (ec2:DescribeRegions)")
    boolean allRegions;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "assume this read-only role (one per account); repeatable for several accounts")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--function", paramLabel = "NAME",
            description = "scan only this function (name or ARN, lambda:GetFunctionConfiguration); repeatable")
    List<String> functions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "send every AWS call to URL (tests, private endpoints)")
    String endpointUrl;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "write the redacted inventory of what was scanned to FILE; always written with --format sarif "
                    + "(default: " + DEFAULT_INVENTORY + " in the base directory), so every result has a file to point at")
    Path inventory;

    @Option(names = "--templates", paramLabel = "PATH",
            description = "CloudFormation/SAM templates that deployed the functions: a finding on a function tagged "
                    + "aws:cloudformation:logical-id is anchored at its resource (default: the base directory); "
                    + "function tags (lambda:ListTags) are read only when a template declares a function")
    Path templates;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "AWS calls in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "give up on one attempt of an AWS call after SECONDS (default: ${DEFAULT-VALUE}); "
                    + "throttled calls are retried with adaptive back-off")
    int timeoutSeconds;

    @Option(names = "--print-policy",
            description = "print the least-privilege IAM policy the scan needs, and exit (no AWS call)")
    boolean printPolicy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the SDK logs through SLF4J; without a binding SLF4J warns on stderr at first use
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
        if (printPolicy) {
            out.print(leastPrivilegePolicy());
            out.flush();
            return Main.OK;
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageError("--concurrency must be between 1 and 64");
        }
        if (timeoutSeconds < 1) {
            throw new UsageError("--timeout must be at least 1 second");
        }
        Path baseDir = report.baseDir();
        // .hushlint.yml of the base directory: disabled rules, severities, allow-lists; and the baseline
        ScanPolicy scanPolicy = policy.policy(List.of(baseDir), baseline);
        var ruleSet = PolicyOptions.ruleSet(scanPolicy);
        URI endpoint = endpoint();
        List<String> scanRegions = regions();
        for (String arn : roleArns) {
            if (!arn.startsWith("arn:") || !arn.contains(":role/")) {
                throw new UsageError("--role-arn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME): " + arn);
            }
        }

        Path templateRoot = templates == null ? baseDir : templates;
        if (templates != null && !Files.exists(templates)) {
            throw new UsageError("--templates: no such file or directory: " + templates);
        }
        TemplateIndex templateIndex = TemplateIndex.scan(templateRoot);

        OperationLog log = new OperationLog();
        Duration attempt = Duration.ofSeconds(timeoutSeconds);
        LiveSnapshot snapshot;
        try (AwsClients clients = new AwsClients(endpoint, attempt.multipliedBy(3), attempt, log)) {
            snapshot = new LiveLambdaScanner(clients, log).scan(credentials(),
                    new LiveLambdaScanner.Settings(scanRegions, allRegions, roleArns, functions, concurrency,
                            !templateIndex.isEmpty()));
        }

        boolean writeInventory = inventory != null || report.format == OutputFormat.SARIF;
        Path inventoryPath = (inventory != null ? inventory : baseDir.resolve(DEFAULT_INVENTORY)).toAbsolutePath().normalize();
        String inventoryText = InventoryWriter.write(snapshot);
        if (writeInventory) {
            try {
                Path parent = inventoryPath.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(inventoryPath, inventoryText, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageError("cannot write the inventory to " + inventoryPath + ": " + e.getClass().getSimpleName());
            }
        }
        Report judged = LiveFindings.judge(snapshot, inventoryText, inventoryPath, baseDir, templateIndex, ruleSet);
        ScanPolicy.Applied applied = scanPolicy.apply(judged);
        if (applied.baseline() != null && !report.quiet) {
            err.println(applied.baseline().summary());
        }
        int code = report.emit(applied.report(), DEFAULT_CATEGORY, out, err);
        if (!report.quiet) {
            err.println(summary(snapshot, writeInventory ? inventoryPath : null));
        }
        if (snapshot.checkedNothing()) {
            err.println("hushlint: nothing could be checked: "
                    + snapshot.notifications().stream().filter(n -> n.level() == Notification.Level.ERROR)
                    .map(Notification::message).findFirst().orElse("no region was listed"));
            return NOTHING_CHECKED;
        }
        return code;
    }

    /** The policy the README documents; a test proves every call the scanner makes is in it. */
    public static String leastPrivilegePolicy() {
        try (var in = AwsCommand.class.getResourceAsStream("least-privilege-policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("least-privilege-policy.json is missing from the build", e);
        }
    }

    static String summary(LiveSnapshot s, Path inventoryPath) {
        long iam = s.iamCalls();
        long saved = Math.max(0, s.iamCallsWithoutCache() - iam);
        return "hushlint aws: " + s.functions().size() + " function(s) in " + s.regionsListed() + " region(s) listed"
                + (s.regionsFailed() > 0 ? " (" + s.regionsFailed() + " failed)" : "")
                + ", " + s.roles().size() + " role(s), " + s.policies().size() + " managed policie(s); "
                + iam + " IAM call(s), " + saved + " saved by caching"
                + (inventoryPath == null ? "" : "; inventory: " + inventoryPath);
    }

    private URI endpoint() {
        if (endpointUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UsageError("--endpoint-url must be an http(s) URL: " + endpointUrl);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageError("--endpoint-url is not a URL: " + endpointUrl);
        }
    }

    private List<String> regions() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : regions) {
            String region = r.strip();
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new UsageError("--region is not a region name (like us-east-1): " + r);
            }
            out.add(region);
        }
        if (out.isEmpty()) {
            // --all-regions still needs one region to ask; the profile's or environment's, else us-east-1
            try {
                DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
                if (profile != null) {
                    chain.profileName(profile);
                }
                Region region = chain.build().getRegion();
                out.add(region.id());
            } catch (SdkClientException e) {
                if (!allRegions) {
                    throw new UsageError("no region: pass --region or --all-regions, or set AWS_REGION or a region in the profile");
                }
                out.add("us-east-1");
            }
        }
        return List.copyOf(out);
    }

    private AwsCredentialsProvider credentials() {
        if (profile != null) {
            return ProfileCredentialsProvider.builder().profileName(profile).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Runs {@code hushlint aws ARGS} on its own (tests; the launcher goes through {@link Main}). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new AwsCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("hushlint: " + ex.getMessage());
            return Main.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageError usage) {
                c.getErr().println("hushlint: " + usage.getMessage());
                return Main.USAGE;
            }
            c.getErr().println("hushlint: internal error: " + ex.getClass().getName());
            return Main.INTERNAL;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
