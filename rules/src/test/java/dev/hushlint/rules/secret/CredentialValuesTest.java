package dev.hushlint.rules.secret;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The three levels of evidence a literal needs. */
class CredentialValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "123456", "admin", "Sup3rS3cret99", "s3cr3t!", "test"})
    void weakLiteralsCountAtACredentialApi(String value) {
        assertThat(CredentialValues.isCredentialArgument(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "${DB_PASSWORD}", "<password>", "changeme", "CHANGE_ME", "REPLACE_ME", "xxxxxxxx",
            "********", "changeit", "your-api-key", "{cipher}AQB3b7c9", "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)",
            "{{resolve:secretsmanager:prod/db:SecretString:password}}", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf", "null", "true", "%s", "%1$s", "{0}",
            "{}", "?", ":password", "sk-proj-...", "sk_live_XXXXXXXXXXXXXXXX"})
    void neverASecret(String value) {
        assertThat(CredentialValues.isCredentialArgument(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "Tr0ub4dor&3-prod, dbPassword",
            "k8Wz-2qLmT4v, pass",
            "sk_live_9fQ2xWm4Lt7Rz1Kp8Vn3Ys6B, apiKey",
            "3f2a9c1e-7b4d-4e8f-a1c2-d3e4f5a6b7c8, apiToken"})
    void plausibleUnderASecretName(String value, String name) {
        assertThat(CredentialValues.isPlausibleSecretValue(value, name)).as(value).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "db.password, PASSWORD_KEY",
            "keystorepasswordenv, KEYSTORE_PASSWORD_ENV",
            "DB_PASSWORD, PASSWORD_ENV_NAME",
            "password, PASSWORD",
            "Enter your password, passwordText",
            "prod/db/password, SECRET_ID",
            "'^(?=.*[0-9]).{12,}$', password",
            "X-Api-Key, apiKey",
            "Bearer, token",
            "classpath:keys/signing.pem, privateKey",
            "%s:%s, password",
            "1234, pin",
            "3f2a9c1e-7b4d-4e8f-a1c2-d3e4f5a6b7c8, password",
            "5f4dcc3b5aa765d61d8327deb882cf99, adminPassword",
            "abc, pwd",
            "https://auth.example.net/token, tokenEndpointValue"})
    void notPlausibleUnderASecretName(String value, String name) {
        assertThat(CredentialValues.isPlausibleSecretValue(value, name)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "password", "secret", "dummy-token", "12345678", "localpassword"})
    void trivialTestValuesAreNotStrong(String value) {
        assertThat(CredentialValues.isStrongSecret(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk9Xw2Lq7Rz4Tn8Vm1Ks6Hb3Jd5Fg0Yc", "ghp_T7kQ2mLx9Rz4Wv8Pn3Ys6Hb1Jd5Fc0Ga2Eu"})
    void randomOrRealFormatValuesAreStrong(String value) {
        assertThat(CredentialValues.isStrongSecret(value)).as(value).isTrue();
    }
}
