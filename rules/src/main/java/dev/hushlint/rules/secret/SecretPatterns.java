package dev.hushlint.rules.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The library of secret formats, as data. Sorted by id. Each entry carries its own true and false examples;
 * {@code SecretPatternsTest} runs every one of them.
 */
public final class SecretPatterns {

    private static final List<SecretPattern> ALL = build();

    private SecretPatterns() {
    }

    public static List<SecretPattern> all() {
        return ALL;
    }

    private static List<SecretPattern> build() {
        List<SecretPattern> p = new ArrayList<>();
        p.add(pattern("aws-access-key-id", "AWS access key id",
                "\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b", 1, List.of("akia", "asia", "abia", "acca"), 3.0,
                List.of("aws_access_key_id = AKIAZ4J7QW3R5T6Y2UPV"),
                List.of("AKIAIOSFODNN7EXAMPLE", "AKIAAAAAAAAAAAAAAAAA")));
        p.add(pattern("github-classic-token", "GitHub token",
                "\\b(gh[pousr]_[A-Za-z0-9]{36})\\b", 1, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), 3.0,
                List.of("token: ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO"),
                List.of("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")));
        p.add(pattern("private-key", "PEM private key",
                "(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{64,}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)",
                1, List.of("private key"), 0,
                List.of("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----"),
                List.of("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----")));
        p.add(pattern("slack-token", "Slack token",
                "\\b(xox[baprseo]-[0-9]{10,13}-[0-9]{10,13}(?:-[0-9]{10,13})?-[A-Za-z0-9]{24,34})\\b", 1,
                List.of("xox"), 3.0,
                List.of("SLACK_TOKEN=xoxb-2917364502-1837465019283-Zq8vR3mT6wK1pX9sL4nJ7hYc"),
                List.of("xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx")));
        p.add(pattern("stripe-secret-key", "Stripe secret key",
                "\\b((?:sk|rk)_(?:live|prod)_[A-Za-z0-9]{10,99})\\b", 1, List.of("sk_live_", "rk_live_", "sk_prod_", "rk_prod_"), 3.0,
                List.of("stripe.apiKey = \"sk_live_4eC39HqLyjWDarjtT1zdp7dcH2kQ9m\""),
                List.of("pk_live_4eC39HqLyjWDarjtT1zdp7dcH2kQ9m", "sk_live_xxxxxxxxxxxxxxxxxxxx")));
        p.add(pattern("google-api-key", "Google API key",
                "\\b(AIza[0-9A-Za-z_-]{35})\\b", 1, List.of("aiza"), 3.0,
                List.of("key=AIzaSyD4k9Rm2Qx7Vt1Wn8Zp3Lc6Hb0Jf5Ge2Ua"),
                List.of("AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")));
        p.sort(Comparator.comparing(SecretPattern::id));
        return List.copyOf(p);
    }

    private static SecretPattern pattern(String id, String description, String regex, int group,
                                         List<String> keywords, double minEntropy,
                                         List<String> trueExamples, List<String> falseExamples) {
        return new SecretPattern(id, description, Pattern.compile(regex), group, keywords, minEntropy,
                trueExamples, falseExamples);
    }
}
