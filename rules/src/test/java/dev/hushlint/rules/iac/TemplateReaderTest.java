package dev.hushlint.rules.iac;

import dev.hushlint.engine.InputException;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.iam.PolicyAnalyzer;
import dev.hushlint.rules.iam.ResourceScope;
import dev.hushlint.rules.iam.SecretGrant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateReaderTest {

    private final TemplateReader reader = new TemplateReader();

    private Template read(String name, String text) throws InputException {
        TextFile file = TextFile.of(name, text);
        assertThat(reader.accepts(file)).as("accepts " + name).isTrue();
        return reader.read(file);
    }

    @Test
    void cloudFormationIsRecognisedByContent() throws Exception {
        Template t = read("infra/stack.yml", """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment:
                        Variables:
                          A: b
                """);
        assertThat(t.format()).isEqualTo(Template.Format.CLOUDFORMATION);
        assertThat(t.functions()).singleElement().satisfies(f -> {
            assertThat(f.position().line()).isEqualTo(2);
            assertThat(f.variables()).singleElement().satisfies(v -> assertThat(v.position().line()).isEqualTo(7));
        });
    }

    @Test
    void otherYamlAndJsonAreNotTemplates() throws Exception {
        assertThat(reader.read(TextFile.of("application.yml", "spring:\n  datasource:\n    password: x\nResources: none\n"))).isNull();
        assertThat(reader.read(TextFile.of("package.json", "{\"name\": \"x\", \"provider\": \"y\"}"))).isNull();
        // a broken file that does not look like a template is someone else's business
        assertThat(reader.read(TextFile.of("chart/values.yaml", "a: {{ .Values.x }}\nprovider: [\n"))).isNull();
    }

    @Test
    void aBrokenTemplateIsAnError() {
        assertThatThrownBy(() -> read("stack.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  A:
                    Type: AWS::SNS::Topic
                  A:
                    Type: AWS::SNS::Topic
                """)).isInstanceOf(InputException.class).hasMessageContaining("duplicate key")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(5));
        assertThatThrownBy(() -> read("stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {")).isInstanceOf(InputException.class);
    }

    @Test
    void aliasBombInATemplateIsRejected() {
        StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (int i = 0; i < 9; i++) {
            String name = "l" + i;
            bomb.append("  ").append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
            prev = name;
        }
        bomb.append("Resources: {}\n");
        assertThatThrownBy(() -> read("bomb.yaml", bomb.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("alias");
    }

    @Test
    void samGlobalsMergeIntoEveryFunction() throws Exception {
        Template t = read("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                    Environment:
                      Variables:
                        SHARED: one
                        OVERRIDDEN: global
                Resources:
                  A:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          OVERRIDDEN: local
                  B:
                    Type: AWS::Serverless::Function
                    Properties:
                      KmsKeyArn: !Ref Other
                """);
        assertThat(t.format()).isEqualTo(Template.Format.SAM);
        Template.LambdaFunction a = t.functions().get(0);
        assertThat(a.variables()).extracting(Template.EnvVariable::path)
                .containsExactly("Globals/Function/Environment/SHARED", "Resources/A/Environment/OVERRIDDEN");
        assertThat(a.kmsKeyArn()).isNotNull();
        Template.LambdaFunction b = t.functions().get(1);
        assertThat(b.variables()).extracting(Template.EnvVariable::name).containsExactly("SHARED", "OVERRIDDEN");
        assertThat(b.kmsKeyArn()).isInstanceOf(dev.hushlint.rules.tree.Node.MapNode.class);
    }

    @Test
    void serverlessProviderEnvironmentSelfVariablesAndStatements() throws Exception {
        Template t = read("serverless.yml", """
                service: svc
                custom:
                  token: abc-Def-123
                  nested:
                    value: ${self:custom.token}
                provider:
                  name: aws
                  kmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                  environment:
                    SHARED: ${self:custom.nested.value}
                    FROM_SSM: ${ssm:/svc/token}
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: ssm:GetParameter
                          Resource: "*"
                  iamRoleStatements:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: "*"
                functions:
                  one:
                    handler: h
                    environment:
                      OWN: x
                  two:
                    handler: h
                """);
        assertThat(t.format()).isEqualTo(Template.Format.SERVERLESS);
        assertThat(t.functions()).hasSize(2);
        Template.EnvVariable shared = t.functions().get(0).variables().get(0);
        assertThat(shared.value().asString()).contains("abc-Def-123");
        assertThat(shared.position().line()).isEqualTo(10);
        assertThat(t.functions().get(0).variables().get(1).value().asString()).contains("${ssm:/svc/token}");
        assertThat(t.functions().get(1).kmsKeyArn()).isNotNull();
        assertThat(t.identityPolicies()).extracting(Template.IdentityPolicy::path)
                .containsExactly("provider/iam/role/statements", "provider/iamRoleStatements");
        List<SecretGrant> grants = PolicyAnalyzer.analyze(t.identityPolicies().get(0).document());
        assertThat(grants).singleElement().satisfies(g -> assertThat(g.scope()).isEqualTo(ResourceScope.ALL));
    }

    @Test
    void terraformPlanReadsNestedModulesAndPolicyStrings() throws Exception {
        Template t = read("plan.json", """
                {
                  "format_version": "1.2",
                  "terraform_version": "1.9.0",
                  "planned_values": {
                    "root_module": {
                      "resources": [
                        {"address": "aws_secretsmanager_secret.a", "type": "aws_secretsmanager_secret", "name": "a",
                         "values": {"name": "a", "kms_key_id": null}}
                      ],
                      "child_modules": [
                        {"address": "module.app", "resources": [
                          {"address": "module.app.aws_iam_policy.p", "type": "aws_iam_policy", "name": "p",
                           "values": {"policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"secretsmanager:*\\",\\"Resource\\":\\"*\\"}]}"}},
                          {"address": "module.app.aws_secretsmanager_secret_rotation.r", "type": "aws_secretsmanager_secret_rotation", "name": "r",
                           "values": {"secret_id": null}}
                        ], "child_modules": [
                          {"address": "module.app.module.db", "resources": [
                            {"address": "module.app.module.db.aws_secretsmanager_secret.s", "type": "aws_secretsmanager_secret", "name": "s",
                             "values": {"name": "s", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/k"}}
                          ]}
                        ]}
                      ]
                    }
                  },
                  "configuration": {"root_module": {"resources": [], "module_calls": {}}}
                }
                """);
        assertThat(t.format()).isEqualTo(Template.Format.TERRAFORM_PLAN);
        assertThat(t.secrets()).extracting(Template.SecretResource::id)
                .containsExactly("aws_secretsmanager_secret.a", "module.app.module.db.aws_secretsmanager_secret.s");
        assertThat(t.secrets().get(0).kmsKeyId()).isNull();
        assertThat(t.identityPolicies()).singleElement().satisfies(p ->
                assertThat(PolicyAnalyzer.analyze(p.document()).get(0).fullControl("secretsmanager")).isTrue());
    }

    @Test
    void terraformFilesThroughTheHclReader() throws Exception {
        Template t = read("main.tf", """
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions   = ["secretsmanager:GetSecretValue"]
                    resources = ["*"]
                    condition {
                      test     = "StringEquals"
                      variable = "aws:SourceAccount"
                      values   = ["111122223333"]
                    }
                  }
                }
                resource "aws_iam_role_policy" "p" {
                  policy = data.aws_iam_policy_document.d.json
                }
                resource "aws_iam_role" "fn" {
                  assume_role_policy = jsonencode({
                    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
                  })
                }
                resource "aws_iam_role_policy_attachment" "admin" {
                  role       = aws_iam_role.fn.name
                  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
                }
                resource "aws_secretsmanager_secret" "s" {
                  name = "s"
                }
                resource "aws_secretsmanager_secret_rotation" "r" {
                  secret_id = aws_secretsmanager_secret.s.id
                }
                """);
        assertThat(t.format()).isEqualTo(Template.Format.TERRAFORM);
        // the policy document is judged where it is written (once), not again through the policy that uses it
        Template.IdentityPolicy document = t.identityPolicies().stream()
                .filter(p -> p.path().equals("data.aws_iam_policy_document.d")).findFirst().orElseThrow();
        assertThat(t.identityPolicies()).filteredOn(p -> p.path().equals("aws_iam_role_policy.p"))
                .singleElement().satisfies(p -> assertThat(p.document().statements()).isEmpty());
        SecretGrant g = PolicyAnalyzer.analyze(document.document()).get(0);
        assertThat(g.conditions()).isEqualTo(dev.hushlint.rules.iam.ConditionStrength.RESTRICTING);
        assertThat(g.position().line()).isEqualTo(2);
        assertThat(t.managedPolicyUses()).singleElement().satisfies(u -> {
            assertThat(u.policyName()).isEqualTo("AdministratorAccess");
            assertThat(u.lambdaRole()).isTrue();
        });
        assertThat(t.secrets()).singleElement().satisfies(s -> assertThat(s.rotated()).isTrue());
    }
}
