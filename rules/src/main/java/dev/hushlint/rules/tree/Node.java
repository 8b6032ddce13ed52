package dev.hushlint.rules.tree;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed structured document (YAML, JSON, HCL) with each node's position beside its data: the user's
 * data is never mixed with position keys. CloudFormation short tags ({@code !Sub x}) become one-key maps
 * ({@code {"Fn::Sub": x}}; {@code !Ref} and {@code !Condition} keep their names), as in the long form.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode, Node.ExpressionNode {

    Position position();

    /** An object. Keys in document order; each key's own position is kept too. */
    record MapNode(Map<String, Node> entries, Map<String, Position> keyPositions, Position position) implements Node {
        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<MapNode> map(String key) {
            return get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
        }

        public Optional<String> string(String key) {
            return get(key).flatMap(Node::asString);
        }

        public Position keyPosition(String key) {
            return keyPositions.getOrDefault(key, position);
        }
    }

    record ListNode(List<Node> items, Position position) implements Node {
    }

    /** A string, number, boolean or null ({@code value} is String, Number, Boolean or null). */
    record ScalarNode(Object value, Position position) implements Node {
        public String text() {
            return value == null ? "" : String.valueOf(value);
        }
    }

    /**
     * An unevaluated expression (HCL references such as {@code var.x}, function calls such as
     * {@code file("x")}, arithmetic): its source text, never evaluated. {@code arguments} holds parsed
     * arguments of a function call ({@code jsonencode({...})}), empty otherwise.
     */
    record ExpressionNode(String source, String function, List<Node> arguments, Position position) implements Node {
    }

    default Optional<String> asString() {
        return this instanceof ScalarNode s && s.value() instanceof String str ? Optional.of(str) : Optional.empty();
    }

    default Optional<MapNode> asMap() {
        return this instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    default Optional<ListNode> asList() {
        return this instanceof ListNode l ? Optional.of(l) : Optional.empty();
    }
}
