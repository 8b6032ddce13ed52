package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.iam.ManagedPolicies;
import dev.hushlint.rules.iam.PolicyAnalyzer;
import dev.hushlint.rules.iam.PolicyDocument;
import dev.hushlint.rules.iam.ResourcePattern;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link Template} of Terraform resources, from a plan's {@code planned_values} or from {@code .tf}
 * files: {@code aws_lambda_function} environments, {@code aws_secretsmanager_secret} (+ {@code _rotation}),
 * IAM policies (JSON strings, {@code jsonencode(...)}, {@code aws_iam_policy_document} data sources),
 * resource and key policies, SSM parameters and password attributes.
 */
final class TerraformModel {

    /**
     * One resource or data source.
     *
     * @param address {@code aws_iam_policy.fail}, {@code module.x.aws_lambda_function.f}, {@code data.aws_iam_policy_document.d}
     * @param values  its attributes and nested blocks (a block may be a map or a list of maps)
     */
    record Resource(String address, String type, String name, Node.MapNode values, Position position) {
    }

    private static final Pattern REFERENCE = Pattern.compile("(data\\.)?(aws_[a-z0-9_]+)\\.([A-Za-z0-9_-]+)");
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("local\\.([A-Za-z0-9_-]+)");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\bvar\\.([A-Za-z0-9_-]+)");
    private static final Set<String> IDENTITY_POLICY_TYPES = Set.of("aws_iam_policy", "aws_iam_role_policy",
            "aws_iam_user_policy", "aws_iam_group_policy");

    private final List<Resource> resources;
    private final Map<String, Resource> byAddress = new LinkedHashMap<>();

    private final Function<Resource, Set<String>> unknownRotationTargets;
    private final Template.Format format;

    private TerraformModel(List<Resource> resources, Function<Resource, Set<String>> unknownRotationTargets,
                           Template.Format format) {
        this.resources = resources;
        this.format = format;
        this.unknownRotationTargets = unknownRotationTargets;
        for (Resource r : resources) {
            byAddress.put(r.address(), r);
        }
    }

    /**
     * @param variables              Terraform {@code variable} blocks (as parameters; {@code sensitive} for NoEcho)
     * @param unknownRotationTargets for plans: the secrets a rotation targets when its secret_id is not known yet
     */
    static Template build(TextFile file, Template.Format format, Node root, List<Resource> resources,
                          List<Template.Parameter> variables, Function<Resource, Set<String>> unknownRotationTargets) {
        return new TerraformModel(resources, unknownRotationTargets, format).build(file, format, root, variables);
    }

    private Template build(TextFile file, Template.Format format, Node root, List<Template.Parameter> variables) {
        List<Template.LambdaFunction> functions = new ArrayList<>();
        List<Template.IdentityPolicy> identity = new ArrayList<>();
        List<Template.ManagedPolicyUse> managed = new ArrayList<>();
        List<Template.ResourcePolicy> resourcePolicies = new ArrayList<>();
        List<Template.SecretResource> secrets = new ArrayList<>();
        List<Template.CredentialValue> credentials = new ArrayList<>();
        Set<String> rotated = rotatedSecrets();
        Set<String> lambdaRoles = lambdaRoles();
        for (Resource r : resources) {
            Node.MapNode v = r.values();
            switch (r.type()) {
                case "aws_lambda_function" -> functions.add(function(r, root));
                case "aws_secretsmanager_secret" -> {
                    Node kms = v.get("kms_key_id").filter(k -> !(k instanceof Node.ScalarNode s && s.value() == null)).orElse(null);
                    boolean inlineRotation = blocks(v.get("rotation_rules").orElse(null)).stream()
                            .anyMatch(b -> !b.entries().isEmpty());
                    secrets.add(new Template.SecretResource(r.address(), r.address(), r.position(), kms,
                            inlineRotation || rotated.contains(r.address())));
                }
                case "aws_secretsmanager_secret_version" -> v.get("secret_string").ifPresent(s -> credentials.add(
                        new Template.CredentialValue(Template.CredentialValue.Kind.SECRET_STRING, r.address(),
                                "secret_string", s, v.keyPosition("secret_string"), r.address() + "/secret_string")));
                case "aws_ssm_parameter" -> {
                    String type = v.string("type").orElse("String");
                    Optional<Node> value = v.get("value").or(() -> v.get("insecure_value"));
                    if (type.equals("String") && value.isPresent()) {
                        credentials.add(new Template.CredentialValue(Template.CredentialValue.Kind.SSM_STRING_PARAMETER,
                                r.address(), v.string("name").orElse(r.name()), value.get(),
                                v.keyPosition(v.get("value").isPresent() ? "value" : "insecure_value"), r.address() + "/value"));
                    }
                }
                case "aws_secretsmanager_secret_policy" -> v.get("policy").ifPresent(p -> resourcePolicies.add(
                        new Template.ResourcePolicy(r.address(), "secret resource policy", r.address(),
                                document(p, "resource policy " + r.address()))));
                case "aws_kms_key" -> v.get("policy").ifPresent(p -> resourcePolicies.add(
                        new Template.ResourcePolicy(r.address(), "KMS key policy", r.address(),
                                document(p, "key policy " + r.address()))));
                case "aws_iam_role" -> {
                    for (Node.MapNode inline : blocks(v.get("inline_policy").orElse(null))) {
                        inline.get("policy").ifPresent(p -> identity.add(new Template.IdentityPolicy(
                                r.address() + "/inline_policy/" + inline.string("name").orElse(""),
                                document(p, "inline policy of " + r.address(), true), Set.of(r.address()))));
                    }
                    for (Node arn : Intrinsics.items(v.get("managed_policy_arns").orElse(null))) {
                        managedUse(r.address(), arn, lambdaRoles.contains(r.address()), Set.of(r.address()), managed);
                    }
                }
                case "aws_iam_role_policy_attachment", "aws_iam_policy_attachment" -> v.get("policy_arn").ifPresent(arn -> {
                    Set<String> targets = roleTargets(r);
                    managedUse(r.address(), arn, targets.stream().anyMatch(lambdaRoles::contains), targets, managed);
                });
                default -> {
                }
            }
            if (IDENTITY_POLICY_TYPES.contains(r.type())) {
                v.get("policy").ifPresent(p -> identity.add(new Template.IdentityPolicy(r.address(),
                        document(p, "policy " + r.address(), true), policyPrincipals(r))));
            }
            if (format == Template.Format.TERRAFORM && isIdentityDocument(r)) {
                identity.add(new Template.IdentityPolicy(r.address(), PolicyAnalyzer.parse(policyDocumentData(v),
                        "policy document " + r.address()), Set.of(r.address())));
            }
            if (!r.type().equals("aws_lambda_function") && !r.type().startsWith("aws_secretsmanager_")
                    && !r.type().equals("aws_ssm_parameter") && !r.address().startsWith("data.")) {
                credentialAttributes(r, v, r.address(), credentials, 0);
            }
        }
        Set<String> passwordVariables = new LinkedHashSet<>();
        for (Template.CredentialValue c : credentials) {
            if (c.kind() == Template.CredentialValue.Kind.SSM_STRING_PARAMETER) {
                continue;
            }
            String text = c.value() instanceof Node.ExpressionNode e ? e.source() : c.value().asString().orElse("");
            Matcher m = VARIABLE_REFERENCE.matcher(text);
            while (m.find()) {
                passwordVariables.add(m.group(1));
            }
        }
        return new Template(file, format, root, variables, functions, identity, managed, resourcePolicies, secrets,
                credentials, passwordVariables);
    }

    private Template.LambdaFunction function(Resource r, Node root) {
        List<Template.EnvVariable> vars = new ArrayList<>();
        for (Node.MapNode env : blocks(r.values().get("environment").orElse(null))) {
            List<Node.MapNode> maps = new ArrayList<>();
            Node variables = env.get("variables").orElse(null);
            if (variables instanceof Node.MapNode m) {
                maps.add(m);
            } else if (variables instanceof Node.ExpressionNode e) {
                // merge(local.common, {…}): the literal maps among the arguments
                for (Node argument : e.arguments()) {
                    if (argument instanceof Node.MapNode m) {
                        maps.add(m);
                    }
                }
            }
            for (Node.MapNode map : maps) {
                map.entries().forEach((name, value) -> vars.add(new Template.EnvVariable(name, local(value, root),
                        map.keyPosition(name), r.address() + "/environment/" + name)));
            }
        }
        Node kms = r.values().get("kms_key_arn").filter(k -> !(k instanceof Node.ScalarNode s && s.value() == null))
                .orElse(null);
        return new Template.LambdaFunction(r.address(), r.address(), r.position(), vars, kms);
    }

    /** {@code local.x} that is a literal in the same file: judged as that literal, at the reference's position. */
    private static Node local(Node value, Node root) {
        if (value instanceof Node.ExpressionNode e && root instanceof Node.MapNode m) {
            Matcher local = LOCAL_REFERENCE.matcher(e.source().strip());
            if (local.matches()) {
                Optional<Node> target = m.map("locals").flatMap(l -> l.get(local.group(1)));
                if (target.isPresent() && target.get() instanceof Node.ScalarNode s && s.value() instanceof String) {
                    return new Node.ScalarNode(s.value(), e.position());
                }
            }
        }
        return value;
    }

    /** A policy attribute: a JSON string or heredoc, {@code jsonencode({...})}, or a policy document data source. */
    private PolicyDocument document(Node policy, String source) {
        return document(policy, source, false);
    }

    /**
     * @param identity an identity policy: in {@code .tf} files its {@code aws_iam_policy_document} is judged where
     *                 it is written (see {@link #isIdentityDocument}), so it is not judged again here
     */
    private PolicyDocument document(Node policy, String source, boolean identity) {
        if (policy instanceof Node.ExpressionNode e) {
            if ("jsonencode".equals(e.function()) && !e.arguments().isEmpty()) {
                return PolicyAnalyzer.parse(e.arguments().get(0), source);
            }
            Matcher m = REFERENCE.matcher(e.source());
            if (m.find() && m.group(1) != null && m.group(2).equals("aws_iam_policy_document")
                    && !(identity && format == Template.Format.TERRAFORM)) {
                Resource data = byAddress.get("data.aws_iam_policy_document." + m.group(3));
                if (data != null) {
                    return PolicyAnalyzer.parse(policyDocumentData(data.values()), source + " (data." + "aws_iam_policy_document." + m.group(3) + ")");
                }
            }
            return new PolicyDocument(source, List.of());
        }
        return PolicyAnalyzer.parse(policy, source);
    }

    /**
     * An {@code aws_iam_policy_document} without {@code principals}: an identity policy (trust and resource
     * policies always name principals). Judged where it is written, whichever file of the directory uses it.
     */
    private static boolean isIdentityDocument(Resource r) {
        return r.address().startsWith("data.") && r.type().equals("aws_iam_policy_document")
                && blocks(r.values().get("statement").orElse(null)).stream()
                .noneMatch(s -> s.get("principals").isPresent() || s.get("not_principals").isPresent());
    }

    /** An {@code aws_iam_policy_document} data source, as the JSON policy it renders. */
    static Node policyDocumentData(Node.MapNode data) {
        List<Node> statements = new ArrayList<>();
        for (Node.MapNode s : blocks(data.get("statement").orElse(null))) {
            Map<String, Node> out = new LinkedHashMap<>();
            Map<String, Position> keys = new LinkedHashMap<>();
            put(out, keys, "Sid", s.get("sid").orElse(null));
            put(out, keys, "Effect", s.get("effect").orElse(new Node.ScalarNode("Allow", s.position())));
            put(out, keys, "Action", s.get("actions").orElse(null));
            put(out, keys, "NotAction", s.get("not_actions").orElse(null));
            put(out, keys, "Resource", s.get("resources").orElse(null));
            put(out, keys, "NotResource", s.get("not_resources").orElse(null));
            List<Node.MapNode> principals = blocks(s.get("principals").orElse(null));
            if (!principals.isEmpty()) {
                Map<String, Node> p = new LinkedHashMap<>();
                for (Node.MapNode pr : principals) {
                    p.put(pr.string("type").orElse("AWS"), pr.get("identifiers").orElse(new Node.ScalarNode("*", pr.position())));
                }
                put(out, keys, "Principal", new Node.MapNode(p, Map.of(), principals.get(0).position()));
            }
            List<Node.MapNode> conditions = blocks(s.get("condition").orElse(null));
            if (!conditions.isEmpty()) {
                Map<String, Node> byTest = new LinkedHashMap<>();
                for (Node.MapNode c : conditions) {
                    String test = c.string("test").orElse("StringEquals");
                    Map<String, Node> inner = byTest.get(test) instanceof Node.MapNode m ? new LinkedHashMap<>(m.entries())
                            : new LinkedHashMap<>();
                    inner.put(c.string("variable").orElse("?"), c.get("values").orElse(new Node.ScalarNode("*", c.position())));
                    byTest.put(test, new Node.MapNode(inner, Map.of(), c.position()));
                }
                put(out, keys, "Condition", new Node.MapNode(byTest, Map.of(), conditions.get(0).position()));
            }
            statements.add(new Node.MapNode(out, keys, s.position()));
        }
        Map<String, Node> doc = new LinkedHashMap<>();
        doc.put("Statement", new Node.ListNode(statements, data.position()));
        return new Node.MapNode(doc, Map.of(), data.position());
    }

    private static void put(Map<String, Node> out, Map<String, Position> keys, String key, Node value) {
        if (value != null) {
            out.put(key, value);
            keys.put(key, value.position());
        }
    }

    private Set<String> rotatedSecrets() {
        Set<String> rotated = new LinkedHashSet<>();
        for (Resource r : resources) {
            if (r.type().equals("aws_secretsmanager_secret_rotation")) {
                Node id = r.values().get("secret_id").orElse(null);
                rotated.addAll(referencedAddresses(id, "aws_secretsmanager_secret"));
                if (id instanceof Node.ScalarNode s && s.value() != null) {
                    // a plan holds the secret's ARN or id: match it against the secrets' own values
                    for (Resource secret : resources) {
                        if (secret.type().equals("aws_secretsmanager_secret") && (secret.values().string("arn")
                                .filter(s.text()::equals).isPresent() || secret.values().string("name").filter(s.text()::equals).isPresent())) {
                            rotated.add(secret.address());
                        }
                    }
                }
                if (id == null || id instanceof Node.ScalarNode s && s.value() == null) {
                    rotated.addAll(unknownRotationTargets.apply(r));
                }
            }
        }
        return rotated;
    }

    private Set<String> lambdaRoles() {
        Set<String> roles = new LinkedHashSet<>();
        for (Resource r : resources) {
            if (r.type().equals("aws_iam_role")) {
                List<String> trust = Intrinsics.strings(r.values().get("assume_role_policy").orElse(null));
                Node assume = r.values().get("assume_role_policy").orElse(null);
                if (assume instanceof Node.ExpressionNode e) {
                    trust = new ArrayList<>(trust);
                    trust.add(e.source());
                    Matcher m = REFERENCE.matcher(e.source());
                    if (m.find() && m.group(1) != null) {
                        Resource data = byAddress.get("data." + m.group(2) + "." + m.group(3));
                        if (data != null) {
                            trust.addAll(Intrinsics.strings(data.values()));
                        }
                    }
                }
                if (trust.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("lambda.amazonaws.com"))) {
                    roles.add(r.address());
                }
            }
            if (r.type().equals("aws_lambda_function")) {
                r.values().get("role").ifPresent(role -> {
                    roles.addAll(referencedAddresses(role, "aws_iam_role"));
                    role.asString().ifPresent(arn -> roles.addAll(rolesNamed(arn.substring(arn.lastIndexOf('/') + 1))));
                });
            }
        }
        return roles;
    }

    /** The role/user/group an inline policy resource belongs to ({@code role = aws_iam_role.x.id}), else itself. */
    private Set<String> policyPrincipals(Resource r) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : List.of("role", "user", "group")) {
            r.values().get(key).ifPresent(v -> {
                out.addAll(referencedAddresses(v, "aws_iam_" + key));
                v.asString().ifPresent(name -> out.add("aws_iam_" + key + ":" + name));
            });
        }
        if (out.isEmpty()) {
            out.add(r.address());
        }
        return out;
    }

    /** Roles an attachment targets: by reference ({@code aws_iam_role.x.name}) or by name. */
    private Set<String> roleTargets(Resource attachment) {
        Set<String> out = new LinkedHashSet<>();
        List<Node> targets = new ArrayList<>();
        attachment.values().get("role").ifPresent(targets::add);
        targets.addAll(Intrinsics.items(attachment.values().get("roles").orElse(null)));
        for (Node t : targets) {
            out.addAll(referencedAddresses(t, "aws_iam_role"));
            t.asString().ifPresent(name -> out.addAll(rolesNamed(name)));
        }
        return out;
    }

    private Set<String> rolesNamed(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (Resource r : resources) {
            if (r.type().equals("aws_iam_role") && r.values().string("name").filter(name::equals).isPresent()) {
                out.add(r.address());
            }
        }
        return out;
    }

    /** Addresses of resources of a type that an expression refers to ({@code aws_iam_role.lambda.arn}). */
    private static Set<String> referencedAddresses(Node node, String type) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof Node.ExpressionNode e) {
            Matcher m = REFERENCE.matcher(e.source());
            while (m.find()) {
                if (m.group(1) == null && m.group(2).equals(type)) {
                    out.add(type + "." + m.group(3));
                }
            }
        } else if (node instanceof Node.ScalarNode s && s.value() instanceof String text && text.contains("${")) {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                if (m.group(1) == null && m.group(2).equals(type)) {
                    out.add(type + "." + m.group(3));
                }
            }
        }
        return out;
    }

    private static void managedUse(String owner, Node arn, boolean lambdaRole, Set<String> roles,
                                   List<Template.ManagedPolicyUse> out) {
        for (ResourcePattern p : ResourcePattern.of(arn)) {
            ManagedPolicies.knownName(p.arn()).ifPresent(name -> out.add(new Template.ManagedPolicyUse(owner, name,
                    arn.position(), owner + "/managed_policy/" + name, lambdaRole, roles)));
        }
    }

    private static void credentialAttributes(Resource r, Node node, String path, List<Template.CredentialValue> out,
                                             int depth) {
        if (depth > 8) {
            return;
        }
        if (node instanceof Node.MapNode m) {
            m.entries().forEach((key, value) -> {
                if (key.equals("tags") || key.equals("tags_all") || key.equals("environment")) {
                    return;
                }
                if (CredentialProperties.isCredentialProperty(key)
                        && (value instanceof Node.ScalarNode s && s.value() != null || value instanceof Node.ExpressionNode)) {
                    out.add(new Template.CredentialValue(Template.CredentialValue.Kind.PASSWORD_PROPERTY, r.address(),
                            key, value, m.keyPosition(key), path + "/" + key));
                } else {
                    credentialAttributes(r, value, path + "/" + key, out, depth + 1);
                }
            });
        } else if (node instanceof Node.ListNode l) {
            for (int i = 0; i < l.items().size(); i++) {
                credentialAttributes(r, l.items().get(i), path + "/" + i, out, depth + 1);
            }
        }
    }

    /** A nested block written as an object or as a list of objects. */
    static List<Node.MapNode> blocks(Node node) {
        List<Node.MapNode> out = new ArrayList<>();
        if (node instanceof Node.MapNode m) {
            out.add(m);
        } else if (node instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                if (item instanceof Node.MapNode m) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
