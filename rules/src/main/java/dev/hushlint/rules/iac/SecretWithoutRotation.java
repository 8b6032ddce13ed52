package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;

import java.util.ArrayList;
import java.util.List;

/** A Secrets Manager secret that nothing rotates. */
public final class SecretWithoutRotation implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/secret-without-rotation")
            .name("SecretWithoutRotation")
            .severity(Severity.LOW)
            .summary("A Secrets Manager secret has no rotation schedule")
            .help("""
                    A secret with no rotation stays valid until someone changes it by hand: a leaked value keeps \
                    working. Reported when the template (or Terraform configuration or plan) defines the secret \
                    but no `AWS::SecretsManager::RotationSchedule` / `aws_secretsmanager_secret_rotation` for it.

                    **Fix:** add a rotation schedule (a managed rotation for RDS, a rotation function otherwise).

                    Bad:
                    ```yaml
                    DbSecret:
                      Type: AWS::SecretsManager::Secret
                    ```
                    Good:
                    ```yaml
                    DbSecretRotation:
                      Type: AWS::SecretsManager::RotationSchedule
                      Properties:
                        SecretId: !Ref DbSecret
                        HostedRotationLambda: {RotationType: PostgreSQLSingleUser}
                        RotationRules: {AutomaticallyAfterDays: 30}
                    ```""")
            .cwe(324, 262)
            .precision("medium")
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
        java.nio.file.Path directory = TerraformIndexer.directory(template);
        for (Template.SecretResource secret : template.secrets()) {
            boolean rotatedElsewhere = template.format() == Template.Format.TERRAFORM && context.facts(
                    TerraformIndexer.ROTATED_SECRETS).contains(new TerraformIndexer.RotatedSecret(directory, secret.id()));
            if (!secret.rotated() && !rotatedElsewhere) {
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, secret.position()))
                        .logicalPosition(secret.path())
                        .message("Secret " + secret.id() + " has no rotation schedule in this "
                                + (template.format() == Template.Format.TERRAFORM_PLAN ? "plan"
                                : template.format() == Template.Format.TERRAFORM ? "directory" : "template"))
                        .build());
            }
        }
        return RuleResult.of(findings);
    }
}
