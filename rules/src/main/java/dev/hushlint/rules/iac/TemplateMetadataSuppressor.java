package dev.hushlint.rules.iac;

import dev.hushlint.engine.suppress.SuppressionMarker;
import dev.hushlint.engine.suppress.Suppressor;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Suppressions written in a CloudFormation resource's metadata, for templates that cannot carry comments
 * (JSON, or YAML after {@code aws cloudformation package} stripped them):
 *
 * <pre>
 * Metadata:
 *   hushlint:
 *     ignore:
 *       - id: iac/lambda-env-plaintext-secret
 *         reason: a public sandbox token
 * </pre>
 *
 * Each entry silences one rule id (or a family, {@code iac/*}) over the whole resource, from its logical id
 * to the line before the next resource. They are inline suppressions like comments: {@code --no-inline-ignores}
 * turns them off, and one that matches nothing is reported as stale.
 */
public final class TemplateMetadataSuppressor implements Suppressor<Template> {

    @Override
    public Class<Template> inputType() {
        return Template.class;
    }

    @Override
    public List<SuppressionMarker> markers(Template template) {
        if (template.format() != Template.Format.CLOUDFORMATION && template.format() != Template.Format.SAM) {
            return List.of();
        }
        Node.MapNode resources = template.root().asMap().flatMap(root -> root.map("Resources")).orElse(null);
        if (resources == null) {
            return List.of();
        }
        List<Map.Entry<String, Node>> entries = new ArrayList<>(resources.entries().entrySet());
        entries.sort((a, b) -> Integer.compare(resources.keyPosition(a.getKey()).line(), resources.keyPosition(b.getKey()).line()));
        List<SuppressionMarker> markers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).getKey();
            int from = resources.keyPosition(id).line();
            int to = i + 1 < entries.size()
                    ? Math.max(from, resources.keyPosition(entries.get(i + 1).getKey()).line() - 1)
                    : Math.max(from, resources.position().endLine());
            entries.get(i).getValue().asMap()
                    .flatMap(resource -> resource.map("Metadata"))
                    .flatMap(metadata -> metadata.map("hushlint"))
                    .flatMap(hushlint -> hushlint.get("ignore"))
                    .flatMap(Node::asList)
                    .ifPresent(list -> {
                        for (Node item : list.items()) {
                            item.asMap().ifPresent(entry -> entry.string("id").ifPresent(rule -> markers.add(
                                    new SuppressionMarker(template.file().path(), entry.position().line(), from, to,
                                            new TreeSet<>(Set.of(rule.strip())), entry.string("reason").orElse(""), "Metadata"))));
                        }
                    });
        }
        return markers;
    }
}
