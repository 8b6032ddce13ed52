package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.iam.ConditionStrength;
import dev.hushlint.rules.iam.PolicyDocument;
import dev.hushlint.rules.iam.PrincipalAnalysis;
import dev.hushlint.rules.iam.ResourceScope;
import dev.hushlint.rules.iam.SecretCapability;
import dev.hushlint.rules.iam.SecretGrant;
import dev.hushlint.rules.iam.Statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

/** An identity policy that reads every secret, or has full control of secrets. */
public final class SecretAccessWildcard implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/secret-access-wildcard")
            .name("SecretAccessWildcard")
            .severity(Severity.MEDIUM)
            .summary("An IAM policy can read every secret, or has full control of secrets")
            .help("""
                    An Allow statement grants secret-reading actions (`secretsmanager:GetSecretValue`, \
                    `ssm:GetParameter*`, `kms:Decrypt` …, also through `*`, `secretsmanager:*`, \
                    `secretsmanager:Get*` or `NotAction`) on `*` or on every secret of the account \
                    (`…:secret:*`, `…:parameter/*`), or grants every Secrets Manager action (`secretsmanager:*`, \
                    `*`) even on one secret, which lets it delete or replace it. A role that Lambda assumes \
                    with `AdministratorAccess`, `PowerUserAccess` or `SecretsManagerReadWrite` is reported too. \
                    A compromised function then reads every secret in the account. Deny statements of the same \
                    policy are subtracted; a restricting condition (resource tags, `aws:SourceArn`, \
                    `kms:ViaService`) is respected.

                    **Fix:** grant `secretsmanager:GetSecretValue` on the ARNs (or a name prefix) of the secrets \
                    the function needs.

                    Bad:
                    ```yaml
                    - Effect: Allow
                      Action: secretsmanager:*
                      Resource: '*'
                    ```
                    Good:
                    ```yaml
                    - Effect: Allow
                      Action: secretsmanager:GetSecretValue
                      Resource: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/orders/*
                    ```""")
            .cwe(732, 269)
            .precision("high")
            .build();

    /**
     * The grants of one policy's Allow statements, after the Deny statements of every policy that shares a
     * principal with it (its role, user or group) are subtracted.
     */
    private static List<SecretGrant> principalGrants(Template.IdentityPolicy policy,
                                                     Map<String, List<Template.IdentityPolicy>> byPrincipal) {
        Set<Template.IdentityPolicy> related = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PolicyDocument> documents = new ArrayList<>();
        related.add(policy);
        documents.add(policy.document());
        for (String principal : policy.principals()) {
            for (Template.IdentityPolicy other : byPrincipal.getOrDefault(principal, List.of())) {
                if (related.add(other)) {
                    documents.add(other.document());
                }
            }
        }
        Set<Statement> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(policy.document().statements());
        return PrincipalAnalysis.combine(documents).grants().stream().filter(g -> own.contains(g.statement())).toList();
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Template> inputType() {
        return Template.class;
    }

    @Override
    public RuleResult check(Template template, ScanContext context) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Template.IdentityPolicy>> byPrincipal = new HashMap<>();
        for (Template.IdentityPolicy policy : template.identityPolicies()) {
            for (String principal : policy.principals()) {
                byPrincipal.computeIfAbsent(principal, k -> new ArrayList<>()).add(policy);
            }
        }
        for (Template.IdentityPolicy policy : template.identityPolicies()) {
            for (SecretGrant grant : principalGrants(policy, byPrincipal)) {
                if (grant.conditions() == ConditionStrength.RESTRICTING) {
                    continue;
                }
                List<String> broadReads = grant.actions(SecretCapability.READ, ResourceScope.ACCOUNT_WIDE);
                boolean fullControl = grant.fullControl("secretsmanager");
                if (broadReads.isEmpty() && !fullControl) {
                    continue;
                }
                String what = fullControl
                        ? "every Secrets Manager action (it can read, replace and delete secrets) on "
                        + grant.scope().describe()
                        : String.join(", ", broadReads) + " on " + grant.scope(SecretCapability.READ).describe();
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, grant.position()))
                        .logicalPosition(policy.path() + "/" + grant.statement().label())
                        .message(grant.statement().label() + " of " + grant.source() + " allows " + what
                                + " (through " + grant.statement().actionsAsWritten() + ")")
                        .property("actions", String.join(",", grant.actions()))
                        .property("scope", grant.scope().name())
                        .build());
            }
        }
        Set<String> lambdaRoles = template.format() == Template.Format.TERRAFORM
                ? TerraformIndexer.lambdaRoles(context, TerraformIndexer.directory(template)) : Set.of();
        for (Template.ManagedPolicyUse use : template.managedPolicyUses()) {
            if (use.lambdaRole() || use.roles().stream().anyMatch(lambdaRoles::contains)) {
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, use.position()))
                        .logicalPosition(use.path())
                        .message("Role of " + use.roleId() + ", assumed by Lambda, has the AWS managed policy "
                                + use.policyName() + ": it can read every secret of the account")
                        .property("managedPolicy", use.policyName())
                        .build());
            }
        }
        return RuleResult.of(findings);
    }
}
