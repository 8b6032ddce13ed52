package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Terraform plan in JSON ({@code terraform show -json}): the resources of {@code planned_values}, root and
 * nested {@code child_modules}. The copies under {@code resource_changes} and {@code configuration} are not
 * read again (one finding per resource); {@code configuration} is consulted only for references that the plan
 * cannot know yet (a rotation's {@code secret_id}).
 */
final class TerraformPlanModel {

    private TerraformPlanModel() {
    }

    static boolean isPlan(Node.MapNode root) {
        return root.get("planned_values").isPresent()
                || (root.get("format_version").isPresent() && root.get("terraform_version").isPresent());
    }

    static Template build(TextFile file, Node.MapNode root) {
        List<TerraformModel.Resource> resources = new ArrayList<>();
        root.map("planned_values").flatMap(p -> p.map("root_module")).ifPresent(m -> collect(m, resources, 0));
        root.map("prior_state").flatMap(p -> p.map("values")).flatMap(p -> p.map("root_module"))
                .ifPresent(m -> collectData(m, resources, 0));
        Node.MapNode configuration = root.map("configuration").flatMap(c -> c.map("root_module")).orElse(null);
        return TerraformModel.build(file, Template.Format.TERRAFORM_PLAN, root, resources, List.of(),
                r -> rotationTargets(configuration, r.address()));
    }

    private static void collect(Node.MapNode module, List<TerraformModel.Resource> out, int depth) {
        if (depth > 20) {
            return;
        }
        for (Node.MapNode r : TerraformModel.blocks(module.get("resources").orElse(null))) {
            resource(r).ifPresent(out::add);
        }
        for (Node.MapNode child : TerraformModel.blocks(module.get("child_modules").orElse(null))) {
            collect(child, out, depth + 1);
        }
    }

    /** Data sources (policy documents) live in prior_state; managed resources there are ignored. */
    private static void collectData(Node.MapNode module, List<TerraformModel.Resource> out, int depth) {
        if (depth > 20) {
            return;
        }
        for (Node.MapNode r : TerraformModel.blocks(module.get("resources").orElse(null))) {
            if ("data".equals(r.string("mode").orElse(""))) {
                resource(r).ifPresent(out::add);
            }
        }
        for (Node.MapNode child : TerraformModel.blocks(module.get("child_modules").orElse(null))) {
            collectData(child, out, depth + 1);
        }
    }

    private static java.util.Optional<TerraformModel.Resource> resource(Node.MapNode r) {
        String type = r.string("type").orElse("");
        String name = r.string("name").orElse("");
        String address = r.string("address").orElse(type + "." + name);
        Node.MapNode values = r.map("values").orElse(new Node.MapNode(Map.of(), Map.of(), r.position()));
        return type.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new TerraformModel.Resource(address, type, name, values, r.position()));
    }

    private static Set<String> rotationTargets(Node.MapNode configurationRoot, String rotationAddress) {
        Set<String> out = new LinkedHashSet<>();
        if (configurationRoot == null) {
            return out;
        }
        String local = rotationAddress.substring(rotationAddress.lastIndexOf("aws_secretsmanager_secret_rotation"));
        for (Node.MapNode r : TerraformModel.blocks(configurationRoot.get("resources").orElse(null))) {
            if (!local.equals(r.string("address").orElse(""))) {
                continue;
            }
            r.map("expressions").flatMap(e -> e.map("secret_id")).flatMap(s -> s.get("references")).ifPresent(refs -> {
                for (String ref : Intrinsics.strings(refs)) {
                    String[] parts = ref.split("\\.");
                    if (parts.length >= 2 && parts[0].equals("aws_secretsmanager_secret")) {
                        String prefix = rotationAddress.substring(0, rotationAddress.length() - local.length());
                        out.add(prefix + parts[0] + "." + parts[1]);
                    }
                }
            });
        }
        return out;
    }
}
