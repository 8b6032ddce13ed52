package dev.hushlint.rules.java;

import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;

/**
 * A literal that reaches a credential: a credential-taking API parameter (see {@link CredentialSinks}), a
 * secret-named variable, field, constant or getter, a credential key in a map or system property, the
 * fallback of a credential lookup, a comparison with a secret, a Spring {@code @Value} default, a secret-named
 * annotation attribute, a JAAS line or a connection-string key.
 */
public final class HardcodedCredential implements Rule<JavaSource> {

    public static final RuleInfo INFO = RuleInfo.builder("java/hardcoded-credential")
            .name("HardcodedCredential")
            .severity(Severity.HIGH)
            .summary("A password, token or API key is hardcoded in Java source")
            .help("""
                    A string literal (or a `char[]`, `"…".toCharArray()`, text block or concatenation of literals) \
                    reaches a credential: a credential-taking API such as `DriverManager.getConnection`, \
                    `AwsBasicCredentials.create` or `HikariConfig.setPassword`; a variable, field or constant named \
                    like a secret; a credential key (`props.put("password", …)`, \
                    `System.setProperty("javax.net.ssl.keyStorePassword", …)`); the fallback of a lookup \
                    (`getProperty("db.password", "…")`); a comparison (`"…".equals(password)`); or an `@Value` default. \
                    The literal is followed through `static final` fields, effectively-final locals, static imports \
                    and constants of other files; the finding points at the literal and names where it goes.

                    Anyone who can read the repository, a build artefact or a decompiled jar holds the credential, \
                    and it cannot be rotated without a release. As in CodeQL and find-sec-bugs, a weak literal \
                    such as `"123456"` passed to a credential API is reported too; templated placeholders \
                    (`${…}`, `<…>`, `changeme`), empty values and public defaults (`changeit`) are not, nor are \
                    property keys, environment-variable and secret names, labels and ARNs. In test code only \
                    real-format or random-looking values are reported.

                    **Fix:** rotate the credential, then read it at runtime from AWS Secrets Manager or Parameter \
                    Store, once, outside the Lambda handler, and cache it.

                    Bad:
                    ```java
                    public class OrderHandler implements RequestHandler<Order, String> {
                        private static final String DB_PASSWORD = "Tr0ub4dor&3-prod";
                        public String handleRequest(Order order, Context ctx) {
                            try (Connection c = DriverManager.getConnection(URL, "orders", DB_PASSWORD)) { … }
                        }
                    }
                    ```
                    Good:
                    ```java
                    public class OrderHandler implements RequestHandler<Order, String> {
                        // fetched once per execution environment, cached by the caching client
                        private static final SecretCache SECRETS = new SecretCache();
                        public String handleRequest(Order order, Context ctx) {
                            String password = SECRETS.getSecretString(System.getenv("DB_SECRET_ARN"));
                            try (Connection c = DriverManager.getConnection(URL, "orders", password)) { … }
                        }
                    }
                    ```""")
            .cwe(798, 259)
            .precision("high")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<JavaSource> inputType() {
        return JavaSource.class;
    }

    @Override
    public RuleResult check(JavaSource source, ScanContext context) {
        return CredentialRuleSupport.check(INFO, source, context,
                CredentialRuleSupport.lexicon(source).mayHoldCredential());
    }
}
