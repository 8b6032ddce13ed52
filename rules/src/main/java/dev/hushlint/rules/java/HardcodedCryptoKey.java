package dev.hushlint.rules.java;

import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;

/**
 * A literal that reaches a key parameter: {@code SecretKeySpec}, {@code PBEKeySpec}/{@code DESKeySpec},
 * private-key specs, JWT signing ({@code Algorithm.HMAC256}, JJWT {@code signWith}/{@code Keys.hmacShaKeyFor},
 * Nimbus {@code MACSigner}), Shiro cipher keys, Spring {@code Encryptors}.
 */
public final class HardcodedCryptoKey implements Rule<JavaSource> {

    public static final RuleInfo INFO = RuleInfo.builder("java/hardcoded-crypto-key")
            .name("HardcodedCryptoKey")
            .severity(Severity.HIGH)
            .summary("A cryptographic key or JWT signing secret is hardcoded in Java source")
            .help("""
                    A literal — a string, its `getBytes()`/`toCharArray()`, a decoded Base64/hex string or a \
                    `byte[]` initialiser — is used as key material: `new SecretKeySpec(…)`, `new PBEKeySpec(…)`, \
                    `DESKeySpec`, `PKCS8EncodedKeySpec`, private-key specs, `Algorithm.HMAC256(…)` (auth0), \
                    `Keys.hmacShaKeyFor(…)`/`signWith(…)` (JJWT), `new MACSigner(…)` (Nimbus), Shiro's \
                    `setCipherKey(…)` or Spring's `Encryptors`. Whoever reads the source can decrypt the data or \
                    forge tokens (a forged JWT is a login as anyone), and the key cannot be rotated without a release.

                    Hex constants and curve parameters that are not passed as a key, IVs and salts are not reported.

                    **Fix:** generate the key, keep it in AWS Secrets Manager or a KMS key (use KMS `Sign`/`GenerateMac` \
                    or envelope encryption so the key never leaves KMS), read it once outside the Lambda handler.

                    Bad:
                    ```java
                    private static final Algorithm JWT = Algorithm.HMAC256("k3y-f0r-s1gning-t0kens");
                    ```
                    Good:
                    ```java
                    private static final SecretCache SECRETS = new SecretCache();
                    private static Algorithm jwt() {
                        return Algorithm.HMAC256(SECRETS.getSecretString(System.getenv("JWT_SECRET_ARN")));
                    }
                    ```""")
            .cwe(321, 798)
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
