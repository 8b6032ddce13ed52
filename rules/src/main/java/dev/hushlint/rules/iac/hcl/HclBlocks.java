package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading helpers for the trees {@link HclParser} returns, so that callers need not care whether a block
 * occurred once (a body) or several times (a list of bodies).
 */
public final class HclBlocks {

    /** A top-level block's name (its last label) and body. */
    public record NamedBlock(String name, MapNode body) {
    }

    private HclBlocks() {
    }

    /** The block bodies at a place holding one body or a list of them; none for anything else. */
    public static List<MapNode> bodies(Node node) {
        if (node instanceof MapNode body) {
            return List.of(body);
        }
        List<MapNode> bodies = new ArrayList<>();
        if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode body) {
                    bodies.add(body);
                }
            }
        }
        return bodies;
    }

    /** The blocks of one type nested in a body, in file order: {@code nested(function, "environment")}. */
    public static List<MapNode> nested(MapNode body, String type) {
        return body.get(type).map(HclBlocks::bodies).orElse(List.of());
    }

    /**
     * The top-level blocks of a kind with one label, in file order: {@code named(root, "variable")},
     * {@code named(root, "module")}, {@code named(root, "output")}.
     */
    public static List<NamedBlock> named(MapNode root, String kind) {
        List<NamedBlock> blocks = new ArrayList<>();
        root.map(kind).ifPresent(names -> collect(names, blocks));
        return blocks;
    }

    /**
     * The top-level blocks of one kind and type, in file order:
     * {@code named(root, "resource", "aws_lambda_function")} or {@code named(root, "data",
     * "aws_iam_policy_document")}. A name given to two blocks appears twice.
     */
    public static List<NamedBlock> named(MapNode root, String kind, String type) {
        List<NamedBlock> blocks = new ArrayList<>();
        root.map(kind).flatMap(kinds -> kinds.map(type)).ifPresent(names -> collect(names, blocks));
        return blocks;
    }

    private static void collect(MapNode names, List<NamedBlock> blocks) {
        for (Map.Entry<String, Node> entry : names.entries().entrySet()) {
            for (MapNode body : bodies(entry.getValue())) {
                blocks.add(new NamedBlock(entry.getKey(), body));
            }
        }
    }
}
