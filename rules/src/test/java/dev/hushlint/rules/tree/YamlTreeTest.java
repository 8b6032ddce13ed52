package dev.hushlint.rules.tree;

import dev.hushlint.engine.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlTreeTest {

    @Test
    void shortTagsBecomeLongFormWithPositions() throws Exception {
        Node.MapNode root = (Node.MapNode) YamlTree.parse("""
                A: !Ref Param
                B: !Sub 'arn:${AWS::Partition}:s3:::x'
                C: !GetAtt Res.Outputs.Value
                D: !Join
                  - ''
                  - [a, !Ref B]
                E: !GetAZs ''
                F: yes
                G: !Condition IsProd
                """);
        assertThat(root.map("A").orElseThrow().entries()).containsOnlyKeys("Ref");
        assertThat(root.map("A").orElseThrow().position().line()).isEqualTo(1);
        assertThat(root.map("B").orElseThrow().string("Fn::Sub")).contains("arn:${AWS::Partition}:s3:::x");
        Node.ListNode getAtt = (Node.ListNode) root.map("C").orElseThrow().get("Fn::GetAtt").orElseThrow();
        assertThat(getAtt.items()).extracting(n -> n.asString().orElse(null)).containsExactly("Res", "Outputs.Value");
        assertThat(root.map("D").orElseThrow().get("Fn::Join").orElseThrow()).isInstanceOf(Node.ListNode.class);
        assertThat(root.map("D").orElseThrow().position().line()).isEqualTo(4);
        assertThat(root.map("E").orElseThrow().string("Fn::GetAZs")).contains("");
        assertThat(root.string("F")).contains("yes");
        assertThat(root.map("G").orElseThrow().string("Condition")).contains("IsProd");
        assertThat(root.keyPosition("G").line()).isEqualTo(9);
    }

    @Test
    void duplicateKeysAreAnError() {
        assertThatThrownBy(() -> YamlTree.parse("a: 1\nb: 2\na: 3\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate key \"a\"")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
    }

    @Test
    void aliasesAndMergeKeys() throws Exception {
        Node.MapNode root = (Node.MapNode) YamlTree.parse("""
                base: &base {x: 1, y: 2}
                copy: *base
                merged:
                  <<: *base
                  y: 3
                """);
        assertThat(root.map("copy").orElseThrow().entries()).containsOnlyKeys("x", "y");
        Node.MapNode merged = root.map("merged").orElseThrow();
        assertThat(merged.get("y").orElseThrow()).isEqualTo(new Node.ScalarNode(3, merged.get("y").orElseThrow().position()));
        assertThat(merged.get("x")).isPresent();
    }

    @Test
    void aliasBombFailsFast() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(String.join(", ", List.of("*" + prev, "*" + prev, "*" + prev, "*" + prev, "*" + prev,
                    "*" + prev, "*" + prev, "*" + prev, "*" + prev, "*" + prev)));
            bomb.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> YamlTree.parse(bomb.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("alias");
    }

    @Test
    void absurdNestingIsRejected() {
        String deep = "[".repeat(500) + "]".repeat(500);
        assertThatThrownBy(() -> YamlTree.parse(deep)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> JsonTree.parse(deep)).isInstanceOf(InputException.class);
    }

    @Test
    void jsonPositionsAndDuplicates() throws Exception {
        Node.MapNode root = (Node.MapNode) JsonTree.parse("{\n  \"a\": {\n    \"b\": \"c\"\n  },\n  \"n\": 5\n}");
        assertThat(root.map("a").orElseThrow().position().line()).isEqualTo(2);
        assertThat(root.map("a").orElseThrow().get("b").orElseThrow().position().line()).isEqualTo(3);
        assertThat(root.keyPosition("n").line()).isEqualTo(5);
        assertThatThrownBy(() -> JsonTree.parse("{\"a\": 1, \"a\": 2}")).isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void parseErrorsDoNotQuoteTheSource() {
        assertThatThrownBy(() -> JsonTree.parse("{\"password\": hunter2secret}"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2secret"));
        assertThatThrownBy(() -> YamlTree.parse("a: [hunter2secret\nb: c: d"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2secret"));
    }
}
