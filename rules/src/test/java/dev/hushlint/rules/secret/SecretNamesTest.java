package dev.hushlint.rules.secret;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared "secret-named" vocabulary and its documented exclusions. */
class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "DB_PASSWORD", "dbPassword", "db.password", "spring.datasource.password",
            "passwd", "pwd", "userPwd", "passphrase", "keyPassphrase", "dbPass", "secret", "clientSecret",
            "client_secret", "jwtSecret", "JWT_SECRET", "apiKey", "API_KEY", "api-key", "x-api-key", "token",
            "authToken", "accessToken", "refresh_token", "bearerToken", "privateKey", "private_key",
            "aws_secret_access_key", "secretAccessKey", "accessKeyId", "AWS_ACCESS_KEY_ID", "credentials",
            "signingKey", "encryptionKey", "javax.net.ssl.keyStorePassword", "aws.secretAccessKey",
            "java.naming.security.credentials", "SECURITY_CREDENTIALS", "masterUserPassword", "_authToken",
            "storepass", "keystorePassword", "sasToken", "Ocp-Apim-Subscription-Key", "setPassword", "withApiKey"})
    void namesASecret(String name) {
        assertThat(SecretNames.isSecretName(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_SECRET_ARN", "SECRET_ID", "secretId", "TOKEN_TTL", "PASSWORD_ENV", "PasswordMinLength",
            "password.min-length", "PASSWORD_KEY", "KEYSTORE_PASSWORD_ENV", "secretName", "SECRET_NAME", "passwordFile",
            "DB_PASSWORD_FILE", "tokenUrl", "TOKEN_ENDPOINT", "passwordEncoder", "secretsManagerClient",
            "PASSWORD_LABEL", "passwordPrompt", "PASSWORD_REGEX", "isPasswordSet", "hasToken", "maxTokens",
            "nextToken", "continuationToken", "clientToken", "paginationToken", "tokenType", "secretVersion",
            "password_hash", "passwordHash", "secretArn", "PARAM_PASSWORD_PATH", "passwordPolicy", "tokenizer",
            "passport", "bypass", "compass", "keyboard", "monkey", "user", "username", "sharedsecretsaccess"})
    void doesNotNameASecretValue(String name) {
        assertThat(SecretNames.isSecretName(name)).as(name).isFalse();
    }

    @Test
    void splitsEveryNamingStyle() {
        assertThat(SecretNames.words("dbPasswordURL")).containsExactly("db", "password", "url");
        assertThat(SecretNames.words("AWS_SECRET_ACCESS_KEY")).containsExactly("aws", "secret", "access", "key");
        assertThat(SecretNames.words("spring.datasource.password")).containsExactly("spring", "datasource", "password");
        assertThat(SecretNames.words("x-api-key")).containsExactly("x", "api", "key");
        assertThat(SecretNames.words("HTTPSProxyPassword")).containsExactly("https", "proxy", "password");
    }

    @Test
    void mentionsSecretEvenForReferences() {
        assertThat(SecretNames.mentionsSecret("DB_SECRET_ARN")).isTrue();
        assertThat(SecretNames.mentionsSecret("orderId")).isFalse();
    }

    @Test
    void passwordFamilyIsKnown() {
        assertThat(SecretNames.isPasswordName("dbPassword")).isTrue();
        assertThat(SecretNames.isPasswordName("storepass")).isTrue();
        assertThat(SecretNames.isPasswordName("apiKey")).isFalse();
    }
}
