package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Terraform {@code .tf} file, read by {@link dev.hushlint.rules.iac.hcl.HclParser} (never evaluated): its
 * {@code resource} and {@code data} blocks become {@link TerraformModel.Resource}s at their block positions.
 */
final class TerraformHclModel {

    private TerraformHclModel() {
    }

    static Template build(TextFile file, Node.MapNode root) {
        List<TerraformModel.Resource> resources = new ArrayList<>();
        collect(root.map("resource").orElse(null), "", resources);
        collect(root.map("data").orElse(null), "data.", resources);
        List<Template.Parameter> variables = new ArrayList<>();
        root.map("variable").ifPresent(vs -> vs.entries().forEach((name, body) -> {
            for (Node.MapNode b : TerraformModel.blocks(body)) {
                variables.add(new Template.Parameter(name, b, vs.keyPosition(name), "String",
                        b.get("sensitive").map(Intrinsics::truthy).orElse(false), b.get("default").orElse(null)));
            }
        }));
        return TerraformModel.build(file, Template.Format.TERRAFORM, root, resources, variables, r -> Set.of());
    }

    private static void collect(Node.MapNode byType, String prefix, List<TerraformModel.Resource> out) {
        if (byType == null) {
            return;
        }
        for (Map.Entry<String, Node> type : byType.entries().entrySet()) {
            if (!(type.getValue() instanceof Node.MapNode byName)) {
                continue;
            }
            for (Map.Entry<String, Node> named : byName.entries().entrySet()) {
                for (Node.MapNode body : TerraformModel.blocks(named.getValue())) {
                    out.add(new TerraformModel.Resource(prefix + type.getKey() + "." + named.getKey(), type.getKey(),
                            named.getKey(), body, body.position()));
                }
            }
        }
    }
}
