/**
 * The IAM policy analyzer: which secrets can a policy statement, or a whole principal, read or manage?
 * Shared by the IaC rules (CloudFormation, SAM, Serverless, Terraform) and the live Lambda scanner.
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>{@link dev.hushlint.rules.iam.PolicyAnalyzer#analyze(dev.hushlint.rules.tree.Node)} →
 *       {@code List<SecretGrant>}: one grant per Allow statement that covers a catalogued secret action.
 *       The node may be a policy map, a JSON string holding one (positions then all point at the string),
 *       {@code Fn::Sub} of such a string, or {@code Fn::If} of two documents.</li>
 *   <li>{@link dev.hushlint.rules.iam.PolicyAnalyzer#analyzeJson(String)}: the same from JSON text (a live or
 *       exported policy; IAM API documents are URL-encoded: decode them first). Throws
 *       {@link dev.hushlint.engine.InputException} on malformed JSON.</li>
 *   <li>{@link dev.hushlint.rules.iam.PolicyAnalyzer#parse(dev.hushlint.rules.tree.Node, String, ArnResolver)}
 *       / {@link dev.hushlint.rules.iam.PolicyAnalyzer#parseJson(String, String)} → {@link
 *       dev.hushlint.rules.iam.PolicyDocument} (all statements, Deny included, with a source label such as
 *       {@code "inline policy ReadSecrets"}), then {@code analyze(PolicyDocument)}.</li>
 *   <li>{@link dev.hushlint.rules.iam.ManagedPolicies#document(String, dev.hushlint.rules.tree.Position)}:
 *       {@code AdministratorAccess}, {@code PowerUserAccess}, {@code SecretsManagerReadWrite} by ARN (any
 *       partition) or bare name, as a document.</li>
 *   <li>{@link dev.hushlint.rules.iam.PrincipalAnalysis#combine(java.util.List)}: every document of one
 *       principal (inline + managed) → the grants left after unconditional Deny statements are subtracted;
 *       {@code scope(READ)}, {@code canRead(ResourceScope.ACCOUNT_WIDE)}.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * A {@link dev.hushlint.rules.iam.SecretGrant} holds the statement ({@code position()}, {@code label()},
 * {@code actionsAsWritten()}), and per catalogued {@link dev.hushlint.rules.iam.SecretAction} an
 * {@link dev.hushlint.rules.iam.ActionAccess}: its {@link dev.hushlint.rules.iam.SecretCapability} (READ,
 * MANAGE) and the broadest {@link dev.hushlint.rules.iam.ResourceScope} it reaches (ALL &gt; ACCOUNT_WIDE &gt;
 * PREFIX &gt; SINGLE &gt; NOT_A_SECRET). {@code grant.conditions()} is a
 * {@link dev.hushlint.rules.iam.ConditionStrength} (NONE, WEAK, RESTRICTING).
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Actions: IAM wildcards ({@code *}, {@code ?}), case-insensitive, against the catalogue of reading
 *       actions ({@code secretsmanager:GetSecretValue}, {@code BatchGetSecretValue}, {@code ssm:GetParameter},
 *       {@code GetParameters}, {@code GetParametersByPath}, {@code GetParameterHistory}, {@code kms:Decrypt})
 *       and managing ones ({@code PutSecretValue}, {@code DeleteSecret}, {@code PutResourcePolicy},
 *       {@code ssm:PutParameter}, {@code kms:PutKeyPolicy} …). {@code NotAction} grants every catalogued
 *       action it does not match. Metadata actions ({@code ListSecrets}, {@code DescribeSecret},
 *       {@code GetRandomPassword}) are not catalogued.</li>
 *   <li>Resources: each resource is matched against the resource family of the action (secret, parameter,
 *       key ARNs). {@code NotResource} reaches everything it does not exclude. Intrinsic functions are
 *       judged by the ARN they produce ({@link dev.hushlint.rules.iam.ResourcePattern}): pseudo parameters
 *       become fixed values, references become one specific resource (or, with an
 *       {@link dev.hushlint.rules.iam.ArnResolver}, the ARN the template says they are), Terraform references
 *       are typed by their resource type. A statement with no Resource (resource and key policies) is
 *       {@code "*"}.</li>
 *   <li>Conditions: resource tags, secret id, source ARN/account/VPC/IP, principal org/account/ARN and
 *       {@code kms:ViaService} restrict; anything else ({@code aws:SecureTransport} …), negated operators,
 *       {@code …IfExists} and {@code "*"} values are weak.</li>
 * </ul>
 */
package dev.hushlint.rules.iam;
