package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ExpressionNode;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import dev.hushlint.rules.tree.Node.ScalarNode;
import dev.hushlint.rules.tree.Position;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.hushlint.rules.iac.hcl.HclTrees.at;
import static dev.hushlint.rules.iac.hcl.HclTrees.list;
import static dev.hushlint.rules.iac.hcl.HclTrees.map;
import static dev.hushlint.rules.iac.hcl.HclTrees.resource;
import static dev.hushlint.rules.iac.hcl.HclTrees.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Whole Terraform files: realistic ones written for these tests, and the peer corpus's. */
class HclParserFilesTest {

    private static final String PEER_TERRAFORM = "shared/eval/peer-iac/checkov/terraform";

    @Test
    void lambdaWithEnvironmentVariables() throws HclException {
        String text = resource("lambda.tf");
        MapNode root = HclParser.parse(text);

        assertThat(root.entries().keySet()).containsExactly("terraform", "provider", "variable", "data", "resource");
        MapNode fn = map(root, "resource", "aws_lambda_function", "order_api");
        assertThat(fn.position().line()).isEqualTo(lineOf(text, "resource \"aws_lambda_function\" \"order_api\""));
        assertThat(((ExpressionNode) at(fn, "kms_key_arn")).source()).isEqualTo("aws_kms_key.orders.arn");
        MapNode variables = map(fn, "environment", 0, "variables");
        assertThat(variables.entries().keySet()).containsExactly("SPRING_PROFILES_ACTIVE", "DB_URL", "DB_USER",
                "DB_PASSWORD", "DB_PASSWORD_SECRET_ARN", "PAYMENT_API_KEY", "FEATURE_FLAGS");
        assertThat(value(variables, "DB_PASSWORD")).isEqualTo("xTDKCWsL5Naw9WFN4WEEYfI4");
        int passwordLine = lineOf(text, "DB_PASSWORD            =");
        assertThat(variables.keyPosition("DB_PASSWORD").line()).isEqualTo(passwordLine);
        assertThat(at(variables, "DB_PASSWORD").position()).isEqualTo(new Position(passwordLine, 32, passwordLine, 58));
        assertThat(value(variables, "DB_URL"))
                .isEqualTo("jdbc:postgresql://${aws_db_instance.orders.endpoint}/orders");
        assertThat(((ExpressionNode) at(variables, "PAYMENT_API_KEY")).source()).isEqualTo("var.payment_api_key");
        ExpressionNode flags = (ExpressionNode) at(variables, "FEATURE_FLAGS");
        assertThat(flags.function()).isEqualTo("jsonencode");
        assertThat(value(flags.arguments().get(0), "retries")).isEqualTo(3L);

        MapNode policy = (MapNode) ((ExpressionNode) at(root, "resource", "aws_iam_role_policy", "order_api_secrets",
                "policy")).arguments().get(0);
        ListNode statements = list(policy, "Statement");
        assertThat(statements.items()).hasSize(2);
        assertThat(statements.items().get(0).position().line()).isEqualTo(lineOf(text, "Sid      = \"ReadOrderSecrets\"") - 1);
        assertThat(value(statements, 1, "Condition", "StringEquals", "kms:ViaService"))
                .isEqualTo("secretsmanager.${var.region}.amazonaws.com");
        assertThat(value(root, "terraform", "required_providers", 0, "aws", "source")).isEqualTo("hashicorp/aws");
        assertThat(value(root, "terraform", "backend", 0, "s3", "region")).isEqualTo("eu-west-1");
        assertThat(value(root, "provider", "aws", "default_tags", 0, "tags", "team")).isEqualTo("orders");
        assertThat(map(root, "data", "aws_caller_identity", "current").entries()).isEmpty();
        assertThat(value(root, "variable", "db_password", "sensitive")).isEqualTo(true);
    }

    @Test
    void secretsManagerSecretWithRotation() throws HclException {
        String text = resource("secrets.tf");
        MapNode root = HclParser.parse(text);

        assertThat(value(root, "locals", "rotation_days")).isEqualTo(30L);
        MapNode secret = map(root, "resource", "aws_secretsmanager_secret", "orders_db");
        assertThat(value(secret, "name")).isEqualTo("${local.secret_prefix}/db");
        ExpressionNode secretString = (ExpressionNode) at(root, "resource", "aws_secretsmanager_secret_version",
                "orders_db", "secret_string");
        assertThat(secretString.function()).isEqualTo("jsonencode");
        MapNode credentials = (MapNode) secretString.arguments().get(0);
        assertThat(value(credentials, "password")).isEqualTo("2Yeuo6uWDaDHaJLW4MpTDcCZ8C3ClkZI");
        assertThat(credentials.keyPosition("password").line()).isEqualTo(lineOf(text, "password = "));
        MapNode rotation = map(root, "resource", "aws_secretsmanager_secret_rotation", "orders_db");
        assertThat(((ExpressionNode) at(rotation, "secret_id")).source())
                .isEqualTo("aws_secretsmanager_secret.orders_db.id");
        assertThat(((ExpressionNode) at(rotation, "rotation_rules", 0, "automatically_after_days")).source())
                .isEqualTo("local.rotation_days");
        assertThat(value(root, "module", "rotation_lambda", "environment_variables", "SECRETS_MANAGER_ENDPOINT"))
                .isEqualTo("https://secretsmanager.${var.region}.amazonaws.com");
        String resourcePolicy = (String) value(root, "resource", "aws_secretsmanager_secret_policy", "orders_db",
                "policy");
        assertThat(resourcePolicy).startsWith("{\n  \"Version\": \"2012-10-17\",\n").endsWith("  ]\n}\n")
                .contains("\"${var.org_id}\"");
        ListNode statements = list(root, "data", "aws_iam_policy_document", "rotation", "statement");
        assertThat(statements.items()).hasSize(3);
        assertThat(statements.items()).extracting(s -> s.position().line()).containsExactly(
                lineOf(text, "sid       = \"RotateOrdersSecret\"") - 1,
                lineOf(text, "sid       = \"RandomPassword\"") - 1,
                lineOf(text, "sid     = \"DecryptSecret\"") - 1);
        assertThat(value(statements, 2, "condition", 0, "values", 0))
                .isEqualTo("secretsmanager.${var.region}.amazonaws.com");
    }

    @Test
    void kmsKeyWithAPolicyDocument() throws HclException {
        String text = resource("kms.tf");
        MapNode root = HclParser.parse(text);

        MapNode key = map(root, "resource", "aws_kms_key", "orders");
        assertThat(key.position().line()).isEqualTo(4);
        assertThat(value(key, "enable_key_rotation")).isEqualTo(true);
        MapNode document = map(root, "data", "aws_iam_policy_document", "orders_key");
        assertThat(list(document, "statement").items()).hasSize(2);
        assertThat(list(document, "statement", 1, "condition").items()).hasSize(2);
        assertThat(value(document, "statement", 0, "principals", 0, "identifiers", 0))
                .isEqualTo("arn:aws:iam::${data.aws_caller_identity.current.account_id}:root");
        MapNode dynamic = map(document, "dynamic", 0, "statement");
        assertThat(dynamic.position().line()).isEqualTo(lineOf(text, "dynamic \"statement\""));
        assertThat(value(dynamic, "content", 0, "sid")).isEqualTo("ExtraUser${statement.key}");
        assertThat(map(root, "output").entries().keySet()).containsExactly("orders_key_arn", "orders_key_alias");
    }

    @Test
    void moduleStyleConstructs() throws HclException {
        String text = resource("module-style.tf");
        MapNode root = HclParser.parse(text);

        assertThat(root.entries().keySet()).containsExactly("locals", "data", "resource", "module", "moved",
                "import", "check", "terraform", "output", "variable");
        MapNode locals = map(root, "locals");
        assertThat(((ExpressionNode) at(locals, "services")).function()).isEqualTo("distinct");
        assertThat(((ExpressionNode) at(locals, "principals")).source()).startsWith("[\n    for principal in")
                .endsWith("if !can(tostring(principal))\n  ]");
        assertThat(((ExpressionNode) at(locals, "by_name")).source()).endsWith("if v.enabled\n  }");
        MapNode fn = map(root, "resource", "aws_lambda_function", "this");
        assertThat(((ExpressionNode) at(fn, "provider")).source()).isEqualTo("aws.us");
        assertThat(at(fn, "dynamic", 0, "vpc_config", "content", 0, "subnet_ids")).isInstanceOf(ExpressionNode.class);
        assertThat(value(fn, "lifecycle", 0, "precondition", 0, "error_message"))
                .isEqualTo("The name must be at most 64 characters, got ${length(var.function_name)}.");
        assertThat(list(fn, "depends_on").items()).hasSize(2);
        assertThat(at(root, "module", "us", "providers", "aws")).isInstanceOf(ExpressionNode.class);
        assertThat(value(root, "import", "id")).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(value(root, "check", "health", "data", 0, "http", "status", "url"))
                .isEqualTo("https://example.com/health");
        assertThat(value(root, "terraform", "cloud", 0, "workspaces", 0, "tags", 0)).isEqualTo("orders");
        assertThat((String) value(root, "output", "template", "value"))
                .startsWith("%{~ for name, arn in local.by_name ~}\n${name} = ${arn}\n")
                .endsWith("%{ if var.x != \"\" }x=${jsonencode({ a = \"}\" })}%{ endif }\n");
        MapNode tags = map(root, "resource", "aws_ssm_parameter", "p", "tags");
        assertThat(tags.entries().keySet()).containsExactly("Name", "Environment");
        assertThat(value(tags, "Name")).isEqualTo("orders-db");
        ExpressionNode type = (ExpressionNode) at(root, "variable", "functions", "type");
        assertThat(type.function()).isEqualTo("map");
        ExpressionNode object = (ExpressionNode) type.arguments().get(0);
        assertThat(((ExpressionNode) at(object.arguments().get(0), "enabled")).arguments())
                .extracting(Node::position).extracting(Position::line)
                .containsOnly(lineOf(text, "enabled = optional(bool, true)"));
    }

    @Test
    void everyNodeHasASanePositionInsideTheFile() throws HclException {
        for (String name : List.of("lambda.tf", "secrets.tf", "kms.tf", "module-style.tf")) {
            String text = resource(name);
            int lines = text.split("\n", -1).length;
            assertPositions(HclParser.parse(text), lines);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPeerTerraformFileParses() throws IOException {
        Optional<Path> directory = peerTerraform();
        assumeTrue(directory.isPresent(), "peer corpus " + PEER_TERRAFORM + " is not beside this checkout");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory.get())) {
            files = walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(directory.get().relativize(file).toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            MapNode root = HclParser.parse(text);
            assertThat(root.entries()).as(file.toString()).isNotEmpty();
            assertPositions(root, text.split("\n", -1).length);
        }));
    }

    @Test
    void peerFilesKeepWhatTheRulesNeed() throws Exception {
        Optional<Path> directory = peerTerraform();
        assumeTrue(directory.isPresent(), "peer corpus " + PEER_TERRAFORM + " is not beside this checkout");
        MapNode credentials = HclParser.parse(Files.readString(
                directory.get().resolve("LambdaEnvironmentCredentials_CKV_AWS_45/main.tf")));
        MapNode variables = map(credentials, "resource", "aws_lambda_function", "fail", "environment", 0, "variables");
        assertThat(variables.entries().keySet())
                .containsExactly("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION");
        assertThat(variables.keyPosition("AWS_SECRET_ACCESS_KEY").line()).isEqualTo(31);

        MapNode heredocs = HclParser.parse(Files.readString(
                directory.get().resolve("IAMDataExfiltration_CKV_AWS_288/main.tf")));
        assertThat((String) value(heredocs, "resource", "aws_iam_policy", "fail", "policy"))
                .startsWith("  {\n    \"Version\": \"2012-10-17\",").contains("\"secretsmanager:GetSecretValue\",");

        MapNode rotation = HclParser.parse(Files.readString(directory.get().resolve("SecretsAreRotated_CKV2_AWS_57/main.tf")));
        assertThat(map(rotation, "resource", "aws_secretsmanager_secret").entries().keySet()).containsExactly("pass", "fail");
        assertThat(map(rotation, "resource", "aws_secretsmanager_secret", "fail").position().line()).isEqualTo(14);
    }

    private static Optional<Path> peerTerraform() {
        String configured = System.getProperty("hushlint.peerIac");
        if (configured != null) {
            return Optional.of(Path.of(configured, "checkov", "terraform")).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PEER_TERRAFORM);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void assertPositions(Node node, int lines) {
        Position p = node.position();
        assertThat(p.line()).isBetween(1, lines);
        assertThat(p.endLine()).isBetween(p.line(), lines);
        assertThat(p.column()).isPositive();
        if (p.endLine() == p.line()) {
            assertThat(p.endColumn()).isGreaterThanOrEqualTo(p.column());
        }
        if (node instanceof MapNode map) {
            assertThat(map.keyPositions().keySet()).isEqualTo(map.entries().keySet());
            map.entries().values().forEach(child -> assertPositions(child, lines));
        } else if (node instanceof ListNode list) {
            list.items().forEach(child -> assertPositions(child, lines));
        } else if (node instanceof ExpressionNode expression) {
            expression.arguments().forEach(child -> assertPositions(child, lines));
        } else {
            assertThat(node).isInstanceOf(ScalarNode.class);
        }
    }

    private static int lineOf(String text, String needle) {
        int offset = text.indexOf(needle);
        assertThat(offset).as(needle).isNotNegative();
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
