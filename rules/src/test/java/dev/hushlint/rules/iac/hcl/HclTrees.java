package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import dev.hushlint.rules.tree.Node.ScalarNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: walk a parsed tree by keys (String) and list indexes (Integer). */
final class HclTrees {

    private HclTrees() {
    }

    static Node at(Node root, Object... steps) {
        Node current = root;
        for (Object step : steps) {
            if (step instanceof Integer index) {
                if (!(current instanceof ListNode list)) {
                    throw new AssertionError("not a list before [" + index + "]: " + current);
                }
                current = list.items().get(index);
            } else {
                if (!(current instanceof MapNode map)) {
                    throw new AssertionError("not a map before ." + step + ": " + current);
                }
                current = map.get((String) step).orElseThrow(() -> new AssertionError("no key " + step
                        + " in " + map.entries().keySet()));
            }
        }
        return current;
    }

    static MapNode map(Node root, Object... steps) {
        Node node = at(root, steps);
        if (node instanceof MapNode map) {
            return map;
        }
        throw new AssertionError("not a map: " + node);
    }

    static ListNode list(Node root, Object... steps) {
        Node node = at(root, steps);
        if (node instanceof ListNode list) {
            return list;
        }
        throw new AssertionError("not a list: " + node);
    }

    static Object value(Node root, Object... steps) {
        Node node = at(root, steps);
        if (node instanceof ScalarNode scalar) {
            return scalar.value();
        }
        throw new AssertionError("not a scalar: " + node);
    }

    static String resource(String name) {
        try (InputStream in = HclTrees.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
