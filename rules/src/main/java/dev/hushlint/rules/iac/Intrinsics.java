package dev.hushlint.rules.iac;

import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readings of CloudFormation intrinsic functions, never an evaluation. */
final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private Intrinsics() {
    }

    /** The one function of a one-key map whose key is {@code Ref}, {@code Condition} or {@code Fn::…}. */
    static Optional<Map.Entry<String, Node>> function(Node node) {
        if (node instanceof Node.MapNode m && m.entries().size() == 1) {
            Map.Entry<String, Node> e = m.entries().entrySet().iterator().next();
            if (e.getKey().equals("Ref") || e.getKey().startsWith("Fn::")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static boolean isFunction(Node node) {
        return function(node).isPresent();
    }

    /** Names a value refers to: {@code Ref X}, {@code ${X}} in {@code Fn::Sub}, {@code Fn::GetAtt [X, …]}, through If/Join. */
    static Set<String> references(Node node) {
        Set<String> out = new LinkedHashSet<>();
        collectReferences(node, out, 0);
        return out;
    }

    private static void collectReferences(Node node, Set<String> out, int depth) {
        if (depth > 30 || node == null) {
            return;
        }
        Optional<Map.Entry<String, Node>> fn = function(node);
        if (fn.isPresent()) {
            Node arg = fn.get().getValue();
            switch (fn.get().getKey()) {
                case "Ref" -> arg.asString().ifPresent(out::add);
                case "Fn::GetAtt" -> {
                    if (arg instanceof Node.ListNode l && !l.items().isEmpty()) {
                        l.items().get(0).asString().ifPresent(out::add);
                    }
                }
                case "Fn::Sub" -> {
                    Node text = arg instanceof Node.ListNode l && !l.items().isEmpty() ? l.items().get(0) : arg;
                    text.asString().ifPresent(s -> {
                        Matcher m = SUB_VARIABLE.matcher(s);
                        while (m.find()) {
                            String name = m.group(1).strip();
                            int dot = name.indexOf('.');
                            out.add(dot < 0 ? name : name.substring(0, dot));
                        }
                    });
                    if (arg instanceof Node.ListNode l && l.items().size() > 1) {
                        collectReferences(l.items().get(1), out, depth + 1);
                    }
                }
                default -> collectReferences(arg, out, depth + 1);
            }
            return;
        }
        if (node instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                collectReferences(item, out, depth + 1);
            }
        } else if (node instanceof Node.MapNode m) {
            for (Node v : m.entries().values()) {
                collectReferences(v, out, depth + 1);
            }
        }
    }

    /** Every string written inside a value, function arguments included (the literal parts of Sub and Join). */
    static List<String> strings(Node node) {
        List<String> out = new ArrayList<>();
        collectStrings(node, out, 0);
        return out;
    }

    private static void collectStrings(Node node, List<String> out, int depth) {
        if (depth > 30 || node == null) {
            return;
        }
        if (node instanceof Node.ScalarNode s && s.value() instanceof String str) {
            out.add(str);
        } else if (node instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                collectStrings(item, out, depth + 1);
            }
        } else if (node instanceof Node.MapNode m) {
            Optional<Map.Entry<String, Node>> fn = function(node);
            if (fn.isPresent() && (fn.get().getKey().equals("Ref") || fn.get().getKey().equals("Fn::GetAtt")
                    || fn.get().getKey().equals("Fn::ImportValue") || fn.get().getKey().equals("Fn::FindInMap"))) {
                return; // names, not values
            }
            if (fn.isPresent() && fn.get().getKey().equals("Fn::If") && fn.get().getValue() instanceof Node.ListNode l
                    && l.items().size() == 3) {
                collectStrings(l.items().get(1), out, depth + 1);
                collectStrings(l.items().get(2), out, depth + 1);
                return;
            }
            for (Node v : m.entries().values()) {
                collectStrings(v, out, depth + 1);
            }
        } else if (node instanceof Node.ExpressionNode e) {
            for (Node a : e.arguments()) {
                collectStrings(a, out, depth + 1);
            }
        }
    }

    /** The branches a value may take: both sides of {@code Fn::If}, {@code AWS::NoValue} dropped. */
    static List<Node> alternatives(Node node) {
        List<Node> out = new ArrayList<>();
        collectAlternatives(node, out, 0);
        return out;
    }

    private static void collectAlternatives(Node node, List<Node> out, int depth) {
        Optional<Map.Entry<String, Node>> fn = function(node);
        if (depth < 10 && fn.isPresent() && fn.get().getKey().equals("Fn::If")
                && fn.get().getValue() instanceof Node.ListNode l && l.items().size() == 3) {
            collectAlternatives(l.items().get(1), out, depth + 1);
            collectAlternatives(l.items().get(2), out, depth + 1);
            return;
        }
        if (fn.isPresent() && fn.get().getKey().equals("Ref") && "AWS::NoValue".equals(fn.get().getValue().asString().orElse(""))) {
            return;
        }
        out.add(node);
    }

    /** {@code Ref X} (possibly under If) → X. */
    static Optional<String> refName(Node node) {
        Optional<Map.Entry<String, Node>> fn = function(node);
        if (fn.isPresent() && fn.get().getKey().equals("Ref")) {
            return fn.get().getValue().asString();
        }
        return Optional.empty();
    }

    /** True for true, "true", "True", "yes". */
    static boolean truthy(Node node) {
        if (node instanceof Node.ScalarNode s) {
            if (s.value() instanceof Boolean b) {
                return b;
            }
            String t = s.text().strip().toLowerCase(java.util.Locale.ROOT);
            return t.equals("true") || t.equals("yes");
        }
        return false;
    }

    /** The items of a list value, through {@code Fn::If} around the list or around items. */
    static List<Node> items(Node node) {
        List<Node> out = new ArrayList<>();
        collectItems(node, out, 0);
        return out;
    }

    private static void collectItems(Node node, List<Node> out, int depth) {
        if (node == null || depth > 10) {
            return;
        }
        if (node instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                collectItems(item, out, depth + 1);
            }
            return;
        }
        for (Node alternative : alternatives(node)) {
            if (alternative instanceof Node.ListNode) {
                collectItems(alternative, out, depth + 1);
            } else {
                out.add(alternative);
            }
        }
    }
}
