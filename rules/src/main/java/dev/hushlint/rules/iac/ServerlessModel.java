package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.iam.ManagedPolicies;
import dev.hushlint.rules.iam.PolicyAnalyzer;
import dev.hushlint.rules.iam.ResourcePattern;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link Template} of a Serverless Framework service: {@code provider.environment} merged into every
 * function's environment, {@code provider.iam.role.statements} and the legacy {@code iamRoleStatements}
 * (provider and per function), managed policies, {@code provider.kmsKeyArn}, and the raw CloudFormation under
 * {@code resources.Resources}. {@code ${self:…}} is resolved within the file; {@code ${ssm:…}},
 * {@code ${env:…}}, {@code ${opt:…}} and friends stay references.
 */
final class ServerlessModel {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(self:)?([^{}]*)}");

    private final TextFile file;
    private final Node.MapNode root;
    private final List<Template.IdentityPolicy> identityPolicies = new ArrayList<>();
    private final List<Template.ManagedPolicyUse> managedPolicyUses = new ArrayList<>();

    private ServerlessModel(TextFile file, Node.MapNode root) {
        this.file = file;
        this.root = root;
    }

    static boolean isServerless(Node.MapNode root) {
        Optional<Node> provider = root.get("provider");
        if (provider.isEmpty() || (root.get("functions").isEmpty() && root.get("service").isEmpty())) {
            return false;
        }
        String name = provider.get() instanceof Node.MapNode p ? p.string("name").orElse("") : provider.get().asString().orElse("");
        return name.equals("aws");
    }

    static Template build(TextFile file, Node.MapNode root) {
        return new ServerlessModel(file, root).build();
    }

    private Template build() {
        Node.MapNode provider = root.map("provider").orElse(new Node.MapNode(Map.of(), Map.of(), root.position()));
        Map<String, Template.EnvVariable> providerVars = new LinkedHashMap<>();
        variables(provider, "provider/environment/", providerVars);
        Node providerKms = provider.get("kmsKeyArn").or(() -> provider.get("awsKmsKeyArn")).orElse(null);

        Node.MapNode iam = provider.map("iam").orElse(null);
        Node.MapNode role = iam == null ? null : iam.map("role").orElse(null);
        statements(role == null ? null : role.get("statements").orElse(null), "provider/iam/role/statements",
                "provider IAM role statements", "provider");
        statements(provider.get("iamRoleStatements").orElse(null), "provider/iamRoleStatements",
                "provider iamRoleStatements", "provider");
        managed(role == null ? null : role.get("managedPolicies").orElse(null), "provider");
        managed(provider.get("iamManagedPolicies").orElse(null), "provider");

        List<Template.LambdaFunction> functions = new ArrayList<>();
        root.map("functions").ifPresent(fs -> fs.entries().forEach((name, node) -> {
            if (!(node instanceof Node.MapNode f)) {
                return;
            }
            Map<String, Template.EnvVariable> vars = new LinkedHashMap<>(providerVars);
            variables(f, "functions/" + name + "/environment/", vars);
            Node kms = f.get("kmsKeyArn").or(() -> f.get("awsKmsKeyArn")).orElse(providerKms);
            functions.add(new Template.LambdaFunction(name, "functions/" + name, fs.keyPosition(name),
                    new ArrayList<>(vars.values()), kms));
            statements(f.get("iamRoleStatements").orElse(null), "functions/" + name + "/iamRoleStatements",
                    "iamRoleStatements of function " + name, "functions/" + name);
            f.map("iam").flatMap(i -> i.map("role")).ifPresent(r -> {
                statements(r.get("statements").orElse(null), "functions/" + name + "/iam/role/statements",
                        "IAM role statements of function " + name, "functions/" + name);
                managed(r.get("managedPolicies").orElse(null), "functions/" + name);
            });
        }));

        Template cfn = root.map("resources").flatMap(r -> r.map("Resources")).map(resources -> {
            Map<String, Node> entries = new LinkedHashMap<>();
            entries.put("Resources", resources);
            return CloudFormationModel.build(file, new Node.MapNode(entries, Map.of("Resources", resources.position()),
                    resources.position()));
        }).orElse(null);

        List<Template.IdentityPolicy> policies = new ArrayList<>(identityPolicies);
        List<Template.ManagedPolicyUse> managedUses = new ArrayList<>(managedPolicyUses);
        List<Template.LambdaFunction> allFunctions = new ArrayList<>(functions);
        if (cfn != null) {
            policies.addAll(cfn.identityPolicies());
            managedUses.addAll(cfn.managedPolicyUses());
            allFunctions.addAll(cfn.functions());
        }
        return new Template(file, Template.Format.SERVERLESS, root, cfn == null ? List.of() : cfn.parameters(),
                allFunctions, policies, managedUses, cfn == null ? List.of() : cfn.resourcePolicies(),
                cfn == null ? List.of() : cfn.secrets(), cfn == null ? List.of() : cfn.credentialValues(),
                cfn == null ? Set.of() : cfn.passwordParameters());
    }

    private void variables(Node.MapNode holder, String pathPrefix, Map<String, Template.EnvVariable> out) {
        holder.map("environment").ifPresent(env -> env.entries().forEach((name, value) ->
                out.put(name, new Template.EnvVariable(name, resolve(value, 0), env.keyPosition(name), pathPrefix + name))));
    }

    private void statements(Node list, String path, String source, String principal) {
        if (list == null) {
            return;
        }
        Node statements = list;
        if (list instanceof Node.ScalarNode) {
            statements = resolve(list, 0);
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        entries.put("Statement", statements);
        Node.MapNode document = new Node.MapNode(entries, Map.of("Statement", statements.position()), statements.position());
        identityPolicies.add(new Template.IdentityPolicy(path, PolicyAnalyzer.parse(document, source), Set.of(principal)));
    }

    private void managed(Node list, String owner) {
        for (Node item : Intrinsics.items(list)) {
            for (ResourcePattern p : ResourcePattern.of(resolve(item, 0))) {
                ManagedPolicies.knownName(p.arn()).ifPresent(name -> managedPolicyUses.add(new Template.ManagedPolicyUse(
                        owner, name, item.position(), owner + "/managedPolicies/" + name, true, Set.of())));
            }
        }
    }

    /**
     * {@code ${self:a.b}} replaced by what it points to in this file: a whole-value variable takes the target
     * node's value (at the variable's own position), an embedded one its text. Other sources stay as written.
     */
    Node resolve(Node value, int depth) {
        if (!(value instanceof Node.ScalarNode s) || !(s.value() instanceof String text) || !text.contains("${self:")
                || depth > 10) {
            return value;
        }
        Matcher whole = VARIABLE.matcher(text.strip());
        if (whole.matches() && whole.group(1) != null) {
            Optional<Node> target = lookup(whole.group(2));
            if (target.isPresent()) {
                Node resolved = resolve(target.get(), depth + 1);
                return resolved instanceof Node.ScalarNode r ? new Node.ScalarNode(r.value(), s.position()) : resolved;
            }
            return value;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            String replacement = m.group();
            if (m.group(1) != null && seen.add(m.group(2))) {
                Optional<Node> target = lookup(m.group(2)).map(t -> resolve(t, depth + 1));
                if (target.isPresent() && target.get() instanceof Node.ScalarNode t && t.value() != null) {
                    replacement = t.text();
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Node.ScalarNode(out.toString(), s.position());
    }

    private Optional<Node> lookup(String path) {
        String p = path.strip();
        int comma = p.indexOf(',');
        if (comma >= 0) {
            p = p.substring(0, comma).strip();
        }
        Node current = root;
        for (String part : p.split("\\.")) {
            if (!(current instanceof Node.MapNode m)) {
                return Optional.empty();
            }
            Optional<Node> next = m.get(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }
}
