package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.secret.EnvironmentSecretJudge;

import java.util.ArrayList;
import java.util.List;

/** A secret parameter whose value CloudFormation echoes. */
public final class SecretParameterWithoutNoEcho implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/secret-parameter-without-noecho")
            .name("SecretParameterWithoutNoEcho")
            .severity(Severity.MEDIUM)
            .summary("A secret template parameter has no NoEcho")
            .help("""
                    Without `NoEcho: true`, CloudFormation shows a parameter's value in the console, in \
                    `DescribeStacks` and in events: whoever can describe the stack reads the password. Reported \
                    for parameters named like a secret and for parameters that feed a password property.

                    **Fix:** set `NoEcho: true` — better, reference Secrets Manager instead of passing the secret.

                    Bad:
                    ```yaml
                    Parameters:
                      DbPassword:
                        Type: String
                    ```
                    Good:
                    ```yaml
                    Parameters:
                      DbPassword:
                        Type: String
                        NoEcho: true
                    ```""")
            .cwe(200, 532)
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
        for (Template.Parameter p : template.parameters()) {
            if (p.noEcho() || p.type().startsWith("AWS::SSM::Parameter") || p.type().startsWith("AWS::EC2::")
                    || p.type().equals("Number") || p.node().get("AllowedValues").isPresent()) {
                continue; // a number or an enumerated value is a setting, not a secret
            }
            boolean feeds = template.passwordParameters().contains(p.name());
            if (feeds || EnvironmentSecretJudge.isSecretName(p.name())) {
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, p.position()))
                        .logicalPosition(p.path())
                        .message(template.format() == Template.Format.TERRAFORM
                                ? "Variable " + p.name() + (feeds ? " feeds a password attribute" : " is named like a secret")
                                + " but is not sensitive: its value is shown in plan and apply output"
                                : "Parameter " + p.name() + (feeds ? " feeds a password property" : " is named like a secret")
                                + " but has no NoEcho: its value is shown in the console and in DescribeStacks")
                        .build());
            }
        }
        return RuleResult.of(findings);
    }
}
