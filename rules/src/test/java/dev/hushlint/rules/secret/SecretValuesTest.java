package dev.hushlint.rules.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared false-positive filters. Every value here is fake; random-looking ones were generated for the test. */
class SecretValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "CHANGE_ME", "ChangeMe", "changeit", "REPLACE_ME", "replace-me",
            "your-api-key", "YOUR_API_KEY", "yourApiKey", "your_secret_here", "<token>", "<your-token>", "${DB_PASSWORD}",
            "{{ secrets.TOKEN }}", "%API_KEY%", "ENC(AbCd==)", "xxxx", "XXXXXXXX", "****", "TODO", "todo: fill in",
            "placeholder", "dummy", "REDACTED", "example", "my-example-token", "insert-key-here", "not-a-real-secret",
            "fake_password", "changeme123", "Todo1", "yourApiKey2", "sk-proj-...", "sk_live_\u2026", "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "sk_live_****", "123456", "aaaaaaaa", "abcabcabc", "\"changeme\"", "  ", ""})
    void placeholders(String value) {
        assertThat(SecretValues.isPlaceholder(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sup3rS3cret99", "k8TodoX3mQ9vLp2RwZt7nB4c", "q9ZexampleV7RtL2wN8kP3sJ6hD1fG0aY5uE",
            "Hk2todoPq9LmZ7vXc3RtN8bW1sD4gF6jE", "nL73WfbzSsv2/UIh18GiQhJdqilw+NyK/hPA6FXB", "ZuK2wiLBCDummyYM0shZFdM4HEiu8TWQ",
            "correct horse battery staple", "s3cr3t-Pa55", "Xx9kL2mQ", "Passw0rd2024"})
    void realLookingValuesAreNotPlaceholders(String value) {
        assertThat(SecretValues.isPlaceholder(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "sk_live_000000000000000000000000", "xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
            "AKIA1234567890ABCDEF", "glpat-abcdefghijklmnopqrst", "ghp_ab12************************cd34",
            "sk-proj-...", "ghp_abababababababababababababababababab"})
    void tokenShapedPlaceholders(String value) {
        assertThat(SecretValues.isTokenShapedPlaceholder(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"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", "AKIA7G4KA4QNYFYL6EZU",
            "xoxb-8702723319-4785981414316-QK9abDCAAOOc1t3E9lh1OQlt", "sk_live_FyltRcz5MQCjTYNWljTjaKaB"})
    void randomTokensAreNotTokenShapedPlaceholders(String value) {
        assertThat(SecretValues.isTokenShapedPlaceholder(value)).as(value).isFalse();
        assertThat(SecretValues.isPlaceholder(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
            "ASIAQNYFYL6EZEXAMPLE", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
            "gho_16C7e42F292c6912E7710c838347Ae178B4a",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
            // jwt.io's John Doe payload with another signature
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30"})
    void documentationExamples(String value) {
        assertThat(SecretValues.isDocumentationExample(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIA7G4KA4QNYFYL6EZU", "q9ZexampleV7RtL2wN8kP3sJ6hD1fG0aY5uE", "nL73WfbzSsv2/UIh18GiQhJdqilw+NyK/hPA6FXB",
            "EXAMPLEq9ZV7RtL2wN8kP3sJ6hD1fG0aY5uE"})
    void notDocumentationExamples(String value) {
        assertThat(SecretValues.isDocumentationExample(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk_live_FyltRcz5MQCjTYNWljTjaKaB", "AC18c8fc9d640075fcc2efb086dfede158",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk2vQ9ZmT3pL8rW7xN4bC6sD1fG0aY5uE2jK9hR3tM ci@build",
            "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
            "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG"})
    void publicMaterial(String value) {
        assertThat(SecretValues.isPublicMaterial(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_FyltRcz5MQCjTYNWljTjaKaB", "SK18c8fc9d640075fcc2efb086dfede158",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "Sup3rS3cret99"})
    void notPublicMaterial(String value) {
        assertThat(SecretValues.isPublicMaterial(value)).as(value).isFalse();
    }

    @Test
    void jwtSignedWithADocumentationKeyIsASample() throws Exception {
        String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"sub\":\"user-7f3k9\",\"iat\":1735689600}");
        assertThat(SecretValues.isDocumentationExample(sign(header, payload, "your-256-bit-secret"))).isTrue();
        assertThat(SecretValues.isDocumentationExample(sign(header, payload, "secret"))).isTrue();
        assertThat(SecretValues.isDocumentationExample(sign(header, payload, "k9Zq3mT7vLp2RwXc8nB4"))).isFalse();
        assertThat(SecretValues.isDocumentationExample(header + "." + b64url("{\"some\": \"payload\"}") + ".c2lnbmF0dXJlLWJ5dGVz"))
                .isTrue();
    }

    private static String b64url(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sign(String header, String payload, String key) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] sig = mac.doFinal((header + "." + payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return header + "." + payload + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    @Test
    void hashesAndUuids() {
        assertThat(SecretValues.isHexHash("18c8fc9d640075fcc2efb086dfede1589caba552")).isTrue(); // SHA-1 length
        assertThat(SecretValues.isHexHash("d41d8cd98f00b204e9800998ecf8427e")).isTrue();
        assertThat(SecretValues.isHexHash("18c8fc9d640075fcc2efb086dfede1589caba55")).isFalse(); // 39
        assertThat(SecretValues.isHexHash("ZuK2wxilBCx24XYM0shZFdM4HEiu8TWQXCZEOwxn")).isFalse();
        assertThat(SecretValues.isUuid("3f2c1e9a-7b4d-4c8e-9a1f-2d3e4f5a6b7c")).isTrue();
        assertThat(SecretValues.isUuid("3f2c1e9a7b4d4c8e9a1f2d3e4f5a6b7c")).isFalse();
        assertThat(SecretValues.isPasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"))
                .isTrue();
        assertThat(SecretValues.isPasswordHash("Sup3rS3cret99")).isFalse();
    }

    @Test
    void referencesAndIdentifiers() {
        assertThat(SecretValues.isReference("${GITHUB_TOKEN}")).isTrue();
        assertThat(SecretValues.isReference("{{resolve:secretsmanager:prod/db:SecretString:password}}")).isTrue();
        assertThat(SecretValues.isReference("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")).isFalse();
        assertThat(SecretValues.isSecretIdentifier("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"))
                .isTrue();
        assertThat(SecretValues.isSecretIdentifier("prod/orders/db-password")).isTrue();
        assertThat(SecretValues.isSecretIdentifier("nL73WfbzSsv2/UIh18GiQhJdqilw+NyK/hPA6FXB")).isFalse();
    }

    @Test
    void repetitionAndSequences() {
        assertThat(SecretValues.isRepetitive("000000")).isTrue();
        assertThat(SecretValues.isRepetitive("abcdefgh")).isTrue();
        assertThat(SecretValues.isRepetitive("987654")).isTrue();
        assertThat(SecretValues.isRepetitive("xyzxyzxyz")).isTrue();
        assertThat(SecretValues.isRepetitive("k8TodoX3")).isFalse();
    }
}
