package dev.hushlint.cli.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds and caches the SDK clients of a scan: one URL-connection HTTP client shared by all, the SDK's
 * adaptive retry (client-side rate limiting under throttling), call and attempt timeouts, and the endpoint
 * override for tests and private endpoints. Closes everything it built.
 */
final class AwsClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final URI endpoint;
    private final ClientOverrideConfiguration override;
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
    private final List<AutoCloseable> extra = new ArrayList<>();

    AwsClients(URI endpoint, Duration callTimeout, Duration attemptTimeout, OperationLog log) {
        this.endpoint = endpoint;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, attemptTimeout.toSeconds()))))
                .socketTimeout(attemptTimeout)
                .build();
        this.override = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.ADAPTIVE_V2)
                .apiCallTimeout(callTimeout)
                .apiCallAttemptTimeout(attemptTimeout)
                .addExecutionInterceptor(log)
                .build();
    }

    LambdaClient lambda(Account account, String region) {
        return cached("lambda", account, region, () -> {
            var b = LambdaClient.builder().region(Region.of(region)).credentialsProvider(account.credentials())
                    .httpClient(http).overrideConfiguration(override);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return b.build();
        });
    }

    /** IAM is global: one client per account and partition. */
    IamClient iam(Account account, String partition) {
        Region region = switch (partition) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
        return cached("iam", account, region.id(), () -> {
            var b = IamClient.builder().region(region).credentialsProvider(account.credentials())
                    .httpClient(http).overrideConfiguration(override);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return b.build();
        });
    }

    Ec2Client ec2(Account account, String region) {
        return cached("ec2", account, region, () -> {
            var b = Ec2Client.builder().region(Region.of(region)).credentialsProvider(account.credentials())
                    .httpClient(http).overrideConfiguration(override);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return b.build();
        });
    }

    /** Credentials of a role assumed with the base credentials (refreshed by the SDK as they expire). */
    synchronized AwsCredentialsProvider assumeRole(AwsCredentialsProvider base, String roleArn, String region) {
        var sts = StsClient.builder().region(Region.of(region)).credentialsProvider(base).httpClient(http)
                .overrideConfiguration(override);
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        StsClient client = sts.build();
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName("hushlint-aws-scan"))
                .build();
        extra.add(provider);
        extra.add(client);
        return provider;
    }

    @SuppressWarnings("unchecked")
    private <T extends AutoCloseable> T cached(String service, Account account, String region,
                                               java.util.function.Supplier<T> build) {
        return (T) clients.computeIfAbsent(service + "|" + account.label() + "|" + region, k -> build.get());
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(clients.values());
        synchronized (this) {
            all.addAll(extra);
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort; nothing to report
            }
        }
        http.close();
    }

    /** Credentials for one account: the base credentials, or a role assumed with them. */
    record Account(String label, AwsCredentialsProvider credentials) {
    }
}
