package dev.hushlint.rules.java;

import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;

/**
 * A literal URL with a password in its user-info ({@code https://u:p@h}, {@code jdbc:postgresql://u:p@h},
 * {@code mongodb+srv://…}), a {@code password=}/{@code pwd=} parameter of a connection URL or string, or an
 * Oracle thin URL {@code user/password@host} — including URLs built by concatenating literals and constants.
 */
public final class CredentialInUrl implements Rule<JavaSource> {

    public static final RuleInfo INFO = RuleInfo.builder("java/credential-in-url")
            .name("CredentialInUrl")
            .severity(Severity.HIGH)
            .summary("A URL or connection string in Java source carries a password")
            // hushlint:ignore java/credential-in-url the help text shows the bad example on purpose
            .help("""
                    A connection URL written in the source holds a password: in its user-info \
                    (`postgresql://app:pw@db…`, `mongodb+srv://app:pw@cluster…`, `amqps://u:pw@broker…`), as a \
                    `password=`/`pwd=` parameter (`jdbc:sqlserver://…;password=…`) or in an Oracle thin URL \
                    (`jdbc:oracle:thin:app/pw@host`). URLs end up in logs, exception messages and metrics, so the \
                    password leaks further than the source. URLs are also followed through concatenations of \
                    literals and constants.

                    Placeholders (`${DB_PASSWORD}`, `{password}`, `%s`) and documentation shapes (`user:password@`) \
                    are not reported.

                    **Fix:** keep the URL without credentials in configuration, and pass the user and password \
                    separately, read at runtime from AWS Secrets Manager (cached outside the Lambda handler) — or \
                    use IAM database authentication and no password at all.

                    Bad:
                    ```java
                    MongoClient client = MongoClients.create("mongodb+srv://orders:hunter2@cluster0.example.net/orders");
                    ```
                    Good:
                    ```java
                    private static final SecretCache SECRETS = new SecretCache();
                    MongoCredential credential = MongoCredential.createCredential("orders", "orders",
                            SECRETS.getSecretString(System.getenv("MONGO_SECRET_ARN")).toCharArray());
                    ```""")
            .cwe(798, 522)
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
                CredentialRuleSupport.lexicon(source).mayHoldUrlCredential());
    }
}
