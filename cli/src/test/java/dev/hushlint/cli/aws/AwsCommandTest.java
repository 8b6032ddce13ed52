package dev.hushlint.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.fixtures.SarifSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.hushlint.cli.aws.AwsStub.functionJson;
import static dev.hushlint.cli.aws.AwsStub.policyArn;
import static dev.hushlint.cli.aws.AwsStub.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hushlint aws} end to end: the real SDK v2 clients against WireMock through --endpoint-url. */
class AwsCommandTest {

    static final String DB_PASSWORD = "Vq7mT2xLp9RzK4wN";
    static final String GITHUB_TOKEN = "ghp_7nQwE2rTy5uIo8pAs1dFg4hJk6lZx9cVb3Nm";
    static final String API_KEY = "k9Fq2Lm7Zx4Rt8Wp1Vb6Nc3Hy5Jd0Gs";
    static final String URL_PASSWORD = "pW7xQ2mZr9Lk4Tv";
    static final String MALFORMED_SECRET = "Qm9vR3xLz8PwT2vNs6Yk";
    static final List<String> SECRETS = List.of(DB_PASSWORD, GITHUB_TOKEN, API_KEY, URL_PASSWORD, MALFORMED_SECRET);

    static final String SECRETS_READ_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "ReadAll", "Effect": "Allow", \
            "Action": ["secretsmanager:GetSecretValue"], "Resource": "*"}]}""";
    static final String LOGS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", \
            "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:*:*"}]}""";
    static final String SECRETS_MANAGE = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:*", \
            "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:*"}]}""";
    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    static final ObjectMapper MAPPER = new ObjectMapper();

    AwsStub aws;
    @TempDir
    Path dir;

    @BeforeAll
    static void fakeCredentials() {
        System.setProperty("aws.accessKeyId", "AKIDWIREMOCKTESTONLY");
        System.setProperty("aws.secretAccessKey", "wiremock-test-secret-not-real");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.disableEc2Metadata");
    }

    @BeforeEach
    void start() {
        aws = new AwsStub();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    /** us-east-1: two pages; us-west-2: throttled once; orders-api-role: paged inline and attached policies. */
    void account() {
        aws.functionsPage("us-east-1", null, "page2token", List.of(
                functionJson("us-east-1", "orders-api", roleArn("orders-api-role"), null,
                        env("DB_PASSWORD", DB_PASSWORD, "STAGE", "prod")),
                functionJson("us-east-1", "orders-worker", roleArn("orders-api-role"),
                        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        env("GITHUB_TOKEN", GITHUB_TOKEN)),
                functionJson("us-east-1", "payments", roleArn("payments-role"), null, env("API_KEY", API_KEY))));
        aws.functionsPage("us-east-1", "page2token", null, List.of(
                functionJson("us-east-1", "reports", roleArn("shared-role"), null,
                        env("DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf")),
                functionJson("us-east-1", "reports-archive", roleArn("shared-role"), null, env())));
        aws.server.stubFor(aws.listFunctions("us-west-2", null).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(AwsStub.lambdaError(429, "TooManyRequestsException", "Rate exceeded"))
                .willSetStateTo("recovered"));
        aws.server.stubFor(aws.listFunctions("us-west-2", null).inScenario("throttle").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"Functions\":[" + functionJson("us-west-2", "billing", roleArn("shared-role"), null,
                        env("DATABASE_URL", "postgres://billing:" + URL_PASSWORD + "@billing-db.internal:5432/billing")) + "]}")));
        aws.tags("us-east-1", "orders-api", Map.of(
                "aws:cloudformation:stack-name", "orders-stack",
                "aws:cloudformation:logical-id", "OrdersApiFunction",
                "aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:123456789012:stack/orders-stack/8a87d690",
                "lambda:createdBy", "SAM", "deploy-token", GITHUB_TOKEN));

        aws.listRolePolicies("orders-api-role", null, "p2", "inline-read-secrets");
        aws.listRolePolicies("orders-api-role", "p2", null, "inline-logs");
        aws.getRolePolicy("orders-api-role", "inline-read-secrets", SECRETS_READ_ALL);
        aws.getRolePolicy("orders-api-role", "inline-logs", LOGS);
        aws.listAttachedRolePolicies("orders-api-role", null, "a2", BASIC_EXECUTION);
        aws.listAttachedRolePolicies("orders-api-role", "a2", null, policyArn("orders-secrets"));
        aws.server.stubFor(aws.iam("ListRolePolicies", AwsStub.param("RoleName", "payments-role"))
                .willReturn(AwsStub.iamError(403, "AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/auditor/"
                        + "hushlint is not authorized to perform: iam:ListRolePolicies on resource: role payments-role")));
        aws.listRolePolicies("shared-role", null, null);
        aws.listAttachedRolePolicies("shared-role", null, null, policyArn("orders-secrets"));
        aws.managedPolicy(policyArn("orders-secrets"), "v2", SECRETS_MANAGE);
        aws.managedPolicy(BASIC_EXECUTION, "v1", LOGS);
    }

    /** eu-west-1 never answers in time; ap-southeast-2 answers with broken JSON that holds a secret. */
    void troubledRegions() {
        aws.server.stubFor(aws.listFunctions("eu-west-1", null).willReturn(okJson("{\"Functions\":[]}").withFixedDelay(5000)));
        aws.server.stubFor(aws.listFunctions("ap-southeast-2", null).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Functions\":[{\"FunctionName\":\"leaky\",\"Environment\":{\"Variables\":{\"DB_PASSWORD\":\""
                        + MALFORMED_SECRET + "\" \"X\" ]]")));
    }

    @Test
    void scansPagesRolesAndPoliciesAndReportsWhatFailed() throws IOException {
        account();
        troubledRegions();
        writeTemplate();
        Run run = run("--region", "us-east-1", "--region", "us-west-2", "--region", "eu-west-1",
                "--region", "ap-southeast-2", "--format", "sarif", "--output", dir.resolve("aws.sarif").toString(),
                "--timeout", "1", "--concurrency", "4");

        assertThat(run.code).as(run.err).isEqualTo(1);
        String sarif = Files.readString(dir.resolve("aws.sarif"));
        assertThat(SarifSchema.validate(sarif)).isEmpty();
        Path inventory = dir.resolve(AwsCommand.DEFAULT_INVENTORY);
        assertThat(inventory).exists();
        String inventoryText = Files.readString(inventory);

        JsonNode log = MAPPER.readTree(sarif);
        JsonNode sarifRun = log.get("runs").get(0);
        assertThat(sarifRun.get("automationDetails").get("id").asText()).isEqualTo("hushlint-aws/");
        List<String> results = new ArrayList<>();
        for (JsonNode r : sarifRun.get("results")) {
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            results.add(r.get("ruleId").asText() + " " + loc.get("artifactLocation").get("uri").asText() + ":"
                    + loc.get("region").get("startLine").asInt() + " " + r.get("level").asText() + " "
                    + r.get("message").get("text").asText());
        }
        int templateLine = lineOf(Files.readString(dir.resolve("template.yaml")), "OrdersApiFunction:");
        assertThat(results).anyMatch(r -> r.startsWith("aws/lambda-env-plaintext-secret template.yaml:" + templateLine + " error")
                && r.contains("DB_PASSWORD") && r.contains("arn:aws:lambda:us-east-1:123456789012:function:orders-api"));
        assertThat(results).anyMatch(r -> r.startsWith("aws/lambda-env-plaintext-secret hushlint-aws-inventory.json:"
                + lineOf(inventoryText, "\"GITHUB_TOKEN\"")) && r.contains("orders-worker"));
        assertThat(results).anyMatch(r -> r.startsWith("aws/lambda-env-plaintext-secret hushlint-aws-inventory.json:"
                + lineOf(inventoryText, "\"API_KEY\"")) && r.contains("payments"));
        assertThat(results).anyMatch(r -> r.startsWith("aws/lambda-env-plaintext-secret hushlint-aws-inventory.json:"
                + lineOf(inventoryText, "\"DATABASE_URL\"")) && r.contains("billing (us-west-2)"));
        assertThat(results).filteredOn(r -> r.startsWith("aws/lambda-env-without-cmk"))
                .hasSize(2).noneMatch(r -> r.contains("orders-worker") || r.contains("billing"));
        assertThat(results).noneMatch(r -> r.contains("DB_SECRET_ARN"));
        assertThat(results).filteredOn(r -> r.startsWith("aws/lambda-env") && r.contains("reports")).isEmpty();

        // execution roles: inline and managed policies combined (the role of payments could not be read)
        List<String> roleFindings = results.stream().filter(r -> r.startsWith("aws/lambda-role-secret-access-wildcard")).toList();
        assertThat(roleFindings).hasSize(7);
        assertThat(roleFindings).anyMatch(r -> r.contains("template.yaml:" + templateLine) && r.contains("orders-api")
                && r.contains("inline policy inline-read-secrets") && r.contains("Sid \"ReadAll\""));
        assertThat(roleFindings).anyMatch(r -> r.contains("inventory.json:") && r.contains("orders-worker")
                && r.contains("inline policy inline-read-secrets"));
        assertThat(roleFindings).filteredOn(r -> r.contains("managed policy orders-secrets")
                && r.contains("every Secrets Manager action")).hasSize(5); // both roles attach it
        assertThat(roleFindings).noneMatch(r -> r.contains("payments") || r.contains("AWSLambdaBasicExecutionRole"));

        JsonNode notifications = sarifRun.get("invocations").get(0).get("toolExecutionNotifications");
        List<String> messages = new ArrayList<>();
        notifications.forEach(n -> messages.add(n.get("message").get("text").asText()));
        assertThat(messages).anyMatch(m -> m.contains("role/payments-role") && m.contains("AccessDenied") && m.contains("payments"));
        assertThat(messages).anyMatch(m -> m.contains("eu-west-1") && m.contains("timed out"));
        assertThat(messages).anyMatch(m -> m.contains("ap-southeast-2") && m.contains("malformed"));

        // the live records joined every role and policy that could be read
        assertThat(inventoryText).contains("\"inline-read-secrets\"", "\"inline-logs\"", "AWSLambdaBasicExecutionRole",
                "\"secretsmanager:*\"", "\"DB_PASSWORD\" : \"<redacted>\"");
        assertThat(inventoryText).doesNotContain("payments-role\",\n      \"RolePolicyList");

        // caching: a policy shared by two roles and a role shared by three functions are read once
        assertThat(aws.count("iam:GetPolicy")).isEqualTo(2);
        assertThat(aws.count("iam:GetPolicyVersion")).isEqualTo(2);
        assertThat(aws.count("iam:ListAttachedRolePolicies")).isEqualTo(3); // orders-api-role (2 pages) + shared-role
        assertThat(aws.count("iam:ListRolePolicies")).isEqualTo(4); // orders-api-role (2 pages), shared-role, payments-role
        assertThat(aws.count("lambda:ListTags")).isEqualTo(6);
        // throttled once, then listed
        assertThat(aws.operations().stream().filter(o -> o.equals("lambda:ListFunctions")).count()).isGreaterThanOrEqualTo(5);
        assertThat(run.err).contains("6 function(s)", "2 region(s) listed", "2 failed");

        assertNoSecretIn(sarif, inventoryText, run.out, run.err);
        assertOnlyDocumentedOperations();
    }

    @Test
    void sameAccountGivesByteIdenticalOutput() throws IOException {
        account();
        writeTemplate();
        Run first = run("--region", "us-east-1", "--region", "us-west-2", "--format", "sarif", "--output",
                dir.resolve("one.sarif").toString());
        assertThat(first.code).isEqualTo(1);
        String firstInventory = Files.readString(dir.resolve(AwsCommand.DEFAULT_INVENTORY));
        aws.server.resetScenarios();
        Run second = run("--region", "us-west-2", "--region", "us-east-1", "--format", "sarif", "--output",
                dir.resolve("two.sarif").toString(), "--concurrency", "1");
        assertThat(second.code).isEqualTo(1);
        assertThat(Files.readString(dir.resolve(AwsCommand.DEFAULT_INVENTORY))).isEqualTo(firstInventory);
        assertThat(Files.readString(dir.resolve("two.sarif"))).isEqualTo(Files.readString(dir.resolve("one.sarif")));
    }

    @Test
    void exitsThreeWhenNothingCouldBeChecked() throws IOException {
        for (String region : List.of("us-east-1", "eu-central-1")) {
            aws.server.stubFor(aws.listFunctions(region, null).willReturn(AwsStub.lambdaError(403, "AccessDeniedException",
                    "User is not authorized to perform: lambda:ListFunctions")));
        }
        Run run = run("--region", "us-east-1", "--region", "eu-central-1", "--format", "json");
        assertThat(run.code).isEqualTo(AwsCommand.NOTHING_CHECKED);
        assertThat(run.err).contains("nothing could be checked", "AccessDeniedException");
        JsonNode report = MAPPER.readTree(run.out);
        assertThat(report.get("notifications").toString()).contains("us-east-1", "eu-central-1", "lambda:ListFunctions");
    }

    @Test
    void allRegionsAndAssumedRoles() throws IOException {
        aws.describeRegions("eu-north-1", "us-east-2");
        aws.server.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .willReturn(AwsStub.xml("AssumeRole", """
                        <Credentials><AccessKeyId>ASIAWIREMOCKTESTONLY</AccessKeyId>\
                        <SecretAccessKey>wiremock-session-secret-not-real</SecretAccessKey>\
                        <SessionToken>wiremock-session-token-not-real</SessionToken>\
                        <Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>\
                        <AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/hushlint-readonly/hushlint-aws-scan</Arn>\
                        <AssumedRoleId>AROAWIREMOCKTESTONLY:hushlint-aws-scan</AssumedRoleId></AssumedRoleUser>""")
                        .withHeader("Content-Type", "text/xml")));
        aws.functionsPage("eu-north-1", null, null, List.of(functionJson("eu-north-1", "ledger", "", null,
                env("LEDGER_API_TOKEN", API_KEY))));
        aws.functionsPage("us-east-2", null, null, List.of());
        Run run = run("--all-regions", "--region", "us-east-1", "--role-arn",
                "arn:aws:iam::210987654321:role/hushlint-readonly", "--format", "json");
        assertThat(run.code).as(run.err).isEqualTo(1);
        assertThat(run.out).contains("LEDGER_API_TOKEN", "eu-north-1");
        assertThat(aws.operations()).contains("ec2:DescribeRegions", "sts:AssumeRole").doesNotContain("lambda:ListTags");
        // every call after AssumeRole is signed with the assumed role's session
        assertThat(aws.server.getAllServeEvents()).filteredOn(e -> !e.getRequest().getBodyAsString().contains("Action=AssumeRole"))
                .allMatch(e -> e.getRequest().getHeader("Authorization").contains("ASIAWIREMOCKTESTONLY"));
        assertNoSecretIn(run.out, run.err);
        assertOnlyDocumentedOperations();
    }

    @Test
    void namedFunctionsUseGetFunctionConfiguration() throws IOException {
        aws.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/2015-03-31/functions/[^/]+/configuration"))
                .atPriority(9).willReturn(AwsStub.lambdaError(404, "ResourceNotFoundException", "Function not found")));
        aws.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/2015-03-31/functions/orders-api/configuration"))
                .withHeader("Authorization", containing("/us-east-1/lambda/"))
                .willReturn(okJson(functionJson("us-east-1", "orders-api", "", null, env("DB_PASSWORD", DB_PASSWORD)))));
        aws.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/2015-03-31/functions/payroll/configuration"))
                .willReturn(AwsStub.lambdaError(403, "AccessDeniedException", "not authorized to perform: lambda:GetFunctionConfiguration")));
        aws.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/2015-03-31/functions/.*ledger/configuration"))
                .willReturn(okJson("{\"FunctionName\":\"ledger\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:ledger\","
                        + "\"Environment\":{\"Error\":{\"ErrorCode\":\"KMSAccessDeniedException\",\"Message\":\"Lambda was unable to decrypt\"}}}")));
        Run run = run("--region", "us-east-1", "--region", "eu-west-1", "--function", "orders-api", "--function", "payroll",
                "--function", "arn:aws:lambda:us-east-1:123456789012:function:ledger", "--format", "text");
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("payroll", "AccessDeniedException", "KMSAccessDeniedException", "ledger");
        // names are asked in every region (orders-api is found in us-east-1 only: not found elsewhere is no error);
        // the ARN only in its own region
        assertThat(aws.server.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().contains("ledger")).hasSize(1);
        assertThat(run.out).doesNotContain("orders-api in eu-west-1");
        // no template declares a function here: tags are not needed, so not read
        assertThat(aws.operations()).containsOnly("lambda:GetFunctionConfiguration");
        assertNoSecretIn(run.out, run.err);
        assertOnlyDocumentedOperations();
    }

    /** The wire samples of ../shared/reference/aws-api-samples, served verbatim. */
    @Test
    void readsTheReferenceWireSamples() throws IOException {
        aws.server.stubFor(aws.listFunctions("us-east-1", null).willReturn(okJson(sample("lambda-ListFunctions-page1.json"))));
        aws.server.stubFor(aws.listFunctions("us-east-1", "page2token").willReturn(okJson(sample("lambda-ListFunctions-page2.json"))));
        aws.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/2017-03-31/tags/.*orders-api"))
                .atPriority(1).willReturn(okJson(sample("lambda-ListTags-orders-api.json"))));
        for (String op : List.of("ListRolePolicies", "GetRolePolicy", "ListAttachedRolePolicies")) {
            aws.server.stubFor(aws.iam(op, AwsStub.param("RoleName", "orders-api-role"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(sample("iam-" + op + ".xml"))));
        }
        for (String op : List.of("GetPolicy", "GetPolicyVersion")) {
            aws.server.stubFor(aws.iam(op, AwsStub.param("PolicyArn", policyArn("orders-secrets")))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(sample("iam-" + op + ".xml"))));
        }
        Files.writeString(dir.resolve("template.yaml"), "Resources:\n  OrdersApiFunction:\n    Type: AWS::Serverless::Function\n");

        Run run = run("--region", "us-east-1", "--format", "json");
        assertThat(run.code).as(run.err).isEqualTo(1);
        JsonNode report = MAPPER.readTree(run.out);

        List<String> findings = new ArrayList<>();
        report.get("findings").forEach(f -> findings.add(f.get("ruleId").asText() + " " + f.get("message").asText()));
        assertThat(findings).anyMatch(f -> f.startsWith("aws/lambda-env-plaintext-secret") && f.contains("DB_PASSWORD")
                && f.contains("OrdersApiFunction"));
        assertThat(findings).anyMatch(f -> f.startsWith("aws/lambda-role-secret-access-wildcard")
                && f.contains("inline policy inline-read-secrets"));
        assertThat(findings).anyMatch(f -> f.startsWith("aws/lambda-role-secret-access-wildcard")
                && f.contains("managed policy orders-secrets"));
        assertThat(findings).noneMatch(f -> f.contains("SECRET_ARN"));
        // not stubbed: the reports role and the AWS managed policy are reported as not checked
        assertThat(report.get("notifications").toString()).contains("role/reports-role", "AWSLambdaBasicExecutionRole");
        assertNoSecretIn(run.out, run.err);
        assertThat(run.out + run.err).doesNotContain("Tr0ub4dor3xKq9vLmZ");
    }

    static String sample(String name) throws IOException {
        try (InputStream in = AwsCommandTest.class.getResourceAsStream("samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void printsTheLeastPrivilegePolicyWithoutCallingAws() throws IOException {
        Run run = run("--print-policy");
        assertThat(run.code).isZero();
        JsonNode policy = MAPPER.readTree(run.out);
        assertThat(policy.get("Statement").toString()).contains("lambda:ListFunctions", "iam:GetPolicyVersion")
                .doesNotContain("Put", "Delete", "Create", "Update", "lambda:GetFunction\"");
        assertThat(aws.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void profileCredentialsSignTheCalls() throws IOException {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, """
                [audit]
                aws_access_key_id = AKIDPROFILEAUDITONLY
                aws_secret_access_key = profile-secret-not-real
                """);
        Files.writeString(dir.resolve("config"), "[profile audit]\nregion = eu-west-3\n");
        aws.functionsPage("eu-west-3", null, null, List.of());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        try {
            Run run = run("--profile", "audit", "--format", "json");
            assertThat(run.code).as(run.err).isZero();
            assertThat(aws.server.getAllServeEvents()).isNotEmpty().allMatch(e ->
                    e.getRequest().getHeader("Authorization").contains("AKIDPROFILEAUDITONLY/")
                            && e.getRequest().getHeader("Authorization").contains("/eu-west-3/lambda/"));
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void noCredentialsAtAllExitsThree() {
        // only meaningful where the environment itself holds no credentials
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv().keySet().stream().noneMatch(k ->
                k.startsWith("AWS_ACCESS_KEY") || k.startsWith("AWS_CONTAINER_") || k.equals("AWS_WEB_IDENTITY_TOKEN_FILE")));
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("none").toString());
        System.setProperty("aws.configFile", dir.resolve("none").toString());
        try {
            Run run = run("--region", "us-east-1", "--format", "text");
            assertThat(run.code).isEqualTo(AwsCommand.NOTHING_CHECKED);
            assertThat(run.err).contains("nothing could be checked", "no usable AWS credentials");
            assertThat(aws.server.getAllServeEvents()).isEmpty();
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
            fakeCredentials();
        }
    }

    @Test
    void theConfigurationOfTheBaseDirectoryApplies() throws IOException {
        aws.functionsPage("us-east-1", null, null, List.of(
                functionJson("us-east-1", "orders-api", "", null, env("DB_PASSWORD", DB_PASSWORD))));
        Files.writeString(dir.resolve(".hushlint.yml"), """
                rules:
                  disable: [aws/lambda-env-without-cmk]
                """);
        Run run = run("--region", "us-east-1", "--format", "json");
        assertThat(run.code).as(run.err).isEqualTo(1);
        assertThat(run.out).contains("aws/lambda-env-plaintext-secret").doesNotContain("\"aws/lambda-env-without-cmk\"");
        Files.writeString(dir.resolve(".hushlint.yml"), "rules:\n  disable: [aws/no-such-rule]\n");
        assertThat(run("--region", "us-east-1").code).isEqualTo(2);
    }

    @Test
    void rolePathsUnreadablePoliciesAndIamThrottling() throws IOException {
        String role = "arn:aws:iam::123456789012:role/service-role/etl-role";
        aws.functionsPage("us-east-1", null, null, List.of(functionJson("us-east-1", "etl", role, null, env("STAGE", "prod"))));
        aws.listRolePolicies("etl-role", null, null, "broken", "read-all");
        aws.server.stubFor(aws.iam("GetRolePolicy", AwsStub.param("RoleName", "etl-role"), AwsStub.param("PolicyName", "broken"))
                .willReturn(AwsStub.xml("GetRolePolicy", "<RoleName>etl-role</RoleName><PolicyName>broken</PolicyName>"
                        + "<PolicyDocument>%7B%22Statement%22%3A%5B</PolicyDocument>")));
        aws.getRolePolicy("etl-role", "read-all", SECRETS_READ_ALL);
        aws.listAttachedRolePolicies("etl-role", null, null, policyArn("etl-secrets"));
        // IAM throttles the first GetPolicy (query protocol: 400 with code Throttling), then answers
        aws.server.stubFor(aws.iam("GetPolicy", AwsStub.param("PolicyArn", policyArn("etl-secrets")))
                .inScenario("iam-throttle").whenScenarioStateIs(STARTED)
                .willReturn(AwsStub.iamError(400, "Throttling", "Rate exceeded")).willSetStateTo("ok").atPriority(1));
        aws.managedPolicy(policyArn("etl-secrets"), "v1", SECRETS_MANAGE);
        Run run = run("--region", "us-east-1", "--format", "json");
        assertThat(run.code).as(run.err).isZero(); // role findings are medium: below the default gate
        JsonNode report = MAPPER.readTree(run.out);
        List<String> findings = new ArrayList<>();
        report.get("findings").forEach(f -> findings.add(f.get("message").asText()));
        assertThat(findings).anyMatch(m -> m.contains("inline policy read-all"))
                .anyMatch(m -> m.contains("managed policy etl-secrets"));
        assertThat(report.get("notifications").toString()).contains("inline policy broken", "etl-role", "not a readable policy document");
        assertThat(aws.count("iam:GetPolicy")).isEqualTo(2);
        assertOnlyDocumentedOperations();
    }

    @Test
    void usageErrors() {
        assertThat(run("--region", "not a region").code).isEqualTo(2);
        assertThat(run("--region", "us-east-1", "--role-arn", "role/x").code).isEqualTo(2);
        assertThat(run("--region", "us-east-1", "--concurrency", "0").code).isEqualTo(2);
        assertThat(aws.server.getAllServeEvents()).isEmpty();
    }

    // ---- helpers

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", aws.endpoint(), "--base-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AwsCommand.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, String> env(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    void writeTemplate() throws IOException {
        Files.writeString(dir.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrdersTable:
                    Type: AWS::DynamoDB::Table
                  OrdersApiFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.orders.Handler::handleRequest
                      Runtime: java21
                      Environment:
                        Variables:
                          DB_PASSWORD: !Ref DbPassword
                """);
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    /** No output holds a secret, nor any 8-character piece of one. */
    static void assertNoSecretIn(String... outputs) {
        for (String secret : SECRETS) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 8);
                for (String output : outputs) {
                    assertThat(output).as("output holds a piece of a secret").doesNotContain(piece);
                }
            }
        }
    }

    /** Every operation the stub saw is in the least-privilege policy the README documents. */
    void assertOnlyDocumentedOperations() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (InputStream in = AwsCommand.class.getResourceAsStream("least-privilege-policy.json")) {
            for (JsonNode statement : MAPPER.readTree(in).get("Statement")) {
                statement.get("Action").forEach(a -> documented.add(a.asText()));
            }
        }
        documented.add("sts:AssumeRole"); // granted to the caller, on the roles passed with --role-arn
        assertThat(aws.operations()).isNotEmpty().allMatch(documented::contains);
    }
}
