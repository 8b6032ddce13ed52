package dev.hushlint.rules.iac;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.secret.EnvironmentSecretJudge;
import dev.hushlint.rules.secret.SecretDetector;
import dev.hushlint.rules.secret.SecretMatch;
import dev.hushlint.rules.secret.SecretValues;
import dev.hushlint.rules.tree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A secret value written into a template: password properties, SecretString, SSM String parameters, defaults. */
public final class HardcodedSecretValue implements Rule<Template> {

    public static final RuleInfo INFO = RuleInfo.builder("iac/hardcoded-secret-value")
            .name("HardcodedSecretValue")
            .severity(Severity.HIGH)
            .summary("A secret value is written into an infrastructure template")
            .help("""
                    The template itself holds the secret: a literal `MasterUserPassword`/`Password`-like \
                    property, a literal `SecretString` of an `AWS::SecretsManager::Secret` (stored in the \
                    secret, but also in the repository and the stack's template), an `AWS::SSM::Parameter` of \
                    type `String` holding a credential, a parameter with a literal `Default` that feeds a \
                    password property, or a plain `{{resolve:ssm:…}}` (an unencrypted String parameter) for a \
                    password. `{{resolve:secretsmanager:…}}` and `{{resolve:ssm-secure:…}}` are fine.

                    **Fix:** rotate the value, then let the service generate and keep it \
                    (`ManageMasterUserPassword: true`, `GenerateSecretString`) or reference Secrets Manager.

                    Bad:
                    ```yaml
                    Database:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        MasterUserPassword: Tr0ub4dor-x9Kq
                    ```
                    Good:
                    ```yaml
                    Database:
                      Type: AWS::RDS::DBInstance
                      Properties:
                        MasterUserPassword: '{{resolve:secretsmanager:prod/orders/db:SecretString:password}}'
                    ```""")
            .cwe(798, 259)
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
        for (Template.CredentialValue value : template.credentialValues()) {
            check(template, value).ifPresent(findings::add);
        }
        for (Template.Parameter p : template.parameters()) {
            if (template.passwordParameters().contains(p.name()) && p.defaultValue() instanceof Node.ScalarNode d
                    && d.value() != null && !isTypeOrSentinel(d.text())) {
                findings.add(Finding.builder(INFO)
                        .location(Locations.of(template, p.position()))
                        .logicalPosition(p.path())
                        .message(template.format() == Template.Format.TERRAFORM
                                ? "Variable " + p.name() + " feeds a password attribute and has a literal default"
                                + (p.noEcho() ? " (sensitive hides the value from plan output, not from the file)" : "")
                                : "Parameter " + p.name() + " feeds a password property and has a literal Default"
                                + (p.noEcho() ? " (NoEcho hides the value from the console, not from the template)" : ""))
                        .secret(d.text())
                        .build());
            }
        }
        return RuleResult.of(findings);
    }

    /** {@code Default: String} (the type name written by mistake), {@code none}, empty: no value, a sentinel. */
    private static boolean isTypeOrSentinel(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("String") || t.equalsIgnoreCase("none") || t.equalsIgnoreCase("null")
                || SecretValues.isPlaceholder(t) || SecretValues.isReference(t);
    }

    private Optional<Finding> check(Template template, Template.CredentialValue credential) {
        for (Node alternative : Intrinsics.alternatives(credential.value())) {
            Optional<Finding> f = switch (credential.kind()) {
                case SSM_STRING_PARAMETER -> ssmParameter(template, credential, alternative);
                case PASSWORD_PROPERTY, SECRET_STRING -> property(template, credential, alternative);
            };
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> property(Template template, Template.CredentialValue c, Node value) {
        String where = (c.kind() == Template.CredentialValue.Kind.SECRET_STRING ? "SecretString" : c.name())
                + " of " + c.resourceId();
        if (EnvValues.resolvesPlainSsm(value)) {
            return Optional.of(finding(template, c, where + " is read from a plain SSM String parameter "
                    + "({{resolve:ssm:…}}), which is stored unencrypted; use ssm-secure or Secrets Manager", null));
        }
        Optional<String> literal = literal(value);
        if (literal.isEmpty()) {
            return c.kind() == Template.CredentialValue.Kind.SECRET_STRING ? literalField(template, c, value, where)
                    : Optional.empty();
        }
        String v = literal.get().strip();
        if (v.isEmpty() || v.contains("{{resolve:") || SecretValues.isPlaceholder(v) || SecretValues.isReference(v)
                || (c.kind() == Template.CredentialValue.Kind.PASSWORD_PROPERTY && (SecretValues.isSecretIdentifier(v)
                || v.startsWith("arn:")))) {
            return Optional.empty();
        }
        return Optional.of(finding(template, c, where + " is a literal value written in the template", v));
    }

    private Optional<Finding> ssmParameter(Template template, Template.CredentialValue c, Node value) {
        Optional<String> literal = literal(value);
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        String v = literal.get().strip();
        Optional<SecretMatch> token = SecretDetector.standard().matchWhole(v);
        if (token.isPresent()) {
            return Optional.of(finding(template, c, "SSM parameter " + c.name() + " of type String holds a "
                    + token.get().pattern().description() + "; use a SecureString parameter", v));
        }
        if (!EnvironmentSecretJudge.isSecretName(c.name()) || v.length() < 6
                || SecretValues.isPlaceholder(v) || SecretValues.isReference(v) || SecretValues.isSecretIdentifier(v)
                || v.contains("${") || v.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(finding(template, c, "SSM parameter " + c.name() + " of type String holds a "
                + "secret-looking literal; use a SecureString parameter or Secrets Manager", v));
    }

    private static final java.util.regex.Pattern JSON_FIELD =
            java.util.regex.Pattern.compile("\"([A-Za-z0-9_.-]+)\"\\s*:\\s*\"([^\"$]*)\"");

    /**
     * A secret-named field with a literal value inside a SecretString built from variables:
     * {@code !Sub '{"username": "${User}", "password": "hunter2…"}'} or Terraform {@code jsonencode({password = "…"})}.
     */
    private Optional<Finding> literalField(Template template, Template.CredentialValue c, Node value, String where) {
        if (value instanceof Node.ExpressionNode e && "jsonencode".equals(e.function()) && !e.arguments().isEmpty()
                && e.arguments().get(0) instanceof Node.MapNode map) {
            for (Map.Entry<String, Node> field : map.entries().entrySet()) {
                if (EnvironmentSecretJudge.isSecretName(field.getKey()) && field.getValue() instanceof Node.ScalarNode s
                        && s.value() instanceof String text && realLiteral(text)) {
                    return Optional.of(finding(template, c, where + " holds a literal " + field.getKey(), text.strip()));
                }
            }
            return Optional.empty();
        }
        Optional<Map.Entry<String, Node>> fn = Intrinsics.function(value);
        if (fn.isPresent() && fn.get().getKey().equals("Fn::Sub")) {
            for (String text : Intrinsics.strings(fn.get().getValue())) {
                java.util.regex.Matcher m = JSON_FIELD.matcher(text);
                while (m.find()) {
                    if (EnvironmentSecretJudge.isSecretName(m.group(1)) && realLiteral(m.group(2))) {
                        return Optional.of(finding(template, c, where + " holds a literal " + m.group(1), m.group(2).strip()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean realLiteral(String text) {
        String v = text.strip();
        return !v.isEmpty() && !v.contains("${") && !v.contains("{{") && !SecretValues.isPlaceholder(v)
                && !SecretValues.isReference(v) && !SecretValues.isSecretIdentifier(v);
    }

    /** The literal a value is: a plain string, or an {@code Fn::Sub} without variables. */
    private static Optional<String> literal(Node value) {
        if (value instanceof Node.ScalarNode s && s.value() instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Node.ScalarNode s && s.value() instanceof Number n) {
            return Optional.of(s.text());
        }
        Optional<Map.Entry<String, Node>> fn = Intrinsics.function(value);
        if (fn.isPresent() && fn.get().getKey().equals("Fn::Sub") && fn.get().getValue() instanceof Node.ScalarNode s
                && !s.text().contains("${")) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    private static Finding finding(Template template, Template.CredentialValue c, String message, String secret) {
        return Finding.builder(INFO)
                .location(Locations.of(template, c.position()))
                .logicalPosition(c.path())
                .message(message)
                .secret(secret)
                .build();
    }
}
