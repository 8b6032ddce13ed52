package dev.hushlint.rules.aws;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.secret.EnvironmentSecretJudge;
import dev.hushlint.rules.secret.EnvironmentSecretJudge.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A deployed Lambda function whose environment holds a plaintext secret (export or live inventory). */
public final class AwsLambdaEnvPlaintextSecret implements Rule<LambdaExport> {

    public static final RuleInfo INFO = RuleInfo.builder("aws/lambda-env-plaintext-secret")
            .name("AwsLambdaEnvPlaintextSecret")
            .severity(Severity.HIGH)
            .summary("A deployed Lambda function holds a plaintext secret in an environment variable")
            .help("""
                    The function's configuration holds a secret in clear: a provider token, a password inside a \
                    URL, or a value under a secret-named variable. Anyone allowed `lambda:GetFunctionConfiguration` \
                    (many read-only and auditor roles are) reads it, and it is copied into every export and \
                    deployment tool that touches the function. A value that came from a NoEcho parameter or a \
                    `{{resolve:…}}` reference is plaintext here too: it was resolved into the configuration. Judged \
                    exactly as `iac/lambda-env-plaintext-secret` judges a template literal: not reported are \
                    secret names, ARNs and paths, placeholders, flags, values under 6 characters, sentences, URLs \
                    without credentials, and the settings of the Parameters and Secrets Lambda extension.

                    **Fix:** rotate the secret, then store it in AWS Secrets Manager or SSM Parameter Store \
                    (SecureString), put only its name or ARN in the environment, and read it at runtime (cached \
                    outside the handler, e.g. with the Parameters and Secrets Lambda extension).

                    Bad (`aws lambda get-function-configuration`):
                    ```json
                    "Environment": { "Variables": { "DB_PASSWORD": "correct-horse-battery" } }
                    ```
                    Good:
                    ```json
                    "Environment": { "Variables": { "DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf" } }
                    ```
                    Severity is critical when the value is a provider-format token.""")
            .cwe(798, 312)
            .precision("high")
            .build();

    private final EnvironmentSecretJudge judge;

    public AwsLambdaEnvPlaintextSecret() {
        this(EnvironmentSecretJudge.standard());
    }

    public AwsLambdaEnvPlaintextSecret(EnvironmentSecretJudge judge) {
        this.judge = judge;
    }

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
            for (EnvironmentVariable variable : function.environment()) {
                Optional<Verdict> verdict = judge.judge(variable.name(), variable.value());
                if (verdict.isEmpty()) {
                    continue;
                }
                Verdict v = verdict.get();
                Finding.Builder finding = Finding.builder(INFO)
                        .location(AwsLocations.of(export.file(), variable.position()))
                        .logicalPosition(function.identity() + "/Environment/Variables/" + variable.name())
                        .message("Environment variable " + variable.name() + " of Lambda function "
                                + function.describe() + " holds a plaintext secret (" + v.description() + ")"
                                + (function.arn().isEmpty() ? "" : "; function " + function.arn()))
                        .secret(v.secret())
                        .property("variable", variable.name())
                        .property("evidence", v.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                if (!function.arn().isEmpty()) {
                    finding.property("functionArn", function.arn());
                }
                if (!function.region().isEmpty()) {
                    finding.property("region", function.region());
                }
                if (v.providerToken()) {
                    finding.severity(Severity.CRITICAL).property("pattern", v.patternId());
                }
                findings.add(finding.build());
            }
        }
        return RuleResult.of(findings);
    }
}
