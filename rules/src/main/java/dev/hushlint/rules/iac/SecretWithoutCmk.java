package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.List;

/** A Secrets Manager secret encrypted with the AWS managed key. */
public final class SecretWithoutCmk implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/secret-without-cmk")
            .name("SecretWithoutCmk")
            .severity(Severity.LOW)
            .summary("A Secrets Manager secret is not encrypted with a customer managed KMS key")
            .help("""
                    Without `KmsKeyId` (or with `alias/aws/secretsmanager`), the secret is encrypted with the \
                    AWS managed key, whose key policy you cannot restrict and which cannot be shared across \
                    accounts: access to the secret is governed by IAM alone.

                    **Fix:** set `KmsKeyId` to a customer managed key whose key policy names the readers.

                    Bad:
                    ```yaml
                    DbSecret:
                      Type: AWS::SecretsManager::Secret
                      Properties:
                        KmsKeyId: alias/aws/secretsmanager
                    ```
                    Good:
                    ```yaml
                    DbSecret:
                      Type: AWS::SecretsManager::Secret
                      Properties:
                        KmsKeyId: !Ref SecretsKey
                    ```""")
            .cwe(311)
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
        for (Template.SecretResource secret : template.secrets()) {
            String why = problem(secret.kmsKeyId());
            if (why != null) {
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, secret.position()))
                        .logicalPosition(secret.path())
                        .message("Secret " + secret.id() + " " + why)
                        .build());
            }
        }
        return RuleResult.of(findings);
    }

    private static String problem(Node kms) {
        if (kms == null || kms instanceof Node.ScalarNode s && (s.value() == null || s.text().isBlank())) {
            return "has no KmsKeyId: it is encrypted with the AWS managed key";
        }
        if (kms instanceof Node.ScalarNode s && s.text().strip().endsWith("aws/secretsmanager")) {
            return "uses the AWS managed key (aws/secretsmanager) instead of a customer managed key";
        }
        if (Intrinsics.alternatives(kms).isEmpty()) {
            return "has no KmsKeyId: it is encrypted with the AWS managed key";
        }
        return null;
    }
}
