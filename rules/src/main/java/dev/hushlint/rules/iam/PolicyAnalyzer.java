package dev.hushlint.rules.iam;

import dev.hushlint.engine.InputException;
import dev.hushlint.rules.tree.JsonTree;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads IAM policy documents and says which secrets each Allow statement reaches. Stateless; see the
 * package documentation for the model.
 */
public final class PolicyAnalyzer {

    private PolicyAnalyzer() {
    }

    /** Grants of every Allow statement of a document that touches secrets (Deny statements are not subtracted here). */
    public static List<SecretGrant> analyze(Node document) {
        return analyze(parse(document, "policy"));
    }

    /** Same, from JSON text (an exported or live policy; URL-decode IAM API output first). */
    public static List<SecretGrant> analyzeJson(String json) throws InputException {
        return analyze(parseJson(json, "policy"));
    }

    public static List<SecretGrant> analyze(PolicyDocument document) {
        List<SecretGrant> grants = new ArrayList<>();
        for (Statement statement : document.statements()) {
            grant(statement, document.source()).ifPresent(grants::add);
        }
        return grants;
    }

    /** A document from JSON text; every statement gets its position in that text. */
    public static PolicyDocument parseJson(String json, String source) throws InputException {
        return parse(JsonTree.parse(json), source);
    }

    /**
     * A document from a node: a map with {@code Statement}, a JSON string holding one (Terraform plans,
     * {@code jsonencode} output, CloudFormation string policies), {@code Fn::Sub} of such a string, or
     * {@code Fn::If} of two documents (both branches count). Malformed statements are skipped.
     */
    public static PolicyDocument parse(Node document, String source) {
        return parse(document, source, ArnResolver.NONE);
    }

    /** Same, judging {@code Ref}/{@code GetAtt} resources by what the template says they are. */
    public static PolicyDocument parse(Node document, String source, ArnResolver resolver) {
        List<Statement> statements = new ArrayList<>();
        collect(document, statements, 0, resolver);
        return new PolicyDocument(source, statements);
    }

    private static void collect(Node document, List<Statement> out, int depth, ArnResolver resolver) {
        if (document == null || depth > 8) {
            return;
        }
        if (document instanceof Node.ScalarNode s && s.value() instanceof String text) {
            embedded(text, s.position()).ifPresent(tree -> collect(tree, out, depth + 1, resolver));
            return;
        }
        if (!(document instanceof Node.MapNode map)) {
            return;
        }
        if (map.entries().size() == 1 && map.get("Fn::Sub").isPresent()) {
            List<String> texts = ResourcePattern.resolve(map, 0, resolver);
            if (!texts.isEmpty()) {
                embedded(texts.get(0), map.position()).ifPresent(tree -> collect(tree, out, depth + 1, resolver));
            }
            return;
        }
        if (map.entries().size() == 1 && map.get("Fn::If").isPresent()) {
            if (map.get("Fn::If").get() instanceof Node.ListNode branches && branches.items().size() == 3) {
                collect(branches.items().get(1), out, depth + 1, resolver);
                collect(branches.items().get(2), out, depth + 1, resolver);
            }
            return;
        }
        Optional<Node> statementNode = map.get("Statement");
        if (statementNode.isEmpty()) {
            return;
        }
        for (Node item : statementItems(statementNode.get())) {
            if (item instanceof Node.MapNode s) {
                statement(s, out.size(), resolver).ifPresent(out::add);
            }
        }
    }

    private static List<Node> statementItems(Node node) {
        List<Node> items = new ArrayList<>();
        if (node instanceof Node.ListNode list) {
            for (Node item : list.items()) {
                items.addAll(unwrapIf(item));
            }
        } else {
            items.addAll(unwrapIf(node));
        }
        return items;
    }

    /** {@code Fn::If [cond, statement, AWS::NoValue]}: a statement that may be there. */
    private static List<Node> unwrapIf(Node node) {
        if (node instanceof Node.MapNode m && m.entries().size() == 1
                && m.get("Fn::If").orElse(null) instanceof Node.ListNode l && l.items().size() == 3) {
            List<Node> out = new ArrayList<>(unwrapIf(l.items().get(1)));
            out.addAll(unwrapIf(l.items().get(2)));
            return out;
        }
        return List.of(node);
    }

    /** A JSON document inside a string; every node placed at the string's own position. */
    private static Optional<Node> embedded(String text, Position at) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(relocate(JsonTree.parse(t), at));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    static Node relocate(Node node, Position at) {
        if (node instanceof Node.MapNode m) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Position> keys = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                entries.put(k, relocate(v, at));
                keys.put(k, at);
            });
            return new Node.MapNode(entries, keys, at);
        }
        if (node instanceof Node.ListNode l) {
            return new Node.ListNode(l.items().stream().map(n -> relocate(n, at)).toList(), at);
        }
        if (node instanceof Node.ScalarNode s) {
            return new Node.ScalarNode(s.value(), at);
        }
        return node;
    }

    private static Optional<Statement> statement(Node.MapNode s, int index, ArnResolver resolver) {
        String effectText = s.get("Effect").flatMap(PolicyAnalyzer::firstString).orElse("").toLowerCase(Locale.ROOT);
        Statement.Effect effect = switch (effectText) {
            case "allow" -> Statement.Effect.ALLOW;
            case "deny" -> Statement.Effect.DENY;
            default -> null;
        };
        if (effect == null) {
            return Optional.empty();
        }
        boolean notAction = s.get("Action").isEmpty() && s.get("NotAction").isPresent();
        List<String> actions = strings(s.get(notAction ? "NotAction" : "Action").orElse(null));
        boolean notResource = s.get("Resource").isEmpty() && s.get("NotResource").isPresent();
        Node resourceNode = s.get(notResource ? "NotResource" : "Resource").orElse(null);
        List<ResourcePattern> resources = resourceNode == null
                ? List.of(ResourcePattern.literal("*"))
                : ResourcePattern.of(resourceNode, resolver);
        boolean notPrincipal = s.get("Principal").isEmpty() && s.get("NotPrincipal").isPresent();
        Node principal = s.get(notPrincipal ? "NotPrincipal" : "Principal").orElse(null);
        Node condition = s.get("Condition").orElse(null);
        String sid = s.get("Sid").flatMap(Node::asString).orElse(null);
        return Optional.of(new Statement(sid, index, effect, actions, notAction, resources, notResource,
                resourceNode != null, principal, notPrincipal, condition, Conditions.classify(condition), s.position()));
    }

    private static Optional<String> firstString(Node node) {
        List<String> values = ResourcePattern.resolve(node, 0);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Plain strings of a string-or-list; deploy-time values are left out. */
    private static List<String> strings(Node node) {
        if (node == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : ResourcePattern.resolve(node, 0)) {
            if (v.indexOf(ResourcePattern.OPEN) < 0 && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /** The grant of one statement, when it is an Allow that covers a catalogued action. */
    public static Optional<SecretGrant> grant(Statement statement, String source) {
        if (statement.effect() != Statement.Effect.ALLOW || statement.actions().isEmpty() && !statement.notAction()) {
            return Optional.empty();
        }
        List<ActionAccess> access = new ArrayList<>();
        for (SecretAction action : SecretAction.catalogue()) {
            if (statement.covers(action)) {
                access.add(reach(statement, action));
            }
        }
        return access.isEmpty() ? Optional.empty() : Optional.of(new SecretGrant(statement, source, access));
    }

    private static ActionAccess reach(Statement statement, SecretAction action) {
        SecretAction.ResourceFamily family = action.family();
        if (statement.notResource()) {
            ResourceScope scope = ResourceScope.ALL;
            for (ResourcePattern excluded : statement.resources()) {
                String n = Scopes.normalise(excluded.arn());
                if (Glob.matches(n, family.pattern(), false)) {
                    return new ActionAccess(action, ResourceScope.NOT_A_SECRET, List.of());
                }
                if (Glob.intersects(n, family.pattern())) {
                    scope = ResourceScope.ACCOUNT_WIDE;
                }
            }
            String arn = scope == ResourceScope.ALL ? "*" : family.pattern();
            return new ActionAccess(action, scope, List.of(new ResourcePattern(arn,
                    "NotResource " + String.join(", ", statement.resources().stream().map(ResourcePattern::display).toList()))));
        }
        ResourceScope scope = ResourceScope.NOT_A_SECRET;
        List<ResourcePattern> reached = new ArrayList<>();
        for (ResourcePattern resource : statement.resources()) {
            ResourceScope s = Scopes.classify(resource.arn(), family);
            if (s != ResourceScope.NOT_A_SECRET) {
                reached.add(resource);
                scope = ResourceScope.broadest(scope, s);
            }
        }
        return new ActionAccess(action, scope, reached);
    }
}
