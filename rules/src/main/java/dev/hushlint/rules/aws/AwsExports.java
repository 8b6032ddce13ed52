package dev.hushlint.rules.aws;

import dev.hushlint.engine.InputException;
import dev.hushlint.rules.tree.JsonTree;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import dev.hushlint.rules.tree.Node.ScalarNode;
import dev.hushlint.rules.tree.Position;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises AWS CLI JSON exports by their shape and turns them into records: {@code aws lambda
 * list-functions} ({@code Functions[]}), {@code get-function-configuration} (one function at the top),
 * {@code get-function} ({@code Configuration} + {@code Tags}), and {@code aws iam
 * get-account-authorization-details} ({@code RoleDetailList[]}, {@code Policies[]}). The live scan's
 * inventory uses the same shapes under an {@code HushlintInventory} marker.
 */
public final class AwsExports {

    /** The top-level key that marks hushlint's own redacted inventory. */
    public static final String INVENTORY_MARKER = "HushlintInventory";

    private AwsExports() {
    }

    public static boolean isInventory(Node root) {
        return root instanceof MapNode map && map.entries().containsKey(INVENTORY_MARKER);
    }

    /** The functions of an export, or null when the document is not a Lambda export. */
    public static LambdaExport lambdaFunctions(Path file, Node root) {
        if (!(root instanceof MapNode top)) {
            return null;
        }
        List<LambdaFunction> functions = new ArrayList<>();
        if (top.get("Functions").orElse(null) instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode fn && isFunction(fn)) {
                    functions.add(function(fn, null));
                }
            }
            return new LambdaExport(file, functions);
        }
        if (isFunction(top)) {
            return new LambdaExport(file, List.of(function(top, null)));
        }
        if (top.map("Configuration").filter(AwsExports::isFunction).isPresent()) {
            return new LambdaExport(file, List.of(function(top.map("Configuration").get(), top.map("Tags").orElse(null))));
        }
        return null;
    }

    private static boolean isFunction(MapNode map) {
        return map.string("FunctionName").isPresent() && map.string("FunctionArn").isPresent();
    }

    private static LambdaFunction function(MapNode fn, MapNode outerTags) {
        List<EnvironmentVariable> environment = new ArrayList<>();
        fn.map("Environment").flatMap(e -> e.map("Variables")).ifPresent(vars -> {
            for (Map.Entry<String, Node> e : vars.entries().entrySet()) {
                Node value = e.getValue();
                String text = value instanceof ScalarNode s ? s.text() : "";
                Position at = value instanceof ScalarNode ? value.position() : vars.keyPosition(e.getKey());
                environment.add(new EnvironmentVariable(e.getKey(), text, at));
            }
        });
        TreeMap<String, String> tags = new TreeMap<>();
        MapNode tagNode = fn.map("Tags").orElse(outerTags);
        if (tagNode != null) {
            tagNode.entries().forEach((k, v) -> v.asString().ifPresent(s -> tags.put(k, s)));
        }
        String role = fn.string("Role").orElse("");
        return new LambdaFunction(fn.string("FunctionName").orElse(""), fn.string("FunctionArn").orElse(""),
                fn.string("Region").orElse(""), role, fn.string("KMSKeyArn").orElse(""), environment, tags,
                fn.get("FunctionName").map(Node::position).orElse(fn.position()),
                fn.get("Role").map(Node::position).orElse(null));
    }

    /** The roles and managed policies of an export, or null when the document is not an IAM export. */
    public static IamExport iam(Path file, Node root) {
        if (!(root instanceof MapNode top)) {
            return null;
        }
        Optional<ListNode> roleList = top.get("RoleDetailList").flatMap(Node::asList);
        Optional<ListNode> policyList = top.get("Policies").flatMap(Node::asList);
        boolean policiesWithVersions = policyList.filter(l -> l.items().stream()
                .anyMatch(i -> i instanceof MapNode m && m.entries().containsKey("PolicyVersionList"))).isPresent();
        if (roleList.isEmpty() && !policiesWithVersions) {
            return null;
        }
        List<IamRole> roles = new ArrayList<>();
        roleList.ifPresent(list -> {
            for (Node item : list.items()) {
                if (item instanceof MapNode role && role.string("Arn").isPresent()) {
                    roles.add(role(file, role));
                }
            }
        });
        List<ManagedPolicy> policies = new ArrayList<>();
        policyList.ifPresent(list -> {
            for (Node item : list.items()) {
                if (item instanceof MapNode policy && policy.string("Arn").isPresent()) {
                    policies.add(managedPolicy(file, policy));
                }
            }
        });
        return new IamExport(file, roles, policies);
    }

    private static IamRole role(Path file, MapNode role) {
        List<IamPolicyDocument> inline = new ArrayList<>();
        role.get("RolePolicyList").flatMap(Node::asList).ifPresent(list -> {
            for (Node item : list.items()) {
                if (item instanceof MapNode p) {
                    document(p.string("PolicyName").orElse(""), p.get("PolicyDocument").orElse(null), p.position())
                            .ifPresent(inline::add);
                }
            }
        });
        List<String> attached = new ArrayList<>();
        role.get("AttachedManagedPolicies").flatMap(Node::asList).ifPresent(list -> {
            for (Node item : list.items()) {
                item.asMap().flatMap(m -> m.string("PolicyArn")).ifPresent(attached::add);
            }
        });
        return new IamRole(role.string("Arn").orElseThrow(), role.string("RoleName").orElse(""), inline, attached,
                file, role.get("Arn").map(Node::position).orElse(role.position()));
    }

    private static ManagedPolicy managedPolicy(Path file, MapNode policy) {
        String defaultVersionId = policy.string("DefaultVersionId").orElse("");
        String name = policy.string("PolicyName").orElse("");
        IamPolicyDocument defaultVersion = null;
        Optional<ListNode> versions = policy.get("PolicyVersionList").flatMap(Node::asList);
        if (versions.isPresent()) {
            for (Node item : versions.get().items()) {
                if (!(item instanceof MapNode version)) {
                    continue;
                }
                boolean isDefault = version.get("IsDefaultVersion")
                        .filter(n -> n instanceof ScalarNode s && Boolean.TRUE.equals(s.value())).isPresent()
                        || (!defaultVersionId.isEmpty() && defaultVersionId.equals(version.string("VersionId").orElse(null)));
                if (isDefault) {
                    defaultVersion = document(name, version.get("Document").orElse(null), version.position()).orElse(null);
                    break;
                }
            }
        }
        return new ManagedPolicy(policy.string("Arn").orElseThrow(), name, defaultVersionId, defaultVersion, file,
                policy.get("Arn").map(Node::position).orElse(policy.position()));
    }

    /**
     * A policy document: a JSON object as the CLI prints it, or a string as IAM's own API returns it
     * (URL-encoded JSON; its nodes then all point at the string).
     */
    private static Optional<IamPolicyDocument> document(String name, Node document, Position fallback) {
        if (document instanceof MapNode) {
            return Optional.of(new IamPolicyDocument(name, document, document.position()));
        }
        if (document instanceof ScalarNode s && s.value() instanceof String text) {
            return decodePolicy(text, s.position()).map(doc -> new IamPolicyDocument(name, doc, s.position()));
        }
        return Optional.empty();
    }

    /**
     * Parses an IAM policy document as IAM's API returns it: URL-encoded (RFC 3986) JSON, or plain JSON.
     * Empty when it is neither.
     */
    public static Optional<Node> decodePolicy(String text, Position anchor) {
        String raw = text.strip();
        if (raw.startsWith("{")) {
            return parsePolicy(raw, anchor);
        }
        // RFC 3986 leaves '+' literal; try that reading first, then form encoding ('+' = space)
        Optional<Node> strict = parsePolicy(urlDecode(raw.replace("+", "%2B")), anchor);
        return strict.isPresent() ? strict : parsePolicy(urlDecode(raw), anchor);
    }

    /**
     * The JSON text of an IAM policy document as IAM's API returns it (URL-encoded), or empty when it does
     * not decode to a JSON object.
     */
    public static Optional<String> policyJson(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String raw = text.strip();
        if (raw.startsWith("{")) {
            return parsePolicy(raw, Position.UNKNOWN).map(n -> raw);
        }
        String strict = urlDecode(raw.replace("+", "%2B"));
        if (parsePolicy(strict, Position.UNKNOWN).isPresent()) {
            return Optional.of(strict);
        }
        String form = urlDecode(raw);
        return parsePolicy(form, Position.UNKNOWN).map(n -> form);
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Optional<Node> parsePolicy(String json, Position anchor) {
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            Node node = JsonTree.parse(json);
            return node instanceof MapNode ? Optional.of(anchored(node, anchor)) : Optional.empty();
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** The same tree with every position set to where the encoded document stands in its file. */
    private static Node anchored(Node node, Position at) {
        if (node instanceof MapNode map) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Position> keys = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> {
                entries.put(k, anchored(v, at));
                keys.put(k, at);
            });
            return new MapNode(entries, keys, at);
        }
        if (node instanceof ListNode list) {
            return new ListNode(list.items().stream().map(i -> anchored(i, at)).toList(), at);
        }
        if (node instanceof ScalarNode scalar) {
            return new ScalarNode(scalar.value(), at);
        }
        Node.ExpressionNode e = (Node.ExpressionNode) node;
        return new Node.ExpressionNode(e.source(), e.function(), e.arguments().stream().map(a -> anchored(a, at)).toList(), at);
    }
}
