package dev.hushlint.rules.iam;

import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's resource as the ARN pattern it produces. Intrinsic functions are judged by what they yield:
 * {@code !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*} is the
 * account-wide pattern; a value only known at deploy time ({@code !Ref MySecret}, {@code ${SecretName}},
 * a Terraform reference) becomes an opaque token that names one specific resource and matches no wildcard.
 *
 * @param arn     the pattern, with opaque tokens {@code ⟨…⟩} for values known only at deploy time
 * @param display how the template wrote it, for messages (never a secret: resources are identifiers)
 */
public record ResourcePattern(String arn, String display) {

    static final char OPEN = '\u27e8';
    static final char CLOSE = '\u27e9';
    private static final int MAX_ALTERNATIVES = 16;
    private static final Pattern TERRAFORM_REFERENCE = Pattern.compile("^(?:data\\.)?(aws_[a-z0-9_]+)\\.[A-Za-z0-9_-]+(?:\\[[^]]*])?\\.(?:arn|id|name)$");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Region", "us-east-1",
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackName", OPEN + "StackName" + CLOSE,
            "AWS::StackId", OPEN + "StackId" + CLOSE);

    public static ResourcePattern literal(String arn) {
        return new ResourcePattern(arn, arn);
    }

    /** True when the pattern holds a value known only at deploy time. */
    public boolean hasOpaquePart() {
        return arn.indexOf(OPEN) >= 0;
    }

    /**
     * The ARN patterns a resource node can produce: one per string, several for {@code Fn::If} or a list,
     * none for {@code AWS::NoValue}.
     */
    public static List<ResourcePattern> of(Node node) {
        return of(node, ArnResolver.NONE);
    }

    /** Same, with what the template knows about the resources it references. */
    public static List<ResourcePattern> of(Node node, ArnResolver resolver) {
        List<ResourcePattern> out = new ArrayList<>();
        for (String arn : resolve(node, 0, resolver)) {
            out.add(new ResourcePattern(arn, display(node)));
        }
        return out;
    }

    static List<String> resolve(Node node, int depth) {
        return resolve(node, depth, ArnResolver.NONE);
    }

    static List<String> resolve(Node node, int depth, ArnResolver resolver) {
        if (depth > 20 || node == null) {
            return List.of(opaque("value"));
        }
        if (node instanceof Node.ScalarNode scalar) {
            if (scalar.value() == null) {
                return List.of();
            }
            String text = scalar.text();
            return List.of(text.contains("${") ? substitute(text, Map.of(), resolver) : text);
        }
        if (node instanceof Node.ListNode list) {
            List<String> out = new ArrayList<>();
            for (Node item : list.items()) {
                out.addAll(resolve(item, depth + 1, resolver));
            }
            return out;
        }
        if (node instanceof Node.ExpressionNode expression) {
            return List.of(expression(expression, resolver));
        }
        Node.MapNode map = (Node.MapNode) node;
        if (map.entries().size() != 1) {
            return List.of(opaque("object"));
        }
        Map.Entry<String, Node> fn = map.entries().entrySet().iterator().next();
        Node arg = fn.getValue();
        switch (fn.getKey()) {
            case "Ref": {
                String name = arg.asString().orElse("?");
                if (name.equals("AWS::NoValue")) {
                    return List.of();
                }
                if (PSEUDO.containsKey(name)) {
                    return List.of(PSEUDO.get(name));
                }
                return List.of(resolver.arnOf(name, null).orElse(opaque("Ref:" + name)));
            }
            case "Fn::Sub": {
                if (arg instanceof Node.ScalarNode s) {
                    return List.of(substitute(s.text(), Map.of(), resolver));
                }
                if (arg instanceof Node.ListNode l && !l.items().isEmpty() && l.items().get(0).asString().isPresent()) {
                    Map<String, String> vars = new LinkedHashMap<>();
                    if (l.items().size() > 1 && l.items().get(1) instanceof Node.MapNode varMap) {
                        varMap.entries().forEach((k, v) -> {
                            List<String> values = resolve(v, depth + 1, resolver);
                            vars.put(k, values.isEmpty() ? "" : values.get(0));
                        });
                    }
                    return List.of(substitute(l.items().get(0).asString().get(), vars, resolver));
                }
                return List.of(opaque("Sub"));
            }
            case "Fn::Join": {
                if (arg instanceof Node.ListNode l && l.items().size() == 2 && l.items().get(1) instanceof Node.ListNode parts) {
                    String delimiter = l.items().get(0).asString().orElse("");
                    List<String> combos = List.of("");
                    for (int i = 0; i < parts.items().size(); i++) {
                        List<String> alternatives = resolve(parts.items().get(i), depth + 1, resolver);
                        if (alternatives.isEmpty()) {
                            continue;
                        }
                        List<String> next = new ArrayList<>();
                        for (String prefix : combos) {
                            for (String alt : alternatives) {
                                if (next.size() < MAX_ALTERNATIVES) {
                                    next.add(prefix.isEmpty() && i == 0 ? alt : prefix + delimiter + alt);
                                }
                            }
                        }
                        combos = next;
                    }
                    return combos;
                }
                return List.of(opaque("Join"));
            }
            case "Fn::If": {
                if (arg instanceof Node.ListNode l && l.items().size() == 3) {
                    List<String> out = new ArrayList<>(resolve(l.items().get(1), depth + 1, resolver));
                    out.addAll(resolve(l.items().get(2), depth + 1, resolver));
                    return out;
                }
                return List.of(opaque("If"));
            }
            case "Fn::GetAtt": {
                String target = arg instanceof Node.ListNode l
                        ? String.join(".", l.items().stream().map(n -> n.asString().orElse("?")).toList())
                        : arg.asString().orElse("?");
                int dot = target.indexOf('.');
                if (dot > 0) {
                    Optional<String> known = resolver.arnOf(target.substring(0, dot), target.substring(dot + 1));
                    if (known.isPresent()) {
                        return List.of(known.get());
                    }
                }
                return List.of(opaque("GetAtt:" + target));
            }
            default:
                return List.of(opaque(fn.getKey()));
        }
    }

    /** Replaces {@code ${X}}: pseudo parameters by fixed values, given variables by theirs, others by tokens. */
    static String substitute(String text, Map<String, String> vars, ArnResolver resolver) {
        Matcher m = INTERPOLATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).strip();
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (vars.containsKey(name)) {
                value = vars.get(name);
            } else if (PSEUDO.containsKey(name)) {
                value = PSEUDO.get(name);
            } else if (name.equals("data.aws_region.current.name") || name.equals("data.aws_region.current.region")) {
                value = PSEUDO.get("AWS::Region");
            } else if (name.startsWith("data.aws_caller_identity.") && name.endsWith(".account_id")) {
                value = PSEUDO.get("AWS::AccountId");
            } else if (name.startsWith("data.aws_partition.") && name.endsWith(".partition")) {
                value = PSEUDO.get("AWS::Partition");
            } else {
                value = reference(name, resolver);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An HCL expression: a template string is substituted, anything else is a deploy-time value. */
    private static String expression(Node.ExpressionNode expression, ArnResolver resolver) {
        String source = expression.source().strip();
        if (source.length() >= 2 && source.startsWith("\"") && source.endsWith("\"")) {
            return substitute(source.substring(1, source.length() - 1), Map.of(), resolver);
        }
        return reference(source, resolver);
    }

    /**
     * A named value: {@code ${Param}}, {@code ${Res.Arn}} (CloudFormation) or {@code aws_s3_bucket.b.arn}
     * (Terraform, whose resource type tells the service).
     */
    private static String reference(String name, ArnResolver resolver) {
        int dot = name.indexOf('.');
        Optional<String> known = dot < 0 ? resolver.arnOf(name, null)
                : resolver.arnOf(name.substring(0, dot), name.substring(dot + 1));
        if (known.isPresent()) {
            return known.get();
        }
        Matcher tf = TERRAFORM_REFERENCE.matcher(name);
        if (tf.matches()) {
            String type = tf.group(1);
            String token = opaque(name);
            if (type.startsWith("aws_secretsmanager_")) {
                return "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + token;
            }
            if (type.equals("aws_ssm_parameter")) {
                return "arn:aws:ssm:us-east-1:123456789012:parameter/" + token;
            }
            if (type.startsWith("aws_kms_")) {
                return "arn:aws:kms:us-east-1:123456789012:key/" + token;
            }
            // any other AWS resource type: its ARN is of another service
            return "arn:aws:" + type.substring(4).replace('_', '-') + ":us-east-1:123456789012:" + token;
        }
        return opaque(name);
    }

    static String opaque(String what) {
        return OPEN + what.replace('*', '.').replace('?', '.').replace(':', '.') + CLOSE;
    }

    /** A short rendering of the resource as written. */
    static String display(Node node) {
        if (node instanceof Node.ScalarNode s) {
            return s.text();
        }
        if (node instanceof Node.ExpressionNode e) {
            return e.source();
        }
        if (node instanceof Node.MapNode m && m.entries().size() == 1) {
            Map.Entry<String, Node> fn = m.entries().entrySet().iterator().next();
            String name = fn.getKey().startsWith("Fn::") ? fn.getKey().substring(4) : fn.getKey();
            String arg = fn.getValue() instanceof Node.ScalarNode s ? s.text()
                    : fn.getValue() instanceof Node.ListNode l && !l.items().isEmpty() && l.items().get(0) instanceof Node.ScalarNode first
                    ? first.text() + (name.equals("GetAtt") && l.items().size() > 1 ? "." + l.items().get(1).asString().orElse("") : " …")
                    : "…";
            String rendered = "!" + name + " " + arg;
            return rendered.length() > 120 ? rendered.substring(0, 120) + "…" : rendered;
        }
        return "…";
    }
}
