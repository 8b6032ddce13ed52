package dev.hushlint.cli.aws;

import dev.hushlint.cli.aws.AwsClients.Account;
import dev.hushlint.engine.Notification;
import dev.hushlint.rules.aws.AwsExports;
import dev.hushlint.rules.aws.LambdaFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads Lambda functions and their execution roles with read-only calls: {@code lambda:ListFunctions}
 * (or {@code GetFunctionConfiguration} for named functions), {@code lambda:ListTags},
 * {@code iam:ListRolePolicies}, {@code iam:GetRolePolicy}, {@code iam:ListAttachedRolePolicies},
 * {@code iam:GetPolicy}, {@code iam:GetPolicyVersion}, {@code ec2:DescribeRegions} for all regions and
 * {@code sts:AssumeRole} for other accounts. Roles and managed policies shared by many functions are fetched
 * once. At most {@code concurrency} calls run at a time. Whatever fails becomes a notification naming what
 * was not checked; the scan goes on.
 */
public final class LiveLambdaScanner {

    /**
     * @param regions       regions to list (ignored with {@code allRegions}, except the first, used for STS and EC2)
     * @param roleArns      roles to assume, one per account; empty = the base credentials' own account
     * @param functionNames functions to read by name instead of listing all
     * @param fetchTags     read each function's tags ({@code lambda:ListTags}): only needed to map functions to
     *                      CloudFormation templates, so skipped when no template declares a function
     */
    public record Settings(List<String> regions, boolean allRegions, List<String> roleArns, List<String> functionNames,
                           int concurrency, boolean fetchTags) {
        public Settings {
            regions = List.copyOf(regions);
            roleArns = List.copyOf(roleArns);
            functionNames = List.copyOf(functionNames);
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
        }
    }

    private final AwsClients clients;
    private final OperationLog log;

    LiveLambdaScanner(AwsClients clients, OperationLog log) {
        this.clients = clients;
        this.log = log;
    }

    public LiveSnapshot scan(AwsCredentialsProvider base, Settings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), daemonThreads());
        try {
            return new Run(pool).scan(base, settings);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hushlint-aws-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The state of one scan. */
    private final class Run {
        private final ExecutorService pool;
        private final List<Notification> notifications = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, CompletableFuture<LiveSnapshot.Role>> roles = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<LiveSnapshot.Policy>> policies = new ConcurrentHashMap<>();
        private final Map<String, String> roleFailures = new ConcurrentHashMap<>();
        private final Map<String, String> policyFailures = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> policyUsers = new ConcurrentHashMap<>();
        private int regionsListed;
        private int regionsFailed;

        Run(ExecutorService pool) {
            this.pool = pool;
        }

        LiveSnapshot scan(AwsCredentialsProvider base, Settings settings) {
            String seedRegion = settings.regions().isEmpty() ? "us-east-1" : settings.regions().get(0);
            List<Account> accounts = new ArrayList<>();
            if (settings.roleArns().isEmpty()) {
                accounts.add(new Account("default", base));
            } else {
                for (String roleArn : settings.roleArns()) {
                    accounts.add(new Account(roleArn, clients.assumeRole(base, roleArn, seedRegion)));
                }
            }

            List<Future<List<LiveSnapshot.Function>>> listings = new ArrayList<>();
            List<String> listingNames = new ArrayList<>();
            for (Account account : accounts) {
                List<String> regions = settings.allRegions() ? enabledRegions(account, seedRegion) : settings.regions();
                for (String region : regions) {
                    listings.add(pool.submit(() -> list(account, region, settings.functionNames())));
                    listingNames.add(region + " (" + describe(account) + ")");
                }
            }
            List<LiveSnapshot.Function> listed = new ArrayList<>();
            for (int i = 0; i < listings.size(); i++) {
                try {
                    listed.addAll(listings.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("scan interrupted", e);
                } catch (ExecutionException e) {
                    failRegion(listingNames.get(i), e.getCause(), 0);
                }
            }

            Map<String, Account> accountByLabel = new LinkedHashMap<>();
            accounts.forEach(a -> accountByLabel.put(a.label(), a));
            List<Future<LiveSnapshot.Function>> detailed = new ArrayList<>();
            for (LiveSnapshot.Function f : listed) {
                detailed.add(pool.submit(() -> details(accountByLabel.get(f.account()), f, settings)));
            }
            List<LiveSnapshot.Function> functions = new ArrayList<>();
            for (int i = 0; i < detailed.size(); i++) {
                try {
                    functions.add(detailed.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("scan interrupted", e);
                } catch (ExecutionException e) {
                    functions.add(listed.get(i));
                    notifications.add(Notification.warning("aws-function-failed", null, 0, "Lambda function "
                            + listed.get(i).arn() + " could not be read in full: " + AwsFailures.describe(e.getCause())));
                }
            }
            functions.sort(Comparator.comparing(LiveSnapshot.Function::account)
                    .thenComparing(LiveSnapshot.Function::region)
                    .thenComparing(LiveSnapshot.Function::name)
                    .thenComparing(LiveSnapshot.Function::arn));
            // one function once, even when two roles reach the same account or a name was asked twice
            Set<String> seen = new java.util.HashSet<>();
            functions.removeIf(f -> !f.arn().isEmpty() && !seen.add(f.arn()));
            return snapshot(functions);
        }

        private LiveSnapshot snapshot(List<LiveSnapshot.Function> functions) {
            TreeMap<String, LiveSnapshot.Role> roleMap = new TreeMap<>();
            roles.forEach((arn, f) -> {
                if (f.isDone() && !f.isCompletedExceptionally()) {
                    roleMap.put(arn, f.join());
                }
            });
            TreeMap<String, LiveSnapshot.Policy> policyMap = new TreeMap<>();
            policies.forEach((arn, f) -> {
                if (f.isDone() && !f.isCompletedExceptionally()) {
                    policyMap.put(arn, f.join());
                }
            });
            Map<String, List<String>> functionsByRole = new TreeMap<>();
            long withoutCache = 0;
            for (LiveSnapshot.Function f : functions) {
                if (f.roleArn().isEmpty()) {
                    continue;
                }
                functionsByRole.computeIfAbsent(f.roleArn(), k -> new ArrayList<>()).add(f.name());
                LiveSnapshot.Role role = roleMap.get(f.roleArn());
                if (role != null) {
                    withoutCache += role.calls();
                    for (String policyArn : role.attachedPolicies().keySet()) {
                        LiveSnapshot.Policy p = policyMap.get(policyArn);
                        withoutCache += p == null ? 0 : p.calls();
                    }
                }
            }
            new TreeMap<>(roleFailures).forEach((arn, reason) -> {
                List<String> users = functionsByRole.getOrDefault(arn, List.of());
                notifications.add(Notification.warning("aws-role-failed", null, 0, "IAM role " + arn
                        + " could not be read (" + reason + "); its access to secrets was not checked for "
                        + users.size() + " function(s): " + sample(users)));
            });
            new TreeMap<>(policyFailures).forEach((arn, reason) ->
                    notifications.add(Notification.warning("aws-policy-failed", null, 0, "managed policy " + arn
                            + " could not be read (" + reason + "); it was left out of the access check of role(s): "
                            + sample(new ArrayList<>(policyUsers.getOrDefault(arn, Set.of()))))));
            return new LiveSnapshot(functions, roleMap, policyMap, new ArrayList<>(notifications), regionsListed,
                    regionsFailed, log.counts(), withoutCache);
        }

        private List<String> enabledRegions(Account account, String seedRegion) {
            try {
                DescribeRegionsResponse response = clients.ec2(account, seedRegion).describeRegions();
                TreeSet<String> names = new TreeSet<>();
                response.regions().forEach(r -> names.add(r.regionName()));
                return List.copyOf(names);
            } catch (RuntimeException e) {
                failRegion("every region (" + describe(account) + "): ec2:DescribeRegions failed,", e, 0);
                return List.of();
            }
        }

        private List<LiveSnapshot.Function> list(Account account, String region, List<String> names) {
            LambdaClient lambda = clients.lambda(account, region);
            List<LiveSnapshot.Function> out = new ArrayList<>();
            try {
                if (!names.isEmpty()) {
                    boolean answered = false;
                    RuntimeException lastFailure = null;
                    for (String name : names) {
                        if (name.startsWith("arn:") && !LambdaFunction.regionOf(name).equals(region)) {
                            answered = true; // an ARN names its region: not asked elsewhere
                            continue;
                        }
                        try {
                            GetFunctionConfigurationResponse c = lambda.getFunctionConfiguration(b -> b.functionName(name));
                            answered = true;
                            environmentError(c.functionArn(), c.environment());
                            out.add(function(account, region, c.functionName(), c.functionArn(), c.role(), c.kmsKeyArn(),
                                    c.environment() == null ? Map.of() : c.environment().variables()));
                        } catch (ResourceNotFoundException notHere) {
                            answered = true; // named functions need not exist in every region
                        } catch (RuntimeException e) {
                            lastFailure = e;
                            notifications.add(Notification.warning("aws-function-failed", null, 0, "Lambda function "
                                    + name + " in " + region + " (" + describe(account) + ") could not be read: "
                                    + AwsFailures.describe(e) + "; it was not checked"));
                        }
                    }
                    if (!answered && lastFailure != null) {
                        throw lastFailure;
                    }
                } else {
                    String marker = null;
                    do {
                        ListFunctionsRequest.Builder request = ListFunctionsRequest.builder().maxItems(50);
                        if (marker != null) {
                            request.marker(marker);
                        }
                        ListFunctionsResponse page = lambda.listFunctions(request.build());
                        for (FunctionConfiguration c : page.functions()) {
                            environmentError(c.functionArn(), c.environment());
                            out.add(function(account, region, c.functionName(), c.functionArn(), c.role(), c.kmsKeyArn(),
                                    c.environment() == null ? Map.of() : c.environment().variables()));
                        }
                        marker = page.nextMarker() == null || page.nextMarker().isEmpty() ? null : page.nextMarker();
                    } while (marker != null);
                }
            } catch (RuntimeException e) {
                failRegion(region + " (" + describe(account) + ")", e, out.size());
                return out;
            }
            synchronized (this) {
                regionsListed++;
            }
            return out;
        }

        /** Lambda could not decrypt the environment (a KMS problem): its variables are unknown, not clean. */
        private void environmentError(String arn, EnvironmentResponse environment) {
            if (environment != null && environment.error() != null) {
                String code = environment.error().errorCode();
                notifications.add(Notification.warning("aws-function-failed", null, 0, "the environment of Lambda function "
                        + arn + " could not be read (" + (code == null ? "Environment.Error" : code)
                        + "); its variables were not checked"));
            }
        }

        private LiveSnapshot.Function function(Account account, String region, String name, String arn, String role,
                                               String kms, Map<String, String> environment) {
            return new LiveSnapshot.Function(account.label(), region, name == null ? "" : name, arn == null ? "" : arn,
                    role == null ? "" : role, kms == null ? "" : kms, environment == null ? Map.of() : environment, new TreeMap<>());
        }

        private synchronized void failRegion(String what, Throwable e, int functionsSoFar) {
            regionsFailed++;
            String tail = functionsSoFar > 0
                    ? "; listing stopped after " + functionsSoFar + " function(s), the rest of the region was not checked"
                    : "; nothing there was checked";
            notifications.add(Notification.error("aws-region-failed", null, 0,
                    "Lambda functions in " + what + " could not be listed: " + AwsFailures.describe(e) + tail));
        }

        private LiveSnapshot.Function details(Account account, LiveSnapshot.Function f, Settings settings) {
            LiveSnapshot.Function out = f;
            if (settings.fetchTags() && !f.arn().isEmpty()) {
                try {
                    Map<String, String> tags = clients.lambda(account, f.region()).listTags(b -> b.resource(f.arn())).tags();
                    out = f.withTags(tags == null ? Map.of() : tags);
                } catch (RuntimeException e) {
                    notifications.add(Notification.note("aws-function-failed", null, 0, "tags of Lambda function "
                            + f.arn() + " could not be read (" + AwsFailures.describe(e)
                            + "); it cannot be mapped to its CloudFormation template"));
                }
            }
            if (!f.roleArn().isEmpty()) {
                try {
                    role(account, f.roleArn());
                } catch (RuntimeException e) {
                    // recorded once per role in roleFailures
                }
            }
            return out;
        }

        private LiveSnapshot.Role role(Account account, String roleArn) {
            return once(roles, roleArn, () -> {
                try {
                    return fetchRole(account, roleArn);
                } catch (RuntimeException e) {
                    roleFailures.put(roleArn, AwsFailures.describe(e));
                    throw e;
                }
            });
        }

        private LiveSnapshot.Role fetchRole(Account account, String roleArn) {
            IamClient iam = clients.iam(account, partitionOf(roleArn));
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            int calls = 0;
            List<String> inlineNames = new ArrayList<>();
            String marker = null;
            do {
                ListRolePoliciesRequest.Builder request = ListRolePoliciesRequest.builder().roleName(roleName);
                if (marker != null) {
                    request.marker(marker);
                }
                ListRolePoliciesResponse page = iam.listRolePolicies(request.build());
                calls++;
                inlineNames.addAll(page.policyNames());
                marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
            } while (marker != null);
            Map<String, String> inline = new LinkedHashMap<>();
            for (String policyName : inlineNames) {
                GetRolePolicyResponse policy = iam.getRolePolicy(b -> b.roleName(roleName).policyName(policyName));
                calls++;
                String json = AwsExports.policyJson(policy.policyDocument()).orElse(null);
                if (json == null) {
                    notifications.add(Notification.warning("aws-role-failed", null, 0, "inline policy " + policyName
                            + " of IAM role " + roleArn + " is not a readable policy document; it was left out"));
                } else {
                    inline.put(policyName, json);
                }
            }
            Map<String, String> attached = new LinkedHashMap<>();
            marker = null;
            do {
                ListAttachedRolePoliciesRequest.Builder request = ListAttachedRolePoliciesRequest.builder().roleName(roleName);
                if (marker != null) {
                    request.marker(marker);
                }
                ListAttachedRolePoliciesResponse page = iam.listAttachedRolePolicies(request.build());
                calls++;
                for (AttachedPolicy p : page.attachedPolicies()) {
                    attached.put(p.policyArn(), p.policyName());
                }
                marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
            } while (marker != null);
            for (String policyArn : attached.keySet()) {
                policyUsers.computeIfAbsent(policyArn, k -> Collections.synchronizedSet(new TreeSet<>())).add(roleArn);
                try {
                    policy(account, policyArn);
                } catch (RuntimeException e) {
                    // recorded once per policy in policyFailures
                }
            }
            return new LiveSnapshot.Role(roleArn, roleName, inline, attached, calls);
        }

        private LiveSnapshot.Policy policy(Account account, String policyArn) {
            return once(policies, policyArn, () -> {
                try {
                    IamClient iam = clients.iam(account, partitionOf(policyArn));
                    GetPolicyResponse policy = iam.getPolicy(b -> b.policyArn(policyArn));
                    String versionId = policy.policy().defaultVersionId();
                    GetPolicyVersionResponse version = iam.getPolicyVersion(b -> b.policyArn(policyArn).versionId(versionId));
                    String json = AwsExports.policyJson(version.policyVersion().document()).orElse(null);
                    if (json == null) {
                        throw new IllegalStateException("the default version is not a readable policy document");
                    }
                    return new LiveSnapshot.Policy(policyArn, policy.policy().policyName(), versionId, json, 2);
                } catch (RuntimeException e) {
                    policyFailures.put(policyArn, e instanceof IllegalStateException ? e.getMessage() : AwsFailures.describe(e));
                    throw e;
                }
            });
        }
    }

    /** Computes a value once per key; concurrent callers for the same key wait for the first one's result. */
    private static <T> T once(Map<String, CompletableFuture<T>> cache, String key, Supplier<T> compute) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing = cache.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            T value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    static String partitionOf(String arn) {
        String[] parts = arn.split(":", 3);
        return parts.length >= 2 ? parts[1] : "aws";
    }

    private static String describe(Account account) {
        return account.label().equals("default") ? "default credentials" : "role " + account.label();
    }

    private static String sample(List<String> names) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        if (sorted.size() <= 5) {
            return String.join(", ", sorted);
        }
        return String.join(", ", sorted.subList(0, 5)) + " and " + (sorted.size() - 5) + " more";
    }
}
