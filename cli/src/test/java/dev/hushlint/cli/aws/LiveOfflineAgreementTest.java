package dev.hushlint.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.hushlint.cli.aws.AwsCommandTest.env;
import static dev.hushlint.cli.aws.AwsStub.functionJson;
import static dev.hushlint.cli.aws.AwsStub.policyArn;
import static dev.hushlint.cli.aws.AwsStub.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

/** One judgement: the same account, scanned live and from AWS CLI exports, gives the same findings. */
class LiveOfflineAgreementTest {

    static final String READ_ALL = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReadAll","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
    static final String MANAGE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"arn:aws:secretsmanager:*:123456789012:secret:*"},\
            {"Effect":"Deny","Action":"secretsmanager:DeleteSecret","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}""";

    @TempDir
    Path dir;

    @BeforeAll
    static void credentials() {
        AwsCommandTest.fakeCredentials();
    }

    @AfterAll
    static void clear() {
        AwsCommandTest.clearCredentials();
    }

    @Test
    void liveAndExportedGiveTheSameFindings() throws IOException {
        List<String> functions = List.of(
                functionJson("eu-west-1", "orders-api", roleArn("orders-role"), null,
                        env("DB_PASSWORD", "Lk8vR2qW9zXm4Tn7", "STAGE", "prod", "REDIS_URL", "rediss://default:Pq7Wm2Zk9Rt4@cache.internal:6380")),
                functionJson("eu-west-1", "jobs", roleArn("jobs-role"), "arn:aws:kms:eu-west-1:123456789012:key/5b1c",
                        env("SLACK_WEBHOOK_TOKEN", "xoxb-29173645021-1837465019283-Zq8vR3mT6wK1pX9sL4nJ7hYc", "QUEUE_URL",
                                "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs")),
                functionJson("eu-west-1", "static-site", roleArn("jobs-role"), null, env("BUCKET", "site")));

        Set<String> live;
        try (AwsStub aws = new AwsStub()) {
            aws.functionsPage("eu-west-1", null, null, functions);
            aws.listRolePolicies("orders-role", null, null, "read-all");
            aws.getRolePolicy("orders-role", "read-all", READ_ALL);
            aws.listAttachedRolePolicies("orders-role", null, null);
            aws.listRolePolicies("jobs-role", null, null);
            aws.listAttachedRolePolicies("jobs-role", null, null, policyArn("secrets-admin"));
            aws.managedPolicy(policyArn("secrets-admin"), "v4", MANAGE);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = AwsCommand.run(new PrintWriter(out), new PrintWriter(err), "--endpoint-url", aws.endpoint(),
                    "--base-dir", dir.toString(), "--region", "eu-west-1", "--format", "json", "--fail-on", "none");
            assertThat(code).as(err.toString()).isZero();
            live = new TreeSet<>();
            for (JsonNode f : new ObjectMapper().readTree(out.toString()).get("findings")) {
                live.add(f.get("ruleId").asText() + " " + f.get("severity").asText() + " " + f.get("logicalPosition").asText());
            }
        }

        Path exports = Files.createDirectories(dir.resolve("exports"));
        Files.writeString(exports.resolve("functions.json"), "{\"Functions\": [" + String.join(",\n", functions) + "]}");
        Files.writeString(exports.resolve("iam.json"), """
                {"RoleDetailList": [
                  {"RoleName": "orders-role", "Arn": "%s",
                   "RolePolicyList": [{"PolicyName": "read-all", "PolicyDocument": %s}], "AttachedManagedPolicies": []},
                  {"RoleName": "jobs-role", "Arn": "%s", "RolePolicyList": [],
                   "AttachedManagedPolicies": [{"PolicyName": "secrets-admin", "PolicyArn": "%s"}]}],
                 "Policies": [{"PolicyName": "secrets-admin", "Arn": "%s", "DefaultVersionId": "v4",
                   "PolicyVersionList": [{"Document": %s, "VersionId": "v4", "IsDefaultVersion": true}]}]}
                """.formatted(roleArn("orders-role"), READ_ALL, roleArn("jobs-role"), policyArn("secrets-admin"),
                policyArn("secrets-admin"), MANAGE));
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(exports).withBaseDir(exports));
        Set<String> offline = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (f.ruleId().startsWith("aws/")) {
                offline.add(f.ruleId() + " " + f.severity().label() + " " + f.logicalPosition());
            }
        }

        assertThat(live).isNotEmpty().containsExactlyElementsOf(offline);
        assertThat(live).anyMatch(s -> s.startsWith("aws/lambda-env-plaintext-secret critical") && s.contains("SLACK_WEBHOOK_TOKEN"))
                .anyMatch(s -> s.startsWith("aws/lambda-env-plaintext-secret high") && s.contains("REDIS_URL"))
                .anyMatch(s -> s.startsWith("aws/lambda-role-secret-access-wildcard") && s.contains("static-site"))
                .anyMatch(s -> s.startsWith("aws/lambda-env-without-cmk") && s.contains("orders-api"));
    }
}
