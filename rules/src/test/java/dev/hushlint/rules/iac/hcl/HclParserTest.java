package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ExpressionNode;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import dev.hushlint.rules.tree.Node.ScalarNode;
import dev.hushlint.rules.tree.Position;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.hushlint.rules.iac.hcl.HclTrees.at;
import static dev.hushlint.rules.iac.hcl.HclTrees.list;
import static dev.hushlint.rules.iac.hcl.HclTrees.map;
import static dev.hushlint.rules.iac.hcl.HclTrees.value;
import static org.assertj.core.api.Assertions.assertThat;

class HclParserTest {

    @Test
    void resourceBlockMapsByTypeAndLabelsWithNestedBlocksAsLists() throws HclException {
        MapNode root = HclParser.parse("""
                # a function
                resource "aws_lambda_function" "fn" {
                  function_name = "orders"
                  timeout       = 30

                  environment {
                    variables = {
                      DB_HOST = "db.internal"
                      "LOG-LEVEL": "debug",
                    }
                  }
                  tracing_config {
                    mode = "Active"
                  }
                }
                """);

        MapNode fn = map(root, "resource", "aws_lambda_function", "fn");
        assertThat(fn.position()).isEqualTo(new Position(2, 1, 15, 2));
        assertThat(root.keyPosition("resource")).isEqualTo(new Position(2, 1, 2, 9));
        assertThat(map(root, "resource").keyPosition("aws_lambda_function")).isEqualTo(new Position(2, 10, 2, 31));
        assertThat(map(root, "resource", "aws_lambda_function").keyPosition("fn")).isEqualTo(new Position(2, 32, 2, 36));
        assertThat(fn.entries().keySet()).containsExactly("function_name", "timeout", "environment", "tracing_config");
        assertThat(fn.string("function_name")).contains("orders");
        assertThat(fn.keyPosition("function_name")).isEqualTo(new Position(3, 3, 3, 16));
        assertThat(at(fn, "function_name").position()).isEqualTo(new Position(3, 19, 3, 27));
        assertThat(value(fn, "timeout")).isEqualTo(30L);

        ListNode environment = list(fn, "environment");
        assertThat(environment.items()).hasSize(1);
        MapNode environmentBody = map(environment, 0);
        assertThat(environmentBody.position().line()).isEqualTo(6);
        MapNode variables = map(environmentBody, "variables");
        assertThat(variables.entries().keySet()).containsExactly("DB_HOST", "LOG-LEVEL");
        assertThat(variables.keyPosition("DB_HOST")).isEqualTo(new Position(8, 7, 8, 14));
        assertThat(variables.keyPosition("LOG-LEVEL")).isEqualTo(new Position(9, 7, 9, 18));
        assertThat(at(variables, "LOG-LEVEL").position().line()).isEqualTo(9);
        assertThat(value(fn, "tracing_config", 0, "mode")).isEqualTo("Active");
        assertThat(root.position()).isEqualTo(new Position(1, 1, 16, 1));
    }

    @Test
    void jsonencodeIsAFunctionCallWhosePolicyArgumentKeepsPositions() throws HclException {
        MapNode root = HclParser.parse("""
                resource "aws_iam_policy" "p" {
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      {
                        Effect   = "Allow"
                        Action   = ["secretsmanager:GetSecretValue"]
                        Resource = "*"
                      },
                      {
                        Effect   = "Deny"
                        Action   = "secretsmanager:DeleteSecret"
                        Resource = aws_secretsmanager_secret.s.arn
                      },
                    ]
                  })
                }
                """);

        ExpressionNode policy = (ExpressionNode) at(root, "resource", "aws_iam_policy", "p", "policy");
        assertThat(policy.function()).isEqualTo("jsonencode");
        assertThat(policy.source()).startsWith("jsonencode({").endsWith("})");
        assertThat(policy.position()).isEqualTo(new Position(2, 12, 16, 5));
        assertThat(policy.arguments()).hasSize(1);
        MapNode document = (MapNode) policy.arguments().get(0);
        assertThat(document.position()).isEqualTo(new Position(2, 23, 16, 4));
        assertThat(value(document, "Version")).isEqualTo("2012-10-17");
        ListNode statements = list(document, "Statement");
        assertThat(statements.items()).hasSize(2);
        assertThat(statements.items().get(0).position()).isEqualTo(new Position(5, 7, 9, 8));
        assertThat(statements.items().get(1).position()).isEqualTo(new Position(10, 7, 14, 8));
        assertThat(value(statements, 0, "Action", 0)).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(map(statements, 0).keyPosition("Resource").line()).isEqualTo(8);
        assertThat(value(statements, 1, "Effect")).isEqualTo("Deny");
        ExpressionNode resource = (ExpressionNode) at(statements, 1, "Resource");
        assertThat(resource.source()).isEqualTo("aws_secretsmanager_secret.s.arn");
        assertThat(resource.function()).isNull();
        assertThat(resource.arguments()).isEmpty();
        assertThat(resource.position()).isEqualTo(new Position(13, 20, 13, 51));
    }

    @Test
    void heredocIsAStringAndIndentedHeredocLosesItsCommonIndent() throws HclException {
        MapNode root = HclParser.parse("""
                resource "aws_iam_policy" "plain" {
                  policy = <<POLICY
                {
                  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "${var.arn}"}]
                }
                POLICY
                }
                resource "aws_iam_policy" "flush" {
                  policy = <<-EOT
                    {
                      "Version": "2012-10-17"
                    }
                  EOT
                  after = "x"
                }
                """);

        ScalarNode plain = (ScalarNode) at(root, "resource", "aws_iam_policy", "plain", "policy");
        assertThat(plain.value()).isEqualTo("{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", "
                + "\"Resource\": \"${var.arn}\"}]\n}\n");
        assertThat(plain.position()).isEqualTo(new Position(2, 12, 6, 7));
        assertThat(value(root, "resource", "aws_iam_policy", "flush", "policy"))
                .isEqualTo("{\n  \"Version\": \"2012-10-17\"\n}\n");
        assertThat(value(root, "resource", "aws_iam_policy", "flush", "after")).isEqualTo("x");
        assertThat(map(root, "resource", "aws_iam_policy", "flush").keyPosition("after").line()).isEqualTo(14);
    }

    @Test
    void heredocDetails() throws HclException {
        MapNode root = HclParser.parse("a = <<EOT\n  Foo\n    Bar\n  EOT\n"
                + "b = <<-EOT\n\tFoo\n  Bar\n\n  Baz\n  EOT\n"
                + "c = <<EOT\nEOT\n"
                + "d = <<EOT\nnot EOT\n  EOTX\nEOT\n"
                + "e = <<EOT\n${jsonencode({\n  EOT = 1\n})} $${x} \\n\nEOT\n"
                + "f = <<EOT\r\nwindows\r\nEOT\r\ng = 1");

        assertThat(value(root, "a")).isEqualTo("  Foo\n    Bar\n");
        assertThat(value(root, "b")).isEqualTo("Foo\n Bar\n\n Baz\n");
        assertThat(value(root, "c")).isEqualTo("");
        assertThat(value(root, "d")).isEqualTo("not EOT\n  EOTX\n");
        assertThat(value(root, "e")).isEqualTo("${jsonencode({\n  EOT = 1\n})} $${x} \\n\n");
        assertThat(value(root, "f")).isEqualTo("windows\n");
        assertThat(root.keyPosition("g").line()).isEqualTo(25);
    }

    @Test
    void heredocsFollowTerraformOnBlankLinesAndBlanksAfterTheClosingMarker() throws HclException {
        // values checked against terraform console (Terraform v1.11.4)
        MapNode root = HclParser.parse("a = <<-EOT\n  a\n   \n  b\n  EOT\n"
                + "b = <<-EOT\n\n  x\n  EOT\n"
                + "c = <<EOT\nx\nEOT \t\n"
                + "d = <<-EOT\n      six\n    four\n\n      six again\n    EOT\n");

        assertThat(value(root, "a")).isEqualTo("a\n   \nb\n");
        assertThat(value(root, "b")).isEqualTo("\nx\n");
        assertThat(value(root, "c")).isEqualTo("x\n");
        assertThat(value(root, "d")).isEqualTo("  six\nfour\n\n  six again\n");
    }

    @Test
    void aHeredocInsideAnInterpolationIsKeptAsWritten() throws HclException {
        MapNode root = HclParser.parse("a = \"${<<EOT\ny}\nEOT\n}!\"\n"
                + "b = <<-EOF\n  ${jsonencode(<<EOT\n{\"k\": \"}\"}\n  EOF\nEOT\n)}\n  EOF\n"
                + "c = 1\n");

        assertThat(value(root, "a")).isEqualTo("${<<EOT\ny}\nEOT\n}!");
        assertThat(value(root, "b")).isEqualTo("${jsonencode(<<EOT\n{\"k\": \"}\"}\n  EOF\nEOT\n)}\n");
        assertThat(root.keyPosition("c").line()).isEqualTo(12);
    }

    @Test
    void heredocValueLinesMapOneToOneToFileLines() throws HclException {
        String text = "resource \"aws_iam_policy\" \"p\" {\r\n  policy = <<-EOT\r\n    {\r\n"
                + "      \"Statement\": [{\r\n        \"Action\": \"${join(\",\", [\r\n  \"a\"])}\",\r\n"
                + "        \"Resource\": \"*\"\r\n      }]\r\n    }\r\n  EOT\r\n}\r\n";
        ScalarNode policy = (ScalarNode) at(HclParser.parse(text), "resource", "aws_iam_policy", "p", "policy");

        assertThat(policy.position().line()).isEqualTo(2);
        assertThat(policy.position().endLine()).isEqualTo(10);
        String[] fileLines = text.split("\r\n");
        String[] valueLines = ((String) policy.value()).split("\n");
        for (int k = 1; k <= valueLines.length; k++) {
            assertThat(fileLines[policy.position().line() + k - 1]).endsWith(valueLines[k - 1]);
        }
        // as in Terraform, the interpolation's continuation line neither counts nor is trimmed
        assertThat(valueLines[3]).isEqualTo("  \"a\"])}\",");
        assertThat(valueLines[4]).isEqualTo("    \"Resource\": \"*\"");
    }

    @Test
    void aRepeatedObjectKeyReplacesTheEarlierOneAsInTerraform() throws HclException {
        MapNode root = HclParser.parse("a = {\n  k = 1\n  \"k\" = 2\n  j = 3\n}\n");

        MapNode a = map(root, "a");
        assertThat(a.entries().keySet()).containsExactly("k", "j");
        assertThat(value(a, "k")).isEqualTo(2L);
        assertThat(a.keyPosition("k").line()).isEqualTo(3);
    }

    @Test
    void severalStatementBlocksOfAPolicyDocumentBecomeAList() throws HclException {
        MapNode root = HclParser.parse("""
                data "aws_iam_policy_document" "read" {
                  statement {
                    sid       = "Read"
                    actions   = ["secretsmanager:GetSecretValue"]
                    resources = ["*"]
                  }

                  statement {
                    effect    = "Deny"
                    actions   = ["secretsmanager:*"]
                    resources = ["arn:aws:secretsmanager:*:*:secret:prod/*"]

                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                }
                """);

        MapNode document = map(root, "data", "aws_iam_policy_document", "read");
        ListNode statements = list(document, "statement");
        assertThat(statements.items()).hasSize(2);
        assertThat(statements.position()).isEqualTo(new Position(2, 3, 18, 4));
        assertThat(statements.items().get(0).position()).isEqualTo(new Position(2, 3, 6, 4));
        assertThat(statements.items().get(1).position()).isEqualTo(new Position(8, 3, 18, 4));
        assertThat(document.keyPosition("statement")).isEqualTo(new Position(2, 3, 2, 12));
        assertThat(value(statements, 0, "sid")).isEqualTo("Read");
        assertThat(value(statements, 1, "resources", 0)).isEqualTo("arn:aws:secretsmanager:*:*:secret:prod/*");
        assertThat(value(statements, 1, "condition", 0, "variable")).isEqualTo("aws:SecureTransport");
        assertThat(at(statements, 1, "condition", 0).position().line()).isEqualTo(13);
    }

    @Test
    void variablesOutputsModulesAndProvidersMapByLabel() throws HclException {
        MapNode root = HclParser.parse("""
                variable "db_password" {
                  type      = string
                  default   = "changeme"
                  sensitive = true
                }
                variable "settings" {
                  type = object({ retries = number, tags = map(string) })
                  default = {
                    retries = 3
                    tags    = { team = "orders" }
                  }
                  validation {
                    condition     = var.settings.retries > 0
                    error_message = "retries must be positive."
                  }
                }
                module "vpc" {
                  source = "terraform-aws-modules/vpc/aws"
                  cidr   = "10.0.0.0/16"
                  azs    = ["eu-west-1a", "eu-west-1b"]
                }
                provider "aws" {
                  region = "eu-west-1"
                }
                provider "aws" {
                  alias  = "us"
                  region = "us-east-1"
                }
                output "password" {
                  value     = var.db_password
                  sensitive = true
                }
                """);

        MapNode password = map(root, "variable", "db_password");
        assertThat(password.position().line()).isEqualTo(1);
        assertThat(value(password, "default")).isEqualTo("changeme");
        assertThat(value(password, "sensitive")).isEqualTo(true);
        ExpressionNode type = (ExpressionNode) at(password, "type");
        assertThat(type.source()).isEqualTo("string");
        ExpressionNode objectType = (ExpressionNode) at(root, "variable", "settings", "type");
        assertThat(objectType.function()).isEqualTo("object");
        assertThat(objectType.arguments().get(0)).isInstanceOf(MapNode.class);
        assertThat(value(root, "variable", "settings", "default", "tags", "team")).isEqualTo("orders");
        assertThat(at(root, "variable", "settings", "validation", 0, "condition"))
                .isEqualTo(new ExpressionNode("var.settings.retries > 0", null, java.util.List.of(),
                        new Position(13, 21, 13, 45)));
        assertThat(value(root, "module", "vpc", "azs", 1)).isEqualTo("eu-west-1b");
        ListNode providers = list(root, "provider", "aws");
        assertThat(providers.items()).hasSize(2);
        assertThat(providers.position()).isEqualTo(new Position(22, 1, 28, 2));
        assertThat(value(providers, 1, "alias")).isEqualTo("us");
        assertThat(map(root, "output", "password").position().line()).isEqualTo(29);
    }

    @Test
    void localsBlocksMergeIntoOneMap() throws HclException {
        MapNode root = HclParser.parse("""
                locals {
                  a = 1
                  b = "two"
                }

                locals {
                  c = [local.a, local.b]
                }
                terraform {
                  required_version = ">= 1.0"
                }
                """);

        MapNode locals = map(root, "locals");
        assertThat(locals.entries().keySet()).containsExactly("a", "b", "c");
        assertThat(locals.position().line()).isEqualTo(1);
        assertThat(locals.keyPosition("c")).isEqualTo(new Position(7, 3, 7, 4));
        assertThat(((ExpressionNode) at(locals, "c", 0)).source()).isEqualTo("local.a");
        assertThat(value(root, "terraform", "required_version")).isEqualTo(">= 1.0");
    }

    @Test
    void labelledNestedBlocksMapTheirLabelsInsideTheListItem() throws HclException {
        MapNode root = HclParser.parse("""
                data "aws_iam_policy_document" "d" {
                  dynamic "statement" {
                    for_each = var.readers
                    content {
                      actions = ["kms:Decrypt"]
                    }
                  }
                }
                terraform {
                  backend "s3" {
                    bucket = "state"
                  }
                }
                """);

        MapNode body = map(root, "data", "aws_iam_policy_document", "d", "dynamic", 0, "statement");
        assertThat(body.position().line()).isEqualTo(2);
        assertThat(value(body, "content", 0, "actions", 0)).isEqualTo("kms:Decrypt");
        assertThat(value(root, "terraform", "backend", 0, "s3", "bucket")).isEqualTo("state");
    }

    @Test
    void stringEscapesAreDecodedAndTemplatesKeptAsWritten() throws HclException {
        MapNode root = HclParser.parse("""
                a = "line\\nnext\\ttab \\"quoted\\" back\\\\slash \\u00e9 \\U0001F600"
                b = "https://${var.host}:${var.port}/x"
                c = "$${not_interpolated} %%{not_a_directive}"
                d = "${lookup(var.m, "}", "{")}!"
                e = "%{ if var.on }yes%{ else }no%{ endif }"
                f = "# not a comment // nor this /* nor this */"
                g = "${ "nested ${var.x} string" }"
                h = ""
                """);

        assertThat(value(root, "a")).isEqualTo("line\nnext\ttab \"quoted\" back\\slash \u00e9 \uD83D\uDE00");
        assertThat(value(root, "b")).isEqualTo("https://${var.host}:${var.port}/x");
        assertThat(value(root, "c")).isEqualTo("$${not_interpolated} %%{not_a_directive}");
        assertThat(value(root, "d")).isEqualTo("${lookup(var.m, \"}\", \"{\")}!");
        assertThat(value(root, "e")).isEqualTo("%{ if var.on }yes%{ else }no%{ endif }");
        assertThat(value(root, "f")).isEqualTo("# not a comment // nor this /* nor this */");
        assertThat(value(root, "g")).isEqualTo("${ \"nested ${var.x} string\" }");
        assertThat(value(root, "h")).isEqualTo("");
        assertThat(at(root, "d").position()).isEqualTo(new Position(4, 5, 4, 34));
    }

    @Test
    void literalsNumbersAndNegativeNumbers() throws HclException {
        MapNode root = HclParser.parse("""
                i = 42
                n = -7
                f = 1.5
                e = 1e3
                t = true
                x = false
                z = null
                big = 123456789012345678901234567890
                neg = -(2.5)
                w = 2.0
                tiny = 1.25E-2
                """);

        assertThat(value(root, "i")).isEqualTo(42L);
        assertThat(value(root, "n")).isEqualTo(-7L);
        assertThat(at(root, "n").position()).isEqualTo(new Position(2, 5, 2, 7));
        assertThat(value(root, "f")).isEqualTo(new BigDecimal("1.5"));
        assertThat(value(root, "e")).isEqualTo(1000L);
        assertThat(value(root, "w")).isEqualTo(2L);
        assertThat(value(root, "tiny")).isEqualTo(new BigDecimal("1.25E-2"));
        assertThat(value(root, "t")).isEqualTo(true);
        assertThat(value(root, "x")).isEqualTo(false);
        assertThat(at(root, "z")).isEqualTo(new ScalarNode(null, new Position(7, 5, 7, 9)));
        assertThat(value(root, "big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(value(root, "neg")).isEqualTo(new BigDecimal("-2.5"));
    }

    @Test
    void expressionsKeepTheirSourceAndAreNeverEvaluated() throws HclException {
        MapNode root = HclParser.parse("""
                ref    = aws_kms_key.k.arn
                index  = local.a[0]
                splat  = aws_instance.web[*].id
                splat2 = aws_instance.web.*.id
                legacy = var.list.0
                cond   = var.env == "prod" ? "a" : "b"
                math   = 1 + 2 * 3
                not    = !var.flag
                forlist = [for s in var.subnets : s.id if s.public]
                formap  = { for k, v in var.m : k => v... }
                call   = tolist(data.x.arns)[0]
                pf     = provider::aws::arn_parse(var.arn)
                body   = data.http.remote.response_body
                nested = jsonencode(merge(local.base, { extra = file("${path.module}/x.json") }))
                spread = concat(var.a, var.b...)
                multi  = coalesce(
                  var.a,
                  "fallback",
                )
                """);

        assertThat(source(root, "ref")).isEqualTo("aws_kms_key.k.arn");
        assertThat(source(root, "index")).isEqualTo("local.a[0]");
        assertThat(source(root, "splat")).isEqualTo("aws_instance.web[*].id");
        assertThat(source(root, "splat2")).isEqualTo("aws_instance.web.*.id");
        assertThat(source(root, "legacy")).isEqualTo("var.list.0");
        assertThat(source(root, "cond")).isEqualTo("var.env == \"prod\" ? \"a\" : \"b\"");
        assertThat(source(root, "math")).isEqualTo("1 + 2 * 3");
        assertThat(source(root, "not")).isEqualTo("!var.flag");
        assertThat(source(root, "forlist")).isEqualTo("[for s in var.subnets : s.id if s.public]");
        assertThat(source(root, "formap")).isEqualTo("{ for k, v in var.m : k => v... }");
        ExpressionNode call = (ExpressionNode) at(root, "call");
        assertThat(call.source()).isEqualTo("tolist(data.x.arns)[0]");
        assertThat(call.function()).isNull();
        ExpressionNode pf = (ExpressionNode) at(root, "pf");
        assertThat(pf.function()).isEqualTo("provider::aws::arn_parse");
        assertThat(pf.arguments()).extracting(n -> ((ExpressionNode) n).source()).containsExactly("var.arn");
        assertThat(source(root, "body")).isEqualTo("data.http.remote.response_body");
        ExpressionNode nested = (ExpressionNode) at(root, "nested");
        ExpressionNode merge = (ExpressionNode) nested.arguments().get(0);
        assertThat(merge.function()).isEqualTo("merge");
        ExpressionNode file = (ExpressionNode) at(merge.arguments().get(1), "extra");
        assertThat(file.function()).isEqualTo("file");
        assertThat(file.arguments()).containsExactly(new ScalarNode("${path.module}/x.json",
                new Position(14, 54, 14, 77)));
        assertThat(((ExpressionNode) at(root, "spread")).arguments()).hasSize(2);
        ExpressionNode multi = (ExpressionNode) at(root, "multi");
        assertThat(multi.position()).isEqualTo(new Position(16, 10, 19, 2));
        assertThat(multi.arguments().get(1)).isEqualTo(new ScalarNode("fallback", new Position(18, 3, 18, 13)));
    }

    @Test
    void objectKeysMayBeStringsOrParenthesisedExpressions() throws HclException {
        MapNode root = HclParser.parse("""
                tags = {
                  "kubernetes.io/cluster" = "owned"
                  (var.key)               = "dynamic"
                  plain                   = 1, other = 2
                  "${var.prefix}-x"       = 3
                }
                one_line = { a = 1, b = [1, 2,], c = {} }
                empty = []
                """);

        MapNode tags = map(root, "tags");
        assertThat(tags.entries().keySet())
                .containsExactly("kubernetes.io/cluster", "(var.key)", "plain", "other", "${var.prefix}-x");
        assertThat(tags.keyPosition("(var.key)")).isEqualTo(new Position(3, 3, 3, 12));
        assertThat(list(root, "one_line", "b").items()).hasSize(2);
        assertThat(map(root, "one_line", "c").entries()).isEmpty();
        assertThat(list(root, "empty").items()).isEmpty();
    }

    @Test
    void commentsAreSkippedAndStayOutOfValues() throws HclException {
        MapNode root = HclParser.parse("""
                # hash comment
                // slash comment
                /* block
                   comment = "not an attribute" */
                a = "x" # trailing
                b = [ # inside a tuple
                  1, /* inline */ 2, // more
                  3
                ]
                c = { # inside an object
                  k = "v" // trailing
                  /* between */
                }
                resource "r" "n" { /* inline */ }
                """);

        assertThat(root.entries().keySet()).containsExactly("a", "b", "c", "resource");
        assertThat(value(root, "a")).isEqualTo("x");
        assertThat(list(root, "b").items()).extracting(n -> ((ScalarNode) n).value()).containsExactly(1L, 2L, 3L);
        assertThat(map(root, "c").entries().keySet()).containsExactly("k");
        assertThat(map(root, "resource", "r", "n").entries()).isEmpty();
        assertThat(root.keyPosition("a").line()).isEqualTo(5);
    }

    @Test
    void commentsInsideAMultiLineExpressionStayOutOfItsSourceText() throws HclException {
        MapNode root = HclParser.parse("""
                x = [
                  for s in var.subnets : s.id # old_password = "Qx7rTz2w"
                  if s.private /* block */
                ]
                y = f(a, // first
                  b)
                z = {
                  (var.k /* c */) = 1
                }
                """);

        assertThat(source(root, "x")).isEqualTo("[\n  for s in var.subnets : s.id \n  if s.private  \n]");
        ExpressionNode y = (ExpressionNode) at(root, "y");
        assertThat(y.source()).isEqualTo("f(a, \n  b)");
        assertThat(y.position()).isEqualTo(new Position(5, 5, 6, 5));
        assertThat(map(root, "z").entries().keySet()).containsExactly("(var.k  )");
    }

    @Test
    void crlfAndCrLineEndsGiveTheRightLinesAndAByteOrderMarkIsIgnored() throws HclException {
        MapNode crlf = HclParser.parse("\uFEFFa = 1\r\n\r\nresource \"x\" \"y\" {\r\n  b = \"two\"\r\n}\r\n");
        assertThat(crlf.keyPosition("a")).isEqualTo(new Position(1, 1, 1, 2));
        assertThat(map(crlf, "resource", "x", "y").position()).isEqualTo(new Position(3, 1, 5, 2));
        assertThat(map(crlf, "resource", "x", "y").keyPosition("b")).isEqualTo(new Position(4, 3, 4, 4));

        MapNode cr = HclParser.parse("a = 1\r\rb = {\r  c = \"d\"\r}\r");
        assertThat(cr.keyPosition("b").line()).isEqualTo(3);
        assertThat(map(cr, "b").keyPosition("c").line()).isEqualTo(4);
        assertThat(at(cr, "b").position()).isEqualTo(new Position(3, 5, 5, 2));
    }

    @Test
    void singleLineBlocksAndBareLabels() throws HclException {
        MapNode root = HclParser.parse("""
                data "aws_caller_identity" "current" {}
                resource aws_s3_bucket logs { bucket = "logs" }
                variable "x" { default = 1 }
                """);

        assertThat(map(root, "data", "aws_caller_identity", "current").entries()).isEmpty();
        assertThat(value(root, "resource", "aws_s3_bucket", "logs", "bucket")).isEqualTo("logs");
        assertThat(value(root, "variable", "x", "default")).isEqualTo(1L);
    }

    @Test
    void tfvarsAttributesAtTheTopLevel() throws HclException {
        MapNode root = HclParser.parse("""
                region      = "eu-west-1"
                db_password = "q7Vt2mXk9LpR4sWz"
                subnets     = ["a", "b"]
                """);

        assertThat(root.entries().keySet()).containsExactly("region", "db_password", "subnets");
        assertThat(at(root, "db_password").position()).isEqualTo(new Position(2, 15, 2, 33));
    }

    @Test
    void emptyAndBlankFiles() throws HclException {
        assertThat(HclParser.parse("").entries()).isEmpty();
        assertThat(HclParser.parse("\n\n  # only a comment\n").entries()).isEmpty();
    }

    @Test
    void theTreeIsImmutable() throws HclException {
        MapNode root = HclParser.parse("a = { b = [1] }\nresource \"x\" \"y\" {\n  s {}\n}\n");
        Node b = at(root, "a", "b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.entries().put("z", b))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list(root, "a", "b").items().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list(root, "resource", "x", "y", "s").items().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static String source(Node root, String key) {
        Node node = at(root, key);
        assertThat(node).isInstanceOf(ExpressionNode.class);
        return ((ExpressionNode) node).source();
    }
}
