package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.secret.EnvironmentSecretJudge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A Lambda environment variable that holds a plaintext secret. */
public final class LambdaEnvPlaintextSecret implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/lambda-env-plaintext-secret")
            .name("LambdaEnvPlaintextSecret")
            .severity(Severity.HIGH)
            .summary("A Lambda environment variable holds a plaintext secret")
            .help("""
                    A Lambda function's environment is part of its configuration: anyone allowed \
                    `lambda:GetFunctionConfiguration` (or who can read the template, the stack, a plan or the \
                    repository) reads it in clear. A secret written into the template is also in version \
                    control for good. A customer managed KMS key on the function does not change that.

                    Reported: a known-format token, credentials inside a URL, a literal value under a \
                    secret-named variable (`DB_PASSWORD`, `API_KEY`, `AWS_SECRET_ACCESS_KEY` — even a \
                    documentation example, since secrets do not belong in environment variables), literals \
                    inside `!Sub`/`!Join`, Serverless `${self:…}` that points at a literal, and a `Ref` to a \
                    parameter without `NoEcho`. Not reported: secret names, ARNs and paths, `${ssm:…}`, \
                    `${env:…}`, placeholders, references to `NoEcho` parameters.

                    **Fix:** store the secret in AWS Secrets Manager or SSM Parameter Store (SecureString), \
                    pass its ARN or name, and fetch it at runtime (cached outside the handler).

                    Bad:
                    ```yaml
                    Environment:
                      Variables:
                        DB_PASSWORD: hunter2-Prod-7Q
                    ```
                    Good:
                    ```yaml
                    Environment:
                      Variables:
                        DB_SECRET_ARN: !Ref DbSecret
                    Policies:
                      - AWSSecretsManagerGetSecretValuePolicy:
                          SecretArn: !Ref DbSecret
                    ```""")
            .cwe(798, 526, 312)
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
        Set<String> seen = new HashSet<>();
        for (Template.LambdaFunction function : template.functions()) {
            for (Template.EnvVariable variable : function.variables()) {
                if (!seen.add(variable.path())) {
                    continue; // a provider/Globals variable shared by several functions is reported once
                }
                check(template, function, variable).ifPresent(findings::add);
            }
        }
        return RuleResult.of(findings);
    }

    private Optional<Finding> check(Template template, Template.LambdaFunction function, Template.EnvVariable variable) {
        boolean secretNamed = EnvironmentSecretJudge.isSecretName(variable.name());
        Optional<EnvironmentSecretJudge.Verdict> verdict = EnvValues.plaintextSecret(variable.value(), secretNamed);
        String where = "Lambda environment variable " + variable.name() + " ("
                + (variable.path().startsWith("functions/") || variable.path().startsWith("Resources/")
                ? "function " + function.id() : variable.path().substring(0, variable.path().lastIndexOf('/'))) + ")";
        if (verdict.isPresent()) {
            EnvironmentSecretJudge.Verdict v = verdict.get();
            return Optional.of(Finding.builder(INFO)
                    .location(Locations.of(template, variable.position()))
                    .logicalPosition(variable.path())
                    .severity(v.providerToken() ? Severity.CRITICAL : Severity.HIGH)
                    .message(where + " holds " + what(v) + " in plaintext; pass a Secrets Manager or "
                            + "Parameter Store reference and read the value at runtime")
                    .secret(v.secret())
                    .build());
        }
        // a Ref to a parameter that is echoed: its value lands in the console and in DescribeStacks too
        for (Template.Parameter p : refParameters(template, variable)) {
            boolean named = secretNamed || EnvironmentSecretJudge.isSecretName(p.name());
            Optional<String> literalDefault = literalDefault(p);
            if (named && literalDefault.isPresent()) {
                return Optional.of(Finding.builder(INFO)
                        .location(Locations.of(template, variable.position()))
                        .logicalPosition(variable.path())
                        .message(where + " takes " + (template.format() == Template.Format.TERRAFORM ? "variable " : "parameter ")
                                + p.name() + ", whose default is a literal written in the template")
                        .secret(literalDefault.get())
                        .build());
            }
            if (!p.noEcho() && named && template.format() != Template.Format.TERRAFORM
                    && !p.type().startsWith("AWS::SSM::Parameter")) {
                return Optional.of(Finding.builder(INFO)
                        .location(Locations.of(template, variable.position()))
                        .logicalPosition(variable.path())
                        .message(where + " takes parameter " + p.name() + ", which has no NoEcho: the secret is "
                                + "shown in the console and stored in the function's configuration in plaintext")
                        .build());
            }
        }
        return Optional.empty();
    }

    private static String what(EnvironmentSecretJudge.Verdict v) {
        return switch (v.kind()) {
            case KNOWN_FORMAT -> "a " + v.description();
            case URL_CREDENTIALS -> v.description();
            case SECRET_NAME -> v.documentationExample()
                    ? "a literal value (a documentation example is still a literal here)" : "a literal value";
        };
    }

    private static Optional<String> literalDefault(Template.Parameter p) {
        if (p.defaultValue() instanceof dev.hushlint.rules.tree.Node.ScalarNode d && d.value() instanceof String text) {
            return EnvValues.plaintextSecret(d, true).map(EnvironmentSecretJudge.Verdict::secret).filter(v -> v.equals(text.strip()));
        }
        return Optional.empty();
    }

    /** Parameters a value refers to: CloudFormation {@code Ref}/{@code ${P}}, Terraform {@code var.p}. */
    private static List<Template.Parameter> refParameters(Template template, Template.EnvVariable variable) {
        List<Template.Parameter> out = new ArrayList<>();
        if (variable.value() instanceof dev.hushlint.rules.tree.Node.ExpressionNode e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^var\\.([A-Za-z0-9_-]+)$").matcher(e.source().strip());
            if (m.matches()) {
                template.parameter(m.group(1)).ifPresent(out::add);
            }
            return out;
        }
        for (String name : Intrinsics.references(variable.value())) {
            template.parameter(name).ifPresent(out::add);
        }
        return out;
    }
}
