package dev.hushlint.rules.secret;

import dev.hushlint.rules.secret.EnvironmentSecretJudge.Kind;
import dev.hushlint.rules.secret.EnvironmentSecretJudge.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one judgement of an environment variable (name, value), used by {@code iac/lambda-env-plaintext-secret}
 * on template literals and by {@code aws/lambda-env-plaintext-secret} on resolved values.
 */
class EnvironmentSecretJudgeTest {

    private final EnvironmentSecretJudge judge = EnvironmentSecretJudge.standard();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            DB_PASSWORD          | Tr0ub4dor3xKq9vLmZ                                      | SECRET_NAME    | Tr0ub4dor3xKq9vLmZ
            DBPASSWORD           | Tr0ub4dor3xKq9vLmZ                                      | SECRET_NAME    | Tr0ub4dor3xKq9vLmZ
            /myapp/api_key       | k9Fq2Lm7Zx4Rt8Wp1Vb6                                    | SECRET_NAME    | k9Fq2Lm7Zx4Rt8Wp1Vb6
            /myapp/api_key/      | k9Fq2Lm7Zx4Rt8Wp1Vb6                                    | SECRET_NAME    | k9Fq2Lm7Zx4Rt8Wp1Vb6
            DB_PASSWORD          | '  Tr0ub4dor3xKq9vLmZ '                                 | SECRET_NAME    | Tr0ub4dor3xKq9vLmZ
            STAGE                | prod                                                    | NULL           | NULL
            DB_USERNAME          | test-user                                               | NULL           | NULL
            GITHUB_TOKEN         | ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO                | KNOWN_FORMAT   | ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO
            NOTES                | deploy with ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO   | KNOWN_FORMAT   | ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO
            DATABASE_URL         | postgres://app:Zx9vQ2mLp7Rt@db.internal:5432/orders     | URL_CREDENTIALS | Zx9vQ2mLp7Rt
            BROKER_URL           | amqps://orders:y4Zr9moEHZhNX@mq.internal:5671           | URL_CREDENTIALS | y4Zr9moEHZhNX
            DATABASE_URL         | postgres://app:${DB_PASSWORD}@db.internal:5432/orders   | NULL           | NULL
            DATABASE_URL         | postgres://app:<password>@db.internal:5432/orders       | NULL           | NULL
            READ_URL             | postgres://db.internal:5432/orders                      | NULL           | NULL
            DB_SECRET_ARN        | arn:aws:secretsmanager:us-east-1:123456789012:secret:x  | NULL           | NULL
            DB_PASSWORD          | arn:aws:secretsmanager:us-east-1:123456789012:secret:x  | NULL           | NULL
            DB_PASSWORD_PARAM    | /prod/db/password                                       | NULL           | NULL
            DB_PASSWORD          | /prod/db/password                                       | NULL           | NULL
            API_KEY              | ''                                                      | NULL           | NULL
            API_KEY              | '   '                                                   | NULL           | NULL
            API_KEY              | NULL                                                    | NULL           | NULL
            JWT_SECRET           | ${JWT_SECRET}                                           | NULL           | NULL
            JWT_SECRET           | ${opt:stage}-Kq9vLmZ7Rt                                 | NULL           | NULL
            DB_PASSWORD          | {{resolve:secretsmanager:prod/db:SecretString:password}} | NULL          | NULL
            DB_PASSWORD          | ${ssm:/prod/db/password}                                | NULL           | NULL
            DB_PASSWORD          | ${env:DB_PASSWORD}                                      | NULL           | NULL
            ADMIN_PASSWORD       | changeme                                                | NULL           | NULL
            ADMIN_PASSWORD       | true                                                    | NULL           | NULL
            SESSION_SECRET       | off                                                     | NULL           | NULL
            SESSION_TOKEN_TTL    | 3600                                                    | NULL           | NULL
            TOKEN_TTL            | 3600                                                    | NULL           | NULL
            AWS_SECRET_ACCESS_KEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY               | SECRET_NAME    | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            SIGNING_SECRET       | whsec_Lq8Zt2Xv6Nc4Bm9Kp3Rw7Yd1                          | SECRET_NAME    | whsec_Lq8Zt2Xv6Nc4Bm9Kp3Rw7Yd1
            TOKEN_ISSUER         | https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab | NULL          | NULL
            OAUTH_TOKEN_URL      | https://auth.example.org/oauth2/token                   | NULL           | NULL
            AUTH_TOKEN           | Bearer token from the caller                            | NULL           | NULL
            DB_PASSWORD          | q7Zx2                                                   | NULL           | NULL
            DB_PASSWORD          | q7Zx2m                                                  | SECRET_NAME    | q7Zx2m
            PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL | debug                                 | NULL           | NULL
            PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE | Kq9vLmZ7RtPw3                        | NULL           | NULL
            SECRETS_MANAGER_TTL  | 300                                                     | NULL           | NULL
            SSM_PARAMETER_STORE_TIMEOUT_MILLIS | 1000                                      | NULL           | NULL
            """)
    void judgesNameAndResolvedValue(String name, String value, Kind kind, String secret) {
        Optional<Verdict> verdict = judge.judge(name, value);
        assertThat(verdict.map(Verdict::kind).orElse(null)).isEqualTo(kind);
        assertThat(verdict.map(Verdict::secret).orElse(null)).isEqualTo(secret);
        verdict.ifPresent(v -> assertThat(v.providerToken()).isEqualTo(kind == Kind.KNOWN_FORMAT));
    }

    @Test
    void aDocumentationExampleUnderASecretNameIsStillALiteral() {
        Verdict v = judge.judge("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").orElseThrow();
        assertThat(v.documentationExample()).isTrue();
        assertThat(judge.judge("DB_PASSWORD", "Tr0ub4dor3xKq9vLmZ").orElseThrow().documentationExample()).isFalse();
        // nor without a secret name: the token-format rule alone ignores example keys
        assertThat(judge.judge("NOTES", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isEmpty();
    }

    @Test
    void theCallerMayNameThePlace() {
        // a template parameter's default that feeds DB_PASSWORD: judged as a secret-named value
        assertThat(judge.judgeValue("Tr0ub4dor3xKq9vLmZ", true)).map(Verdict::kind).contains(Kind.SECRET_NAME);
        assertThat(judge.judgeValue("Tr0ub4dor3xKq9vLmZ", false)).isEmpty();
        assertThat(judge.judgeValue("ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO", false)).map(Verdict::kind)
                .contains(Kind.KNOWN_FORMAT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            -password                                          | NULL
            ':5432/orders/'                                    | NULL
            arn:aws:secretsmanager:${AWS::Region}:secret:db    | NULL
            ${Stage}-Kq9vLmZ7Rt3wPx                            | -Kq9vLmZ7Rt3wPx
            Kq9vLmZ7Rt3wPx${Suffix}                            | Kq9vLmZ7Rt3wPx
            abcdefghijkl                                       | NULL
            postgres://app:Zx9vQ2mLp7Rt@${DbHost}:5432/orders  | Zx9vQ2mLp7Rt
            """)
    void judgesALiteralPieceOfAComposedValue(String fragment, String secret) {
        assertThat(judge.judgeFragment(fragment, true).map(Verdict::secret).orElse(null)).isEqualTo(secret);
    }

    @Test
    void aFragmentUnderAnOrdinaryNameCountsOnlyForATokenOrURLCredentials() {
        assertThat(judge.judgeFragment("${Stage}-Kq9vLmZ7Rt3wPx", false)).isEmpty();
        assertThat(judge.judgeFragment("key=ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO&x=${X}", false))
                .map(Verdict::kind).contains(Kind.KNOWN_FORMAT);
    }

    @Test
    void aVerdictNeverPrintsTheSecret() {
        Verdict v = judge.judge("DB_PASSWORD", "Tr0ub4dor3xKq9vLmZ").orElseThrow();
        assertThat(v.toString()).doesNotContain("Tr0ub4dor3xKq9vLmZ").doesNotContain("Tr0ub4");
    }

    @ParameterizedTest(name = "name [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            DB_PASSWORD                             | true
            DBPASSWORD                              | true
            dbPassword                              | true
            /orders/api_key                         | true
            /orders/api_key//                       | true
            MYSECRET                                | true
            STAGE                                   | false
            DB_SECRET_ARN                           | false
            PARAMETERS_SECRETS_EXTENSION_HTTP_PORT  | false
            secrets_manager_ttl                     | false
            SSM_PARAMETER_STORE_TTL                 | false
            ''                                      | false
            """)
    void judgesNamesAsDeploymentsWriteThem(String name, boolean secretNamed) {
        assertThat(EnvironmentSecretJudge.isSecretName(name)).isEqualTo(secretNamed);
    }
}
