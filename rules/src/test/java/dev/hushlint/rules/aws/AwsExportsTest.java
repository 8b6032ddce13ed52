package dev.hushlint.rules.aws;

import dev.hushlint.engine.InputException;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsExportsTest {

    /** The wire samples of ../shared/reference/aws-api-samples (constructed from the botocore models). */
    static String sample(String name) throws java.io.IOException {
        try (var in = AwsExportsTest.class.getResourceAsStream("samples/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void listFunctionsKeepsEveryVariableInOrderWithItsLine() throws InputException {
        TextFile file = TextFile.of("functions.json", """
                {
                  "Functions": [
                    {
                      "FunctionName": "orders-api",
                      "FunctionArn": "arn:aws:lambda:eu-central-1:123456789012:function:orders-api",
                      "Role": "arn:aws:iam::123456789012:role/orders-api-role",
                      "Environment": {"Variables": {
                        "B_FIRST": "1",
                        "A_SECOND": "two"
                      }}
                    }
                  ],
                  "NextMarker": "abc"
                }
                """);
        LambdaExport export = new LambdaExportReader().read(file);
        LambdaFunction fn = export.functions().get(0);
        assertThat(fn.name()).isEqualTo("orders-api");
        assertThat(fn.region()).isEqualTo("eu-central-1");
        assertThat(fn.position().line()).isEqualTo(4);
        assertThat(fn.rolePosition().line()).isEqualTo(6);
        assertThat(fn.environment()).extracting(EnvironmentVariable::name).containsExactly("B_FIRST", "A_SECOND");
        EnvironmentVariable second = fn.environment().get(1);
        assertThat(second.position()).isEqualTo(new Position(9, 21, 9, 26));
        assertThat(second.toString()).doesNotContain("two");
        assertThat(fn.toString()).doesNotContain("\"two\"", "=two");
    }

    @Test
    void getFunctionTakesTheConfigurationAndOuterTags() throws InputException {
        TextFile file = TextFile.of("fn.json", """
                {"Configuration": {"FunctionName": "a", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:a"},
                 "Tags": {"aws:cloudformation:logical-id": "AFunction", "aws:cloudformation:stack-name": "s"}}""");
        LambdaFunction fn = new LambdaExportReader().read(file).functions().get(0);
        assertThat(fn.cloudFormationLogicalId()).contains("AFunction");
        assertThat(fn.cloudFormationStack()).contains("s");
    }

    @Test
    void otherJsonIsNotAnExport() throws InputException {
        assertThat(new LambdaExportReader().read(TextFile.of("x.json", "{\"FunctionArn\": \"arn:aws:lambda:x\"}"))).isNull();
        assertThat(new LambdaExportReader().read(TextFile.of("x.json", "[\"FunctionArn\"]"))).isNull();
        assertThat(new IamExportReader().read(TextFile.of("x.json", "{\"Policies\": [{\"Arn\": \"a\"}]}"))).isNull();
        assertThat(new LambdaExportReader().accepts(TextFile.of("x.yaml", "FunctionArn: x"))).isFalse();
    }

    @Test
    void theInventoryIsLeftToTheLiveScan() throws InputException {
        String inventory = """
                {"HushlintInventory": {"Version": 1},
                 "Functions": [{"FunctionName": "a", "FunctionArn": "arn:aws:lambda:us-east-1:1:function:a"}],
                 "RoleDetailList": []}""";
        assertThat(new LambdaExportReader().read(TextFile.of("inv.json", inventory))).isNull();
        assertThat(new IamExportReader().read(TextFile.of("inv.json", inventory))).isNull();
    }

    @Test
    void brokenJsonIsAParseErrorThatQuotesNothing() {
        TextFile file = TextFile.of("f.json", "{\n \"Functions\": [\n {\"FunctionArn\": \"x\", \"Environment\": {\"Variables\": {\"K\": \"s3cr3tV4lue\" ]");
        assertThatThrownBy(() -> new LambdaExportReader().read(file))
                .isInstanceOf(InputException.class)
                .hasMessageNotContaining("s3cr3tV4lue")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
    }

    @Test
    void authorizationDetailsSampleGivesRolesAndDefaultVersions() throws Exception {
        TextFile file = TextFile.of("auth.json", sample("cli-get-account-authorization-details.json"));
        IamExport export = new IamExportReader().read(file);
        IamRole role = export.roles().get(0);
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/orders-api-role");
        assertThat(role.inlinePolicies()).extracting(IamPolicyDocument::name).containsExactly("inline-read-secrets");
        assertThat(role.attachedPolicyArns()).containsExactly("arn:aws:iam::123456789012:policy/orders-secrets");
        ManagedPolicy policy = export.policies().get(0);
        assertThat(policy.defaultVersionId()).isEqualTo("v2");
        assertThat(policy.document().orElseThrow().document().toString()).contains("secretsmanager:*");

        // the function of the Lambda sample joins that role across files
        TextFile functions = TextFile.of("fns.json", sample("lambda-ListFunctions-page1.json"));
        LambdaExport lambda = new LambdaExportReader().read(functions);
        ScanContext context = new ScanContext() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> facts(dev.hushlint.engine.FactKey<T> key) {
                return (List<T>) new IamExportIndexer().index(export).stream().filter(f -> f.key().equals(key))
                        .map(dev.hushlint.engine.Fact::value).toList();
            }

            @Override
            public Path baseDir() {
                return Path.of(".");
            }
        };
        var result = new AwsLambdaRoleSecretAccessWildcard().check(lambda, context);
        assertThat(result.findings()).hasSize(2).allMatch(f -> f.location().startLine() == lambda.functions().get(0).rolePosition().line());
        assertThat(result.findings()).anyMatch(f -> f.message().contains("inline policy inline-read-secrets"));
        assertThat(result.findings()).anyMatch(f -> f.message().contains("managed policy orders-secrets"));
    }

    @Test
    void urlEncodedPoliciesAsIamSendsThem() throws Exception {
        String xml = sample("iam-GetRolePolicy.xml");
        String encoded = xml.substring(xml.indexOf("<PolicyDocument>") + 16, xml.indexOf("</PolicyDocument>"));
        assertThat(AwsExports.policyJson(encoded)).hasValueSatisfying(json -> assertThat(json).contains("\"Resource\": \"*\""));
        Node doc = AwsExports.decodePolicy(encoded, Position.at(3, 5)).orElseThrow();
        assertThat(doc.position()).isEqualTo(Position.at(3, 5));
        // '+' is literal in RFC 3986: a condition value with '+' survives
        String plus = "%7B%22Statement%22%3A%5B%7B%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22aws%3APrincipalTag%2Fmail%22%3A%22ops+alerts%40example.com%22%7D%7D%7D%5D%7D";
        assertThat(AwsExports.policyJson(plus)).hasValueSatisfying(json -> assertThat(json).contains("ops+alerts@example.com"));
        assertThat(AwsExports.policyJson("%7Bnot json")).isEmpty();
    }
}
