package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.iam.ArnResolver;
import dev.hushlint.rules.iam.ConditionStrength;
import dev.hushlint.rules.iam.ManagedPolicies;
import dev.hushlint.rules.iam.PolicyAnalyzer;
import dev.hushlint.rules.iam.PolicyDocument;
import dev.hushlint.rules.iam.ResourcePattern;
import dev.hushlint.rules.iam.Statement;
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

/** Builds the {@link Template} of a CloudFormation, SAM or CDK-synthesized template. */
final class CloudFormationModel {

    private static final Set<String> IDENTITY_POLICY_TYPES = Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy");
    private static final Set<String> POLICY_HOLDER_TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group");
    private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

    /** @param position the logical id's own position (the first line of the resource block) */
    private record Resource(String id, String type, Node.MapNode node, Node.MapNode properties, Position position) {
    }

    private final TextFile file;
    private final Node.MapNode root;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final List<Template.Parameter> parameters = new ArrayList<>();
    private final List<Template.LambdaFunction> functions = new ArrayList<>();
    private final List<Template.IdentityPolicy> identityPolicies = new ArrayList<>();
    private final List<Template.ManagedPolicyUse> managedPolicyUses = new ArrayList<>();
    private final List<Template.ResourcePolicy> resourcePolicies = new ArrayList<>();
    private final List<Template.SecretResource> secrets = new ArrayList<>();
    private final List<Template.CredentialValue> credentials = new ArrayList<>();
    private final ArnResolver resolver;

    private CloudFormationModel(TextFile file, Node.MapNode root) {
        this.file = file;
        this.root = root;
        root.map("Resources").ifPresent(rs -> rs.entries().forEach((id, node) -> {
            if (node instanceof Node.MapNode m) {
                String type = m.string("Type").orElse("");
                resources.put(id, new Resource(id, type, m, properties(m), rs.keyPosition(id)));
            }
        }));
        this.resolver = (id, attribute) -> Optional.ofNullable(resources.get(id)).map(r -> arnOf(r, attribute));
    }

    /** True when the map looks like a CloudFormation template: a format version, or typed resources. */
    static boolean isTemplate(Node.MapNode root) {
        if (root.get("AWSTemplateFormatVersion").isPresent()) {
            return true;
        }
        Optional<Node.MapNode> rs = root.map("Resources");
        return rs.isPresent() && rs.get().entries().values().stream().anyMatch(r -> r instanceof Node.MapNode m
                && m.string("Type").filter(t -> t.matches("(AWS|Custom|Alexa)::.+|AWS::.+")).isPresent());
    }

    static Template build(TextFile file, Node.MapNode root) {
        return new CloudFormationModel(file, root).build();
    }

    private Template build() {
        boolean sam = Intrinsics.strings(root.get("Transform").orElse(null)).stream()
                .anyMatch(t -> t.startsWith("AWS::Serverless"));
        readParameters();
        Set<String> lambdaRoles = lambdaRoles();
        Set<String> rotated = rotatedSecrets();
        for (Resource r : resources.values()) {
            switch (r.type()) {
                case LAMBDA_FUNCTION -> functions.add(function(r, null));
                case SERVERLESS_FUNCTION -> {
                    Node.MapNode globals = root.map("Globals").flatMap(g -> g.map("Function")).orElse(null);
                    functions.add(function(r, globals));
                    samPolicies(r);
                }
                case "AWS::SecretsManager::Secret" -> {
                    secrets.add(new Template.SecretResource(r.id(), "Resources/" + r.id(), r.position(),
                            r.properties().get("KmsKeyId").orElse(null), rotated.contains(r.id())));
                    r.properties().get("SecretString").ifPresent(v -> credentials.add(new Template.CredentialValue(
                            Template.CredentialValue.Kind.SECRET_STRING, r.id(), "SecretString", v,
                            r.properties().keyPosition("SecretString"),
                            "Resources/" + r.id() + "/SecretString")));
                }
                case "AWS::SecretsManager::ResourcePolicy" -> r.properties().get("ResourcePolicy").ifPresent(doc ->
                        resourcePolicies.add(new Template.ResourcePolicy(r.id(), "secret resource policy",
                                "Resources/" + r.id(), PolicyAnalyzer.parse(doc, "resource policy " + r.id(), resolver))));
                case "AWS::KMS::Key", "AWS::KMS::ReplicaKey" -> r.properties().get("KeyPolicy").ifPresent(doc ->
                        resourcePolicies.add(new Template.ResourcePolicy(r.id(), "KMS key policy",
                                "Resources/" + r.id(), PolicyAnalyzer.parse(doc, "key policy " + r.id(), resolver))));
                case "AWS::SSM::Parameter" -> ssmParameter(r);
                default -> {
                }
            }
            if (POLICY_HOLDER_TYPES.contains(r.type())) {
                for (Node p : Intrinsics.items(r.properties().get("Policies").orElse(null))) {
                    if (p instanceof Node.MapNode pm) {
                        String name = pm.string("PolicyName").orElse("policy");
                        pm.get("PolicyDocument").ifPresent(doc -> identity("Resources/" + r.id() + "/Policies/" + name,
                                "inline policy " + name + " of " + r.id(), doc, Set.of(r.id())));
                    }
                }
                if (r.type().equals("AWS::IAM::Role")) {
                    for (Node arn : Intrinsics.items(r.properties().get("ManagedPolicyArns").orElse(null))) {
                        managed(r.id(), arn, lambdaRoles.contains(r.id()));
                    }
                }
            }
            if (IDENTITY_POLICY_TYPES.contains(r.type())) {
                r.properties().get("PolicyDocument").ifPresent(doc -> identity("Resources/" + r.id(),
                        "policy " + r.id(), doc, attachedTo(r)));
            }
            if (!r.type().equals(LAMBDA_FUNCTION) && !r.type().equals(SERVERLESS_FUNCTION)
                    && !r.type().startsWith("AWS::SecretsManager::") && !r.type().equals("AWS::SSM::Parameter")) {
                credentialProperties(r.id(), r.properties(), "Resources/" + r.id(), 0);
            }
            authenticationMetadata(r);
        }
        Set<String> passwordParameters = new LinkedHashSet<>();
        for (Template.CredentialValue c : credentials) {
            if (c.kind() != Template.CredentialValue.Kind.SSM_STRING_PARAMETER) {
                for (String ref : Intrinsics.references(c.value())) {
                    if (parameters.stream().anyMatch(p -> p.name().equals(ref))) {
                        passwordParameters.add(ref);
                    }
                }
            }
        }
        return new Template(file, sam ? Template.Format.SAM : Template.Format.CLOUDFORMATION, root, parameters,
                functions, identityPolicies, managedPolicyUses, resourcePolicies, secrets, credentials, passwordParameters);
    }

    private void readParameters() {
        root.map("Parameters").ifPresent(ps -> ps.entries().forEach((name, node) -> {
            if (node instanceof Node.MapNode m) {
                parameters.add(new Template.Parameter(name, m, ps.keyPosition(name), m.string("Type").orElse("String"),
                        m.get("NoEcho").map(Intrinsics::truthy).orElse(false), m.get("Default").orElse(null)));
            }
        }));
    }

    private Template.LambdaFunction function(Resource r, Node.MapNode globals) {
        Map<String, Template.EnvVariable> variables = new LinkedHashMap<>();
        Node kms = null;
        if (globals != null) {
            addVariables(globals, "Globals/Function/Environment/", variables);
            kms = globals.get("KmsKeyArn").orElse(null);
        }
        addVariables(r.properties(), "Resources/" + r.id() + "/Environment/", variables);
        kms = r.properties().get("KmsKeyArn").orElse(kms);
        return new Template.LambdaFunction(r.id(), "Resources/" + r.id(), r.position(),
                new ArrayList<>(variables.values()), kms);
    }

    private static void addVariables(Node.MapNode holder, String pathPrefix, Map<String, Template.EnvVariable> out) {
        holder.map("Environment").flatMap(e -> e.map("Variables")).ifPresent(vars -> vars.entries().forEach((name, value) ->
                out.put(name, new Template.EnvVariable(name, value, vars.keyPosition(name), pathPrefix + name))));
    }

    /** SAM {@code Policies}: managed policy names/ARNs, inline documents, and policy templates. */
    private void samPolicies(Resource r) {
        Node policies = r.properties().get("Policies").orElse(null);
        List<Node> items = policies instanceof Node.ListNode ? Intrinsics.items(policies)
                : policies == null ? List.of() : List.of(policies);
        int index = 0;
        for (Node item : items) {
            String path = "Resources/" + r.id() + "/Policies/" + index++;
            if (item instanceof Node.ScalarNode || Intrinsics.isFunction(item) && !(isDocument(item))) {
                managed(r.id(), item, true);
            } else if (item instanceof Node.MapNode m && m.get("Statement").isPresent()) {
                identity(path, "inline policy of function " + r.id(), m, Set.of(r.id()));
            } else if (item instanceof Node.MapNode m && m.entries().size() == 1) {
                Map.Entry<String, Node> template = m.entries().entrySet().iterator().next();
                samPolicyTemplate(template.getKey(), template.getValue(), m.position())
                        .ifPresent(doc -> identityPolicies.add(new Template.IdentityPolicy(path, doc, Set.of(r.id()))));
            }
        }
    }

    private static boolean isDocument(Node node) {
        return node instanceof Node.MapNode m && m.get("Statement").isPresent();
    }

    /** The SAM policy templates that grant secret material, expanded to the statements they stand for. */
    private Optional<PolicyDocument> samPolicyTemplate(String name, Node args, Position at) {
        Node.MapNode a = args instanceof Node.MapNode m ? m : emptyMap(at);
        List<String> actions;
        List<ResourcePattern> resources;
        switch (name) {
            case "AWSSecretsManagerGetSecretValuePolicy" -> {
                actions = List.of("secretsmanager:GetSecretValue");
                resources = ResourcePattern.of(a.get("SecretArn").orElse(new Node.ScalarNode("*", at)), resolver);
            }
            case "SSMParameterReadPolicy", "SSMParameterWithSlashPrefixReadPolicy" -> {
                actions = List.of("ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter",
                        "ssm:GetParametersByPath");
                String separator = name.equals("SSMParameterReadPolicy") ? "parameter/" : "parameter";
                resources = ResourcePattern.of(a.get("ParameterName").orElse(new Node.ScalarNode("*", at)), resolver)
                        .stream().map(p -> new ResourcePattern("arn:aws:ssm:us-east-1:123456789012:" + separator
                                + p.arn(), "parameter " + p.display())).toList();
            }
            case "KMSDecryptPolicy" -> {
                actions = List.of("kms:Decrypt");
                resources = ResourcePattern.of(a.get("KeyId").orElse(new Node.ScalarNode("*", at)), resolver)
                        .stream().map(p -> new ResourcePattern("arn:aws:kms:us-east-1:123456789012:key/" + p.arn(),
                                "key " + p.display())).toList();
            }
            default -> {
                return Optional.empty();
            }
        }
        Statement statement = new Statement(name, 0, Statement.Effect.ALLOW, actions, false, resources, false, true,
                null, false, null, ConditionStrength.NONE, at);
        return Optional.of(new PolicyDocument("SAM policy template " + name, List.of(statement)));
    }

    private void identity(String path, String source, Node document, Set<String> principals) {
        identityPolicies.add(new Template.IdentityPolicy(path, PolicyAnalyzer.parse(document, source, resolver),
                principals));
    }

    /** The roles, users and groups a policy resource names ({@code Roles: [!Ref R]}, {@code RoleName}). */
    private static Set<String> attachedTo(Resource r) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : List.of("Roles", "Users", "Groups", "RoleName", "UserName", "GroupName")) {
            for (Node item : Intrinsics.items(r.properties().get(key).orElse(null))) {
                out.addAll(Intrinsics.references(item));
                item.asString().ifPresent(out::add);
            }
        }
        return out;
    }

    private void managed(String roleId, Node arn, boolean lambdaRole) {
        for (ResourcePattern p : ResourcePattern.of(arn)) {
            ManagedPolicies.knownName(p.arn()).ifPresent(name -> managedPolicyUses.add(new Template.ManagedPolicyUse(
                    roleId, name, arn.position(), "Resources/" + roleId + "/ManagedPolicy/" + name, lambdaRole, Set.of(roleId))));
        }
    }

    /** Roles Lambda assumes: trusted by lambda.amazonaws.com, or named as a function's Role. */
    private Set<String> lambdaRoles() {
        Set<String> roles = new LinkedHashSet<>();
        for (Resource r : resources.values()) {
            if (r.type().equals("AWS::IAM::Role")) {
                List<String> trust = Intrinsics.strings(r.properties().get("AssumeRolePolicyDocument").orElse(null));
                if (trust.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("lambda.amazonaws.com"))) {
                    roles.add(r.id());
                }
            }
            if (r.type().equals(LAMBDA_FUNCTION) || r.type().equals(SERVERLESS_FUNCTION)) {
                r.properties().get("Role").ifPresent(role -> roles.addAll(Intrinsics.references(role)));
            }
        }
        return roles;
    }

    private Set<String> rotatedSecrets() {
        Set<String> rotated = new LinkedHashSet<>();
        for (Resource r : resources.values()) {
            if (r.type().equals("AWS::SecretsManager::RotationSchedule")) {
                r.properties().get("SecretId").ifPresent(id -> {
                    rotated.addAll(Intrinsics.references(id));
                    id.asString().ifPresent(rotated::add);
                });
            }
        }
        return rotated;
    }

    private void ssmParameter(Resource r) {
        String type = r.properties().string("Type").orElse("String");
        if (!type.equals("String")) {
            return;
        }
        r.properties().get("Value").ifPresent(v -> {
            String name = r.properties().string("Name").orElse(r.id());
            credentials.add(new Template.CredentialValue(Template.CredentialValue.Kind.SSM_STRING_PARAMETER, r.id(),
                    name, v, r.properties().keyPosition("Value"), "Resources/" + r.id() + "/Value"));
        });
    }

    /** Password-like properties at any depth (e.g. {@code LoginProfile.Password}, {@code Users[].Password}). */
    private void credentialProperties(String id, Node node, String path, int depth) {
        if (depth > 12) {
            return;
        }
        if (node instanceof Node.MapNode m && !Intrinsics.isFunction(m)) {
            m.entries().forEach((key, value) -> {
                if (key.equals("Tags") || key.equals("Environment") || key.equals("PolicyDocument")) {
                    return;
                }
                if (CredentialProperties.isCredentialProperty(key) && (value instanceof Node.ScalarNode
                        || Intrinsics.isFunction(value))) {
                    credentials.add(new Template.CredentialValue(Template.CredentialValue.Kind.PASSWORD_PROPERTY, id,
                            key, value, m.keyPosition(key), path + "/" + key));
                } else {
                    credentialProperties(id, value, path + "/" + key, depth + 1);
                }
            });
        } else if (node instanceof Node.ListNode l) {
            for (int i = 0; i < l.items().size(); i++) {
                credentialProperties(id, l.items().get(i), path + "/" + i, depth + 1);
            }
        }
    }

    /** {@code Metadata: AWS::CloudFormation::Authentication: {name: {password: …, secretKey: …}}}. */
    private void authenticationMetadata(Resource r) {
        r.node().map("Metadata").flatMap(md -> md.map("AWS::CloudFormation::Authentication")).ifPresent(auth ->
                auth.entries().forEach((name, block) -> {
                    if (block instanceof Node.MapNode b) {
                        for (String key : List.of("password", "secretKey")) {
                            b.get(key).ifPresent(v -> credentials.add(new Template.CredentialValue(
                                    Template.CredentialValue.Kind.PASSWORD_PROPERTY, r.id(), key, v, b.keyPosition(key),
                                    "Resources/" + r.id() + "/Metadata/Authentication/" + name + "/" + key)));
                        }
                    }
                }));
    }

    /** The ARN a Ref/GetAtt to a resource yields, by its type; parameters and unknown types stay opaque. */
    private static String arnOf(Resource r, String attribute) {
        String token = ArnResolver.deployTime(r.id());
        String[] parts = r.type().split("::");
        String service = parts.length >= 2 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
        return switch (r.type()) {
            case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + token;
            case "AWS::SSM::Parameter" -> "arn:aws:ssm:us-east-1:123456789012:parameter/" + token;
            case "AWS::KMS::Key", "AWS::KMS::ReplicaKey" -> "arn:aws:kms:us-east-1:123456789012:key/" + token;
            default -> service.equals("secretsmanager") || service.equals("kms") || service.equals("ssm")
                    || r.type().startsWith("Custom::") || r.type().startsWith("AWS::CloudFormation::")
                    ? token
                    : "arn:aws:" + service + ":us-east-1:123456789012:" + token;
        };
    }

    /** {@code Properties}, or the union of both branches when the whole block is an {@code Fn::If}. */
    private static Node.MapNode properties(Node.MapNode resource) {
        Node props = resource.get("Properties").orElse(null);
        if (props == null) {
            return emptyMap(resource.position());
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        for (Node branch : Intrinsics.alternatives(props)) {
            if (branch instanceof Node.MapNode m && !Intrinsics.isFunction(m)) {
                m.entries().forEach((k, v) -> {
                    if (!entries.containsKey(k)) {
                        entries.put(k, v);
                        keys.put(k, m.keyPosition(k));
                    }
                });
            }
        }
        return new Node.MapNode(entries, keys, props.position());
    }

    private static Node.MapNode emptyMap(Position at) {
        return new Node.MapNode(Map.of(), Map.of(), at);
    }
}
