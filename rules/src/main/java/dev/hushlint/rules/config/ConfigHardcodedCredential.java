package dev.hushlint.rules.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.secret.CredentialValues;
import dev.hushlint.rules.secret.SecretNames;
import dev.hushlint.rules.secret.SecretValues;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential key with a literal value in a configuration file: {@code .properties} (incl.
 * {@code gradle.properties}), Spring {@code application*.yml}/{@code bootstrap*.yml}, {@code .env*},
 * Maven {@code settings.xml}, {@code .npmrc} auth tokens, docker-compose {@code environment:}, Dockerfile
 * {@code ENV}/{@code ARG}, JSON settings, log4j2/logback appenders, Tomcat {@code context.xml}.
 * CloudFormation/SAM/Serverless templates are left to the IaC rules.
 */
public final class ConfigHardcodedCredential implements Rule<TextFile> {

    public static final RuleInfo INFO = RuleInfo.builder("config/hardcoded-credential")
            .name("ConfigHardcodedCredential")
            .severity(Severity.HIGH)
            .summary("A password, token or key is written in a configuration file")
            .help("""
                    A configuration key that names a credential (`spring.datasource.password`, `DB_PASSWORD`, \
                    `_authToken`, `<password>`, `jwt.secret`) holds a literal value — in a `.properties`, \
                    `application.yml`, `bootstrap.yml`, `.env`, Maven `settings.xml`, `.npmrc`, \
                    `docker-compose.yml` `environment:`, Dockerfile `ENV`/`ARG`, JSON settings, a log4j2/logback \
                    appender or a Tomcat `context.xml` resource. Configuration files are copied into images, \
                    artefacts and support tickets, and every copy holds the credential. A Spring default in \
                    `${DB_PASSWORD:…}` is reported too, and so is a password in a URL's user-info.

                    Not reported: placeholders (`${DB_PASSWORD}`, `{cipher}…`, `ENC(…)`, `{{resolve:…}}`, `<…>`, \
                    `@db.password@`), empty values, secret names and ARNs, keys that only name or configure a \
                    secret (`password.min-length`, `secret-arn`), and trivial values in test resources. \
                    CloudFormation, SAM and Serverless templates are checked by the IaC rules.

                    **Fix:** rotate the credential; reference it instead of writing it — a Spring placeholder \
                    resolved from the environment, `spring.config.import=aws-secretsmanager:…` or \
                    `aws-parameterstore:…`, or read it with the Secrets Manager caching client outside the \
                    Lambda handler.

                    Bad:
                    ```yaml
                    spring:
                      datasource:
                        password: Tr0ub4dor-prod-7
                    ```
                    Good:
                    ```yaml
                    spring:
                      config:
                        import: aws-secretsmanager:prod/orders/db
                      datasource:
                        password: ${password}
                    ```""")
            .cwe(798, 260)
            .precision("high")
            .build();

    private static final Set<String> NPM_AUTH_KEYS = Set.of("_auth", "_authtoken", "_password", "npmauthtoken");
    private static final Pattern SPRING_DEFAULT = Pattern.compile("^\\$\\{([^:}]+):([^}]*)}$");
    private static final Pattern URL_USERINFO = Pattern.compile(
            "\\b([a-zA-Z][a-zA-Z0-9+.:-]*)://([^/\\s:@?#\"'{}]*):([^\\s@/?#\"']+)@[\\w.\\[\\]-]+");
    private static final Set<String> DOC_PASSWORDS = Set.of("password", "pass", "passwd", "pwd", "secret", "pw");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<TextFile> inputType() {
        return TextFile.class;
    }

    @Override
    public RuleResult check(TextFile file, ScanContext context) {
        ConfigFormat format = ConfigFormat.of(file.fileName());
        if (format == null) {
            return RuleResult.NONE;
        }
        String text = file.text();
        if ((format == ConfigFormat.YAML || format == ConfigFormat.JSON) && ConfigFormat.isTemplate(text)) {
            return RuleResult.NONE;
        }
        if (format == ConfigFormat.XML && !mayHoldCredential(text)) {
            return RuleResult.NONE;
        }
        List<ConfigEntry> entries;
        try {
            entries = switch (format) {
                case PROPERTIES -> LineEntries.properties(text);
                case ENV -> LineEntries.env(text);
                case NPMRC -> LineEntries.npmrc(text);
                case DOCKERFILE -> LineEntries.dockerfile(text);
                case YAML -> StructuredEntries.yaml(text);
                case JSON -> StructuredEntries.json(text);
                case XML -> XmlEntries.read(text);
            };
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            String message = e.getOriginalMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("exceed")) {
                // a limit of the parser (size, nesting), not a syntax error: say which, without quoting the text
                return RuleResult.of(Notification.warning("parse-error", file.path(), line, "could not parse as "
                        + format.name().toLowerCase(Locale.ROOT) + ": over the parser's limits (size or nesting depth);"
                        + " the file was still scanned for known secret formats"));
            }
            return RuleResult.of(parseError(file, format, line));
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            return RuleResult.of(parseError(file, format, line));
        } catch (IOException | RuntimeException e) {
            return RuleResult.of(parseError(file, format, 0));
        }
        boolean testResource = isTestResource(file.displayPath());
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigEntry entry : entries) {
            judge(file, entry, testResource, findings, seen);
        }
        return RuleResult.of(findings);
    }

    private static void judge(TextFile file, ConfigEntry entry, boolean testResource, List<Finding> findings, Set<String> seen) {
        String value = entry.value() == null ? "" : entry.value().strip();
        if (value.isEmpty() || entry.line() < 1) {
            return;
        }
        if (isCredentialName(entry.name())) {
            Matcher fallback = SPRING_DEFAULT.matcher(value);
            if (fallback.matches()) {
                String def = fallback.group(2).strip();
                if (isCredentialValue(def, entry.name(), testResource)) {
                    add(file, entry, def, "Hardcoded default for credential '" + entry.key() + "'", findings, seen);
                }
            } else if (isCredentialValue(value, entry.name(), testResource)) {
                add(file, entry, value, "Hardcoded credential in '" + entry.key() + "'", findings, seen);
            }
            return;
        }
        if (value.contains("://")) {
            Matcher m = URL_USERINFO.matcher(value);
            while (m.find()) {
                String password = m.group(3);
                if (!DOC_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) && !password.contains("${")
                        && CredentialValues.isCredentialArgument(password)
                        && (!testResource || CredentialValues.isStrongSecret(password))) {
                    add(file, entry, password, "Password in the URL of '" + entry.key() + "'", findings, seen);
                }
            }
        }
    }

    static boolean isCredentialName(String name) {
        return SecretNames.isSecretName(name) || NPM_AUTH_KEYS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A literal under a credential key: not a placeholder, reference, name, ARN, path, label or flag. */
    static boolean isCredentialValue(String value, String name, boolean testResource) {
        String v = value.strip();
        if (!CredentialValues.isCredentialArgument(v) || v.contains("${") || v.contains("{{") || v.startsWith("#{")
                || (v.startsWith("@") && v.endsWith("@")) || v.startsWith("!")) {
            return false;
        }
        if (CredentialValues.looksLikeName(v, name) || SecretValues.isSecretIdentifier(v) || v.contains("://")
                || v.startsWith("classpath:") || v.startsWith("file:") || v.startsWith("/") || v.startsWith("./")) {
            return false;
        }
        if (v.indexOf(' ') > 0 && !v.startsWith("-----BEGIN")) {
            return false;
        }
        return !testResource || CredentialValues.isStrongSecret(v);
    }

    private static void add(TextFile file, ConfigEntry entry, String secret, String message, List<Finding> findings,
                            Set<String> seen) {
        if (!seen.add(entry.line() + "\0" + secret)) {
            return;
        }
        findings.add(Finding.builder(INFO)
                .location(locate(file, entry.line(), secret))
                .logicalPosition(entry.key())
                .message(message)
                .secret(secret)
                .build());
    }

    /** The value's own columns when it stands on its line, else the whole line. */
    private static Location locate(TextFile file, int line, String secret) {
        if (line > file.lineCount()) {
            return Location.line(file.path(), 1);
        }
        // XML parsers report a start tag at its last line: look back for the line that holds the value
        for (int l = line; l >= Math.max(1, line - 20); l--) {
            int at = file.line(l).indexOf(secret);
            if (at >= 0) {
                int start = file.lineStart(l) + at;
                return file.location(start, start + secret.length());
            }
        }
        return file.lineLocation(line);
    }

    private static boolean mayHoldCredential(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("pass") || lower.contains("secret") || lower.contains("token") || lower.contains("key")
                || lower.contains("credential") || lower.contains("pwd") || lower.contains("://");
    }

    private static boolean isTestResource(String displayPath) {
        String p = "/" + displayPath.replace('\\', '/');
        return p.contains("/src/test/") || p.contains("/test/") || p.contains("/tests/");
    }

    private static Notification parseError(TextFile file, ConfigFormat format, int line) {
        // parser messages may quote the file's text, which may hold a secret: a generic reason only
        return Notification.warning("parse-error", file.path(), line,
                "could not parse as " + format.name().toLowerCase(Locale.ROOT)
                        + ": syntax error; the file was still scanned for known secret formats");
    }
}
