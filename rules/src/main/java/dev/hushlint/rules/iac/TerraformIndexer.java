package dev.hushlint.rules.iac;

import dev.hushlint.engine.Fact;
import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.Indexer;
import dev.hushlint.rules.tree.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform configurations span the files of a directory: a secret in {@code secrets.tf} may be rotated by
 * {@code rotation.tf}. Records every rotation's target secret with its directory, for the rules' second pass.
 */
public final class TerraformIndexer implements Indexer<Template> {

    /** A secret ({@code aws_secretsmanager_secret.NAME}) rotated by some file of a directory. */
    public record RotatedSecret(Path directory, String address) {
    }

    public static final FactKey<RotatedSecret> ROTATED_SECRETS = new FactKey<>("terraform-rotated-secret", RotatedSecret.class);

    /**
     * Something of a directory that Lambda assumes or that trusts Lambda: a role ({@code aws_iam_role.x}, trusted
     * by or given to a function) or a policy document ({@code data.aws_iam_policy_document.x}) naming
     * lambda.amazonaws.com as principal.
     */
    public record LambdaTrust(Path directory, String address) {
    }

    /** A role whose trust policy is a policy document data source. */
    public record RoleTrust(Path directory, String role, String document) {
    }

    public static final FactKey<LambdaTrust> LAMBDA_TRUST = new FactKey<>("terraform-lambda-trust", LambdaTrust.class);
    public static final FactKey<RoleTrust> ROLE_TRUST = new FactKey<>("terraform-role-trust", RoleTrust.class);

    private static final Pattern ROLE_REFERENCE = Pattern.compile("\\baws_iam_role\\.([A-Za-z0-9_-]+)");
    private static final Pattern DOCUMENT_REFERENCE = Pattern.compile("\\bdata\\.aws_iam_policy_document\\.([A-Za-z0-9_-]+)");

    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\baws_secretsmanager_secret\\.([A-Za-z0-9_-]+)");

    @Override
    public Class<Template> inputType() {
        return Template.class;
    }

    @Override
    public List<Fact<?>> index(Template template) {
        List<Fact<?>> facts = new ArrayList<>();
        if (template.format() != Template.Format.TERRAFORM || !(template.root() instanceof Node.MapNode root)) {
            return facts;
        }
        Path directory = directory(template);
        root.map("resource").flatMap(r -> r.map("aws_secretsmanager_secret_rotation")).ifPresent(rotations ->
                rotations.entries().values().forEach(body -> {
                    for (Node.MapNode b : TerraformModel.blocks(body)) {
                        Node id = b.get("secret_id").orElse(null);
                        String source = id instanceof Node.ExpressionNode e ? e.source() : id == null ? "" : id.asString().orElse("");
                        Matcher m = SECRET_REFERENCE.matcher(source);
                        while (m.find()) {
                            facts.add(ROTATED_SECRETS.of(new RotatedSecret(directory, "aws_secretsmanager_secret." + m.group(1))));
                        }
                    }
                }));
        lambdaTrust(root, directory, facts);
        return facts;
    }

    private static void lambdaTrust(Node.MapNode root, Path directory, List<Fact<?>> facts) {
        root.map("resource").flatMap(r -> r.map("aws_iam_role")).ifPresent(roles -> roles.entries().forEach((name, body) -> {
            for (Node.MapNode b : TerraformModel.blocks(body)) {
                Node trust = b.get("assume_role_policy").orElse(null);
                String text = String.join(" ", Intrinsics.strings(trust))
                        + (trust instanceof Node.ExpressionNode e ? " " + e.source() : "");
                if (text.contains("lambda.amazonaws.com")) {
                    facts.add(LAMBDA_TRUST.of(new LambdaTrust(directory, "aws_iam_role." + name)));
                }
                Matcher document = DOCUMENT_REFERENCE.matcher(text);
                while (document.find()) {
                    facts.add(ROLE_TRUST.of(new RoleTrust(directory, "aws_iam_role." + name,
                            "data.aws_iam_policy_document." + document.group(1))));
                }
            }
        }));
        root.map("data").flatMap(d -> d.map("aws_iam_policy_document")).ifPresent(documents -> documents.entries()
                .forEach((name, body) -> {
                    if (Intrinsics.strings(body).stream().anyMatch(s -> s.contains("lambda.amazonaws.com"))) {
                        facts.add(LAMBDA_TRUST.of(new LambdaTrust(directory, "data.aws_iam_policy_document." + name)));
                    }
                }));
        root.map("resource").flatMap(r -> r.map("aws_lambda_function")).ifPresent(functions -> functions.entries()
                .forEach((name, body) -> {
                    for (Node.MapNode b : TerraformModel.blocks(body)) {
                        Node role = b.get("role").orElse(null);
                        String text = role instanceof Node.ExpressionNode e ? e.source() : role == null ? "" : role.asString().orElse("");
                        Matcher m = ROLE_REFERENCE.matcher(text);
                        while (m.find()) {
                            facts.add(LAMBDA_TRUST.of(new LambdaTrust(directory, "aws_iam_role." + m.group(1))));
                        }
                    }
                }));
    }

    /** Roles of a directory that Lambda assumes, from every file's facts. */
    static java.util.Set<String> lambdaRoles(dev.hushlint.engine.ScanContext context, Path directory) {
        java.util.Set<String> trusted = new java.util.HashSet<>();
        for (LambdaTrust t : context.facts(LAMBDA_TRUST)) {
            if (t.directory().equals(directory)) {
                trusted.add(t.address());
            }
        }
        java.util.Set<String> roles = new java.util.HashSet<>(trusted);
        for (RoleTrust r : context.facts(ROLE_TRUST)) {
            if (r.directory().equals(directory) && trusted.contains(r.document())) {
                roles.add(r.role());
            }
        }
        return roles;
    }

    static Path directory(Template template) {
        Path parent = template.file().path().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
