package dev.hushlint.cli.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hushlint.cli.aws.AwsStub.functionJson;
import static dev.hushlint.cli.aws.AwsStub.policyArn;
import static dev.hushlint.cli.aws.AwsStub.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale benchmark, not part of the default test run (the class name does not end in Test): 5,000 functions
 * over 3 regions sharing 50 roles and 5 managed policies, served by WireMock. Prints wall time, calls and IAM
 * calls saved by caching; asserts completeness, never time. Run:
 * {@code mvn -o -pl cli -am test -Dtest=LiveScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}
 * ({@code -Dhushlint.bench.functions=N} to change the size, {@code -Dhushlint.bench.noTemplates=true} to scan
 * without a template, so without {@code lambda:ListTags}).
 */
class LiveScanBenchmark {

    @TempDir
    Path dir;

    @Test
    void fiveThousandFunctionsOverThreeRegions() throws IOException {
        int functions = Integer.getInteger("hushlint.bench.functions", 5000);
        List<String> regions = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
        System.setProperty("aws.accessKeyId", "AKIDWIREMOCKTESTONLY");
        System.setProperty("aws.secretAccessKey", "wiremock-test-secret-not-real");
        try (AwsStub aws = new AwsStub()) {
            for (int p = 0; p < 5; p++) {
                aws.managedPolicy(policyArn("team-" + p), "v1", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue",\
                        "Resource":"arn:aws:secretsmanager:*:123456789012:secret:team-%d/*"}]}""".formatted(p));
            }
            for (int r = 0; r < 50; r++) {
                String role = "service-" + r + "-role";
                aws.listRolePolicies(role, null, null, "logs");
                aws.getRolePolicy(role, "logs", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:PutLogEvents"],"Resource":"*"}]}""");
                aws.listAttachedRolePolicies(role, null, null, policyArn("team-" + (r % 5)), policyArn("team-" + ((r + 1) % 5)));
            }
            int perRegion = functions / regions.size();
            int made = 0;
            int secrets = 0;
            for (String region : regions) {
                int count = region.equals(regions.get(regions.size() - 1)) ? functions - made : perRegion;
                int pages = (count + 49) / 50;
                for (int page = 0; page < pages; page++) {
                    List<String> items = new ArrayList<>();
                    for (int i = page * 50; i < Math.min(count, (page + 1) * 50); i++) {
                        int n = made + i;
                        Map<String, String> env = new LinkedHashMap<>();
                        env.put("STAGE", "prod");
                        env.put("TABLE_NAME", "orders-" + n);
                        if (n % 100 == 7) {
                            env.put("DB_PASSWORD", "pW" + Integer.toString(n * 7919 + 104729, 36) + "Xq9");
                            secrets++;
                        }
                        items.add(functionJson(region, "fn-" + n, roleArn("service-" + (n % 50) + "-role"), null, env));
                    }
                    aws.functionsPage(region, page == 0 ? null : "m" + page, page + 1 < pages ? "m" + (page + 1) : null, items);
                }
                made += count;
            }

            if (!Boolean.getBoolean("hushlint.bench.noTemplates")) {
                // a template that declares a function: the scan then reads every function's tags (worst case)
                Files.writeString(dir.resolve("template.yaml"), "Resources:\n  Fn0:\n    Type: AWS::Lambda::Function\n");
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Runtime rt = Runtime.getRuntime();
            long start = System.nanoTime();
            int code = AwsCommand.run(new PrintWriter(out), new PrintWriter(err), "--endpoint-url", aws.endpoint(),
                    "--base-dir", dir.toString(), "--region", regions.get(0), "--region", regions.get(1),
                    "--region", regions.get(2), "--format", "sarif", "--output", dir.resolve("aws.sarif").toString(),
                    "--fail-on", "none");
            long millis = (System.nanoTime() - start) / 1_000_000;
            rt.gc();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);

            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).contains(functions + " function(s) in 3 region(s) listed");
            long iamCalls = aws.operations().stream().filter(o -> o.startsWith("iam:")).count();
            assertThat(iamCalls).isEqualTo(50 * 3 + 5 * 2);
            String sarif = Files.readString(dir.resolve("aws.sarif"));
            long plaintext = 0;
            for (var result : new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif).get("runs").get(0).get("results")) {
                plaintext += result.get("ruleId").asText().equals("aws/lambda-env-plaintext-secret") ? 1 : 0;
            }
            assertThat(plaintext).as(err.toString()).isEqualTo(secrets);
            System.out.println("BENCH live scan: " + functions + " functions, 3 regions, " + millis + " ms wall; "
                    + aws.operations().size() + " calls; " + err.toString().strip().replace("\n", " | ") + "; heap after GC " + usedMb
                    + " MB (max " + rt.maxMemory() / (1024 * 1024) + " MB); inventory "
                    + Files.size(dir.resolve(AwsCommand.DEFAULT_INVENTORY)) / 1024 + " KB");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
