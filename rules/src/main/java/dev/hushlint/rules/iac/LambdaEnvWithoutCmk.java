package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.secret.EnvironmentSecretJudge;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.List;

/** A function with secret-named environment variables and no customer managed key. */
public final class LambdaEnvWithoutCmk implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/lambda-env-without-cmk")
            .name("LambdaEnvWithoutCmk")
            .severity(Severity.LOW)
            .summary("A Lambda function with secret-named environment variables has no customer managed KMS key")
            .help("""
                    Without `KmsKeyArn`, Lambda encrypts the environment with an AWS managed key that every \
                    principal allowed to read the function's configuration can use: the environment is readable \
                    to them in clear. With a customer managed key, reading it also needs `kms:Decrypt` on that \
                    key, which you control. Whatever the value is (a NoEcho parameter, a dynamic reference), a \
                    secret-named variable puts the secret in the environment. `KmsKeyArn` inherited from SAM \
                    `Globals` or Serverless `provider.kmsKeyArn` counts.

                    **Fix:** better, keep secrets out of the environment (see `iac/lambda-env-plaintext-secret`); \
                    otherwise set `KmsKeyArn` to a customer managed key.

                    Bad:
                    ```yaml
                    Properties:
                      Environment:
                        Variables:
                          API_TOKEN: !Ref ApiToken
                    ```
                    Good:
                    ```yaml
                    Properties:
                      KmsKeyArn: !GetAtt FunctionKey.Arn
                      Environment:
                        Variables:
                          API_TOKEN: !Ref ApiToken
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
        for (Template.LambdaFunction function : template.functions()) {
            if (hasKey(function.kmsKeyArn())) {
                continue;
            }
            List<String> names = function.variables().stream().map(Template.EnvVariable::name)
                    .filter(EnvironmentSecretJudge::isSecretName).toList();
            if (!names.isEmpty()) {
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, function.position()))
                        .logicalPosition(function.path())
                        .message("Lambda function " + function.id() + " has secret-named environment variables ("
                                + String.join(", ", names) + ") but no customer managed KMS key (KmsKeyArn)")
                        .build());
            }
        }
        return RuleResult.of(findings);
    }

    private static boolean hasKey(Node kms) {
        if (kms == null) {
            return false;
        }
        if (kms instanceof Node.ScalarNode s) {
            return s.value() != null && !s.text().isBlank();
        }
        return !Intrinsics.alternatives(kms).isEmpty();
    }
}
