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
        return facts;
    }

    static Path directory(Template template) {
        Path parent = template.file().path().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
