package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.iam.ConditionStrength;
import dev.hushlint.rules.iam.PolicyAnalyzer;
import dev.hushlint.rules.iam.SecretGrant;

import java.util.ArrayList;
import java.util.List;

/** A secret's resource policy or a KMS key policy that lets anyone in. */
public final class PublicSecretPolicy implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/public-secret-policy")
            .name("PublicSecretPolicy")
            .severity(Severity.CRITICAL)
            .summary("A secret or KMS key policy grants access to any principal")
            .help("""
                    A Secrets Manager resource policy or a KMS key policy with `Principal: "*"` (or \
                    `{AWS: "*"}`) and no condition that narrows the caller (`aws:PrincipalOrgID`, \
                    `aws:PrincipalAccount`, `aws:SourceVpce`, `kms:CallerAccount` …) lets any AWS account \
                    read or decrypt the secret.

                    **Fix:** name the principals (role ARNs, the account root), or add a restricting condition.

                    Bad:
                    ```yaml
                    ResourcePolicy:
                      Statement:
                        - Effect: Allow
                          Principal: '*'
                          Action: secretsmanager:GetSecretValue
                          Resource: '*'
                    ```
                    Good:
                    ```yaml
                    ResourcePolicy:
                      Statement:
                        - Effect: Allow
                          Principal: {AWS: !GetAtt OrdersFunctionRole.Arn}
                          Action: secretsmanager:GetSecretValue
                          Resource: '*'
                    ```""")
            .cwe(732, 284)
            .precision("high")
            .build();

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
        for (Template.ResourcePolicy policy : template.resourcePolicies()) {
            for (SecretGrant grant : PolicyAnalyzer.analyze(policy.document())) {
                if (!grant.statement().hasPublicPrincipal() || grant.capabilities().isEmpty()
                        || grant.conditions() == ConditionStrength.RESTRICTING) {
                    continue;
                }
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, grant.position()))
                        .logicalPosition(policy.path() + "/" + grant.statement().label())
                        .message(grant.statement().label() + " of the " + policy.kind() + " of " + policy.owner()
                                + " allows " + String.join(", ", grant.actions()) + " to any principal (\"*\")"
                                + (grant.conditions() == ConditionStrength.WEAK ? " with only a weak condition" : "")
                                + " (through " + grant.statement().actionsAsWritten() + ")")
                        .build());
            }
        }
        return RuleResult.of(findings);
    }
}
