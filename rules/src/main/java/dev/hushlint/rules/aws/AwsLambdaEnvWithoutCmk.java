package dev.hushlint.rules.aws;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.secret.EnvironmentSecretJudge;

import java.util.ArrayList;
import java.util.List;

/** A deployed Lambda function with secret-named variables, encrypted only with the AWS managed key. */
public final class AwsLambdaEnvWithoutCmk implements Rule<LambdaExport> {

    public static final RuleInfo INFO = RuleInfo.builder("aws/lambda-env-without-cmk")
            .name("AwsLambdaEnvWithoutCmk")
            .severity(Severity.LOW)
            .summary("A Lambda function with secret-named environment variables has no customer managed KMS key")
            .help("""
                    The function has secret-named environment variables but no `KMSKeyArn`: Lambda encrypts them \
                    with the AWS managed key, which every principal allowed `lambda:GetFunctionConfiguration` \
                    decrypts implicitly. A customer managed key lets the key policy decide who reads them, and \
                    CloudTrail records each decryption.

                    **Fix:** move the secret to Secrets Manager; if a value must stay in the environment, set \
                    `KmsKeyArn` to a customer managed key whose policy allows only the execution role.

                    Bad:
                    ```json
                    { "FunctionName": "orders-api", "Environment": { "Variables": { "API_TOKEN": "…" } } }
                    ```
                    Good:
                    ```json
                    { "FunctionName": "orders-api", "KMSKeyArn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                      "Environment": { "Variables": { "API_TOKEN_SECRET_ARN": "arn:aws:secretsmanager:…" } } }
                    ```""")
            .cwe(311)
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
        List<Finding> findings = new ArrayList<>();
        for (LambdaFunction function : export.functions()) {
            if (function.hasCustomerManagedKey()) {
                continue;
            }
            List<String> names = function.environment().stream()
                    .filter(v -> !v.value().isBlank() && EnvironmentSecretJudge.isSecretName(v.name()))
                    .map(EnvironmentVariable::name)
                    .toList();
            if (names.isEmpty()) {
                continue;
            }
            Finding.Builder finding = Finding.builder(INFO)
                    .location(AwsLocations.of(export.file(), function.position()))
                    .logicalPosition(function.identity())
                    .message("Lambda function " + function.describe() + " has secret-named environment variables ("
                            + String.join(", ", names) + ") but no customer managed KMS key (KMSKeyArn)"
                            + (function.arn().isEmpty() ? "" : "; function " + function.arn()))
                    .property("variables", String.join(",", names));
            if (!function.arn().isEmpty()) {
                finding.property("functionArn", function.arn());
            }
            if (!function.region().isEmpty()) {
                finding.property("region", function.region());
            }
            findings.add(finding.build());
        }
        return RuleResult.of(findings);
    }
}
