package dev.hushlint.rules.iac;

import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.iam.PolicyDocument;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An infrastructure template of any supported format, reduced to what the secret rules look at: Lambda
 * functions with their (merged) environments, identity and resource policies, secrets, credential-bearing
 * properties and parameters. Every element keeps the position of its own node, and a logical {@code path}
 * (e.g. {@code Resources/Fn/Environment/DB_PASSWORD}) that names it without a line number.
 *
 * @param passwordParameters names of parameters that feed a password-like property
 */
public record Template(TextFile file, Format format, Node root, List<Parameter> parameters,
                       List<LambdaFunction> functions, List<IdentityPolicy> identityPolicies,
                       List<ManagedPolicyUse> managedPolicyUses, List<ResourcePolicy> resourcePolicies,
                       List<SecretResource> secrets, List<CredentialValue> credentialValues,
                       Set<String> passwordParameters) {

    public enum Format {
        CLOUDFORMATION("CloudFormation"), SAM("SAM"), SERVERLESS("Serverless Framework"),
        TERRAFORM_PLAN("Terraform plan"), TERRAFORM("Terraform");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Template {
        parameters = List.copyOf(parameters);
        functions = List.copyOf(functions);
        identityPolicies = List.copyOf(identityPolicies);
        managedPolicyUses = List.copyOf(managedPolicyUses);
        resourcePolicies = List.copyOf(resourcePolicies);
        secrets = List.copyOf(secrets);
        credentialValues = List.copyOf(credentialValues);
        passwordParameters = Set.copyOf(passwordParameters);
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * A template parameter (CloudFormation {@code Parameters}).
     *
     * @param defaultValue the {@code Default} node, or null
     */
    public record Parameter(String name, Node.MapNode node, Position position, String type, boolean noEcho,
                            Node defaultValue) {
        public String path() {
            return "Parameters/" + name;
        }
    }

    /**
     * A Lambda function with its effective environment (SAM {@code Globals} and Serverless
     * {@code provider.environment} merged in; each variable keeps the position where it is written).
     *
     * @param kmsKeyArn the effective {@code KmsKeyArn}/{@code kms_key_arn}, or null
     */
    public record LambdaFunction(String id, String path, Position position, List<EnvVariable> variables,
                                 Node kmsKeyArn) {
        public LambdaFunction {
            variables = List.copyOf(variables);
        }
    }

    /** One environment variable: name, value node, and where it is written ({@code path} is unique per place). */
    public record EnvVariable(String name, Node value, Position position, String path) {
    }

    /**
     * An identity policy (attached to roles, users, groups or a function's role).
     *
     * @param principals the roles/users/groups (logical ids, addresses) it is attached to: policies that share
     *                   one are combined, so a Deny in one subtracts from an Allow in another
     */
    public record IdentityPolicy(String path, PolicyDocument document, Set<String> principals) {
        public IdentityPolicy {
            principals = Set.copyOf(principals);
        }
    }

    /**
     * An AWS managed policy attached to a role.
     *
     * @param lambdaRole true when Lambda assumes the role (as far as this file tells)
     * @param roles      the roles it is attached to (Terraform addresses), for links across the files of a directory
     */
    public record ManagedPolicyUse(String roleId, String policyName, Position position, String path,
                                   boolean lambdaRole, Set<String> roles) {
        public ManagedPolicyUse {
            roles = Set.copyOf(roles);
        }
    }

    /** A resource policy on secret material: a Secrets Manager resource policy or a KMS key policy. */
    public record ResourcePolicy(String owner, String kind, String path, PolicyDocument document) {
    }

    /**
     * A Secrets Manager secret.
     *
     * @param kmsKeyId the {@code KmsKeyId}/{@code kms_key_id} node, or null
     * @param rotated  a rotation schedule for it exists in the same template or plan
     */
    public record SecretResource(String id, String path, Position position, Node kmsKeyId, boolean rotated) {
    }

    /**
     * A value that is a credential by its place: a password-like property, a secret's {@code SecretString},
     * an SSM {@code String} parameter's value, CloudFormation authentication metadata.
     *
     * @param name the property, or for SSM parameters the parameter's name
     */
    public record CredentialValue(Kind kind, String resourceId, String name, Node value, Position position,
                                  String path) {
        public enum Kind { PASSWORD_PROPERTY, SECRET_STRING, SSM_STRING_PARAMETER }
    }
}
