package dev.hushlint.rules.aws;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.iam.ConditionStrength;
import dev.hushlint.rules.iam.ManagedPolicies;
import dev.hushlint.rules.iam.PolicyAnalyzer;
import dev.hushlint.rules.iam.PolicyDocument;
import dev.hushlint.rules.iam.PrincipalAnalysis;
import dev.hushlint.rules.iam.ResourceScope;
import dev.hushlint.rules.iam.SecretCapability;
import dev.hushlint.rules.iam.SecretGrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A deployed Lambda function whose execution role, all its inline and managed policies combined, reads every
 * secret or has full control of secrets: what {@code iac/secret-access-wildcard} flags in a template, judged
 * on the role as IAM holds it.
 */
public final class AwsLambdaRoleSecretAccessWildcard implements Rule<LambdaExport> {

    public static final RuleInfo INFO = RuleInfo.builder("aws/lambda-role-secret-access-wildcard")
            .name("AwsLambdaRoleSecretAccessWildcard")
            .severity(Severity.MEDIUM)
            .summary("A Lambda function's execution role can read every secret, or has full control of secrets")
            .help("""
                    The function's execution role — every inline policy and the default version of every attached \
                    managed policy, with unconditional Deny statements subtracted — allows secret-reading actions \
                    (`secretsmanager:GetSecretValue`, `ssm:GetParameter*`, `kms:Decrypt` …) on `*` or on every \
                    secret of the account, or every Secrets Manager action, or it has `AdministratorAccess`, \
                    `PowerUserAccess` or `SecretsManagerReadWrite`. Code injection in that one function then \
                    reads every secret in the account. The finding names the policy and statement that grant it.

                    **Fix:** give each function its own role, with `secretsmanager:GetSecretValue` on the ARNs \
                    (or a name prefix) of the secrets it needs only.

                    Bad (`aws iam get-role-policy`):
                    ```json
                    { "Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*" }
                    ```
                    Good:
                    ```json
                    { "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                      "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/*" }
                    ```""")
            .cwe(732, 269)
            .precision("high")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<LambdaExport> inputType() {
        return LambdaExport.class;
    }

    @Override
    public RuleResult check(LambdaExport export, ScanContext context) {
        AwsFacts facts = AwsFacts.of(context);
        List<Finding> findings = new ArrayList<>();
        Map<String, List<LambdaFunction>> unknownRoles = new TreeMap<>();
        for (LambdaFunction function : export.functions()) {
            if (function.roleArn().isEmpty()) {
                continue;
            }
            Optional<IamRole> role = facts.role(function.roleArn());
            if (role.isEmpty()) {
                unknownRoles.computeIfAbsent(function.roleArn(), k -> new ArrayList<>()).add(function);
                continue;
            }
            for (SecretGrant grant : PrincipalAnalysis.combine(documents(role.get(), facts)).grants()) {
                if (grant.conditions() == ConditionStrength.RESTRICTING) {
                    continue;
                }
                List<String> broadReads = grant.actions(SecretCapability.READ, ResourceScope.ACCOUNT_WIDE);
                boolean fullControl = grant.fullControl("secretsmanager");
                if (broadReads.isEmpty() && !fullControl) {
                    continue;
                }
                String what = fullControl
                        ? "every Secrets Manager action (read, replace and delete) on " + grant.scope().describe()
                        : String.join(", ", broadReads) + " on " + grant.scope(SecretCapability.READ).describe();
                Finding.Builder finding = Finding.builder(INFO)
                        .location(AwsLocations.of(export.file(), function.rolePosition()))
                        .logicalPosition(function.identity() + "/Role/" + grant.source() + "/" + grant.statement().label())
                        .message("Execution role " + role.get().name() + " of Lambda function " + function.describe()
                                + " can use " + what + ": " + grant.statement().label() + " of " + grant.source()
                                + " (through " + grant.statement().actionsAsWritten() + ")"
                                + (function.arn().isEmpty() ? "" : "; function " + function.arn()))
                        .property("roleArn", role.get().arn())
                        .property("policy", grant.source())
                        .property("statement", grant.statement().label())
                        .property("actions", String.join(",", grant.actions()))
                        .property("scope", grant.scope().name());
                if (!function.arn().isEmpty()) {
                    finding.property("functionArn", function.arn());
                }
                if (!function.region().isEmpty()) {
                    finding.property("region", function.region());
                }
                findings.add(finding.build());
            }
        }
        // without any IAM export in the scan there is nothing to say; with one, a missing role is a gap: one note per role
        List<Notification> notifications = new ArrayList<>();
        if (!facts.isEmpty()) {
            unknownRoles.forEach((arn, functions) -> {
                List<String> names = functions.stream().map(LambdaFunction::describe).toList();
                notifications.add(Notification.note("aws-role-unknown", export.file(), functions.get(0).rolePosition().line(),
                        "execution role " + arn + " is in no IAM export of this scan: its access to secrets was not checked for "
                                + (names.size() <= 3 ? String.join(", ", names)
                                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more")));
            });
        }
        return new RuleResult(findings, notifications);
    }

    /**
     * Every policy of the role: inline documents, then attached managed policies' default versions. An AWS
     * managed policy the scan did not fetch counts by what it is known to grant.
     */
    private static List<PolicyDocument> documents(IamRole role, AwsFacts facts) {
        List<PolicyDocument> documents = new ArrayList<>();
        for (IamPolicyDocument inline : role.inlinePolicies()) {
            documents.add(PolicyAnalyzer.parse(inline.document(), "inline policy " + inline.name()));
        }
        for (String arn : role.attachedPolicyArns()) {
            Optional<IamPolicyDocument> fetched = facts.managedPolicy(arn).flatMap(ManagedPolicy::document);
            if (fetched.isPresent()) {
                documents.add(PolicyAnalyzer.parse(fetched.get().document(), "managed policy " + fetched.get().name()));
            } else {
                ManagedPolicies.document(arn, role.position()).ifPresent(documents::add);
            }
        }
        return documents;
    }
}
