package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A dynamic reference to a secret, resolved by CloudFormation into a Lambda environment variable. */
public final class LambdaEnvResolvedSecret implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/lambda-env-resolved-secret")
            .name("LambdaEnvResolvedSecret")
            .severity(Severity.MEDIUM)
            .summary("A secret is resolved into a Lambda environment variable at deploy time")
            .help("""
                    `{{resolve:secretsmanager:…}}` and `{{resolve:ssm-secure:…}}` keep the secret out of the \
                    template, but CloudFormation resolves them when it deploys: the function's configuration then \
                    holds the secret in plaintext, readable by anyone allowed `lambda:GetFunctionConfiguration`, \
                    and it does not change when the secret is rotated (AWS documents that dynamic references in \
                    Lambda environment variables are stored resolved).

                    **Fix:** pass the secret's ARN or name, grant the function read access to that one secret, \
                    and fetch it at runtime (e.g. with the Parameters and Secrets Lambda extension).

                    Bad:
                    ```yaml
                    Environment:
                      Variables:
                        DB_PASSWORD: '{{resolve:secretsmanager:prod/orders/db:SecretString:password}}'
                    ```
                    Good:
                    ```yaml
                    Environment:
                      Variables:
                        DB_SECRET_ID: prod/orders/db
                    ```""")
            .cwe(312, 526)
            .precision("very-high")
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
                if (seen.add(variable.path()) && EnvValues.resolvesSecret(variable.value())) {
                    findings.add(Finding.builder(INFO)
                            .location(Locations.of(template, variable.position()))
                            .logicalPosition(variable.path())
                            .message("Lambda environment variable " + variable.name() + " of " + function.id()
                                    + " resolves a secret at deploy time: the function's configuration will hold it "
                                    + "in plaintext; pass the secret's ARN and read it at runtime")
                            .build());
                }
            }
        }
        return RuleResult.of(findings);
    }
}
