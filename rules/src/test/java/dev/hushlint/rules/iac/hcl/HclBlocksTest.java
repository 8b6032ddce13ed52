package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.iac.hcl.HclBlocks.NamedBlock;
import dev.hushlint.rules.tree.Node.MapNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HclBlocksTest {

    private static final String TEXT = """
            resource "aws_lambda_function" "a" {
              environment {
                variables = { X = "1" }
              }
            }
            resource "aws_lambda_function" "b" {
            }
            resource "aws_lambda_function" "b" {
              timeout = 3
            }
            resource "aws_s3_bucket" "c" {}
            provider "aws" {}
            variable "x" {}
            variable "y" {
              default = 1
            }
            """;

    @Test
    void namedBlocksComeInFileOrderWithRepeatedNamesTwice() throws HclException {
        MapNode root = HclParser.parse(TEXT);

        assertThat(HclBlocks.named(root, "resource", "aws_lambda_function"))
                .extracting(NamedBlock::name, block -> block.body().position().line())
                .containsExactly(tuple("a", 1), tuple("b", 6), tuple("b", 8));
        assertThat(HclBlocks.named(root, "resource", "aws_iam_role")).isEmpty();
        assertThat(HclBlocks.named(root, "data", "aws_iam_policy_document")).isEmpty();
    }

    @Test
    void blocksWithOneLabel() throws HclException {
        MapNode root = HclParser.parse(TEXT);

        assertThat(HclBlocks.named(root, "variable")).extracting(NamedBlock::name).containsExactly("x", "y");
        assertThat(HclBlocks.named(root, "variable").get(1).body().position().line()).isEqualTo(14);
        assertThat(HclBlocks.named(root, "module")).isEmpty();
    }

    @Test
    void nestedBlocksAndBodies() throws HclException {
        MapNode root = HclParser.parse(TEXT);
        MapNode a = HclBlocks.named(root, "resource", "aws_lambda_function").get(0).body();

        assertThat(HclBlocks.nested(a, "environment")).hasSize(1)
                .first().satisfies(environment -> assertThat(environment.position().line()).isEqualTo(2));
        assertThat(HclBlocks.nested(a, "vpc_config")).isEmpty();
        assertThat(HclBlocks.bodies(root.get("provider").orElseThrow().asMap().orElseThrow().get("aws").orElseThrow()))
                .hasSize(1);
        assertThat(HclBlocks.bodies(HclTrees.at(a, "environment", 0, "variables", "X"))).isEmpty();
    }
}
