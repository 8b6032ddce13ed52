package dev.hushlint.rules.iac;

import dev.hushlint.engine.InputException;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.iac.hcl.HclParser;
import dev.hushlint.rules.tree.JsonTree;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.YamlTree;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises infrastructure templates by content, not only by name: CloudFormation/SAM YAML and JSON
 * (CDK's {@code cdk.out/*.template.json} included), Serverless Framework {@code serverless.yml}, and
 * Terraform plan JSON ({@code terraform show -json}) and Terraform {@code .tf} files. A YAML or JSON file that is none of these is not
 * this reader's business (null); one that looks like a template but does not parse is an error.
 */
public final class TemplateReader implements InputReader<Template> {

    private static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "json", "template");
    private static final Pattern LOOKS_LIKE_CFN = Pattern.compile(
            "AWSTemplateFormatVersion|(?m)^\\s*\"?Resources\"?\\s*:[\\s\\S]*\"?Type\"?\\s*:\\s*[\"']?(AWS|Custom)::");
    private static final Pattern LOOKS_LIKE_SERVERLESS = Pattern.compile("(?m)^provider\\s*:");
    private static final Pattern SERVICE = Pattern.compile("(?m)^(service|functions)\\s*:");
    private static final Pattern LOOKS_LIKE_PLAN = Pattern.compile("\"(planned_values|terraform_version)\"\\s*:");

    @Override
    public Class<Template> inputType() {
        return Template.class;
    }

    @Override
    public boolean accepts(TextFile file) {
        if (file.extension().equals("tf")) {
            return true; // every .tf file is Terraform; variables-only files matter too
        }
        if (!EXTENSIONS.contains(file.extension())) {
            return false;
        }
        String text = file.text();
        return file.fileName().endsWith(".tf.json") || text.contains("Resources") || text.contains("AWSTemplateFormatVersion")
                || text.contains("terraform_version") || text.contains("planned_values")
                || isServerlessName(file) || text.contains("provider");
    }

    @Override
    public Template read(TextFile file) throws InputException {
        String text = file.text();
        if (file.extension().equals("tf")) {
            return TerraformHclModel.build(file, HclParser.parse(text));
        }
        if (file.fileName().endsWith(".tf.json")) {
            // Terraform's JSON syntax has the shape the HCL reader produces
            return JsonTree.parse(text) instanceof Node.MapNode map ? TerraformHclModel.build(file, map) : null;
        }
        boolean json = file.extension().equals("json") || text.stripLeading().startsWith("{");
        boolean expected = LOOKS_LIKE_CFN.matcher(text).find() || (json && LOOKS_LIKE_PLAN.matcher(text).find())
                || (isServerlessName(file) && LOOKS_LIKE_SERVERLESS.matcher(text).find());
        if (!expected && !(LOOKS_LIKE_SERVERLESS.matcher(text).find() && SERVICE.matcher(text).find())) {
            return null; // not worth parsing: no template would look like this
        }
        Node root;
        try {
            root = json ? JsonTree.parse(text) : YamlTree.parse(text);
        } catch (InputException e) {
            if (expected) {
                throw e;
            }
            return null; // some other YAML/JSON file with its own syntax
        }
        if (!(root instanceof Node.MapNode map)) {
            return null;
        }
        if (CloudFormationModel.isTemplate(map)) {
            return CloudFormationModel.build(file, map);
        }
        if (ServerlessModel.isServerless(map)) {
            return ServerlessModel.build(file, map);
        }
        if (TerraformPlanModel.isPlan(map)) {
            return TerraformPlanModel.build(file, map);
        }
        return null;
    }

    private static boolean isServerlessName(TextFile file) {
        String name = file.fileName();
        return name.startsWith("serverless") && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json"));
    }
}
