package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return TerraformModel.build(file, Template.Format.TERRAFORM, root, resources);
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
