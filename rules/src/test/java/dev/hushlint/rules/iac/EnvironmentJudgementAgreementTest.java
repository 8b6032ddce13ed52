package dev.hushlint.rules.iac;

import dev.hushlint.rules.secret.EnvironmentSecretJudge;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aws/lambda-env-plaintext-secret} (live and exported functions) must judge a resolved value exactly as
 * {@code iac/lambda-env-plaintext-secret} judges the same literal in a template: one judgement, two inputs.
 */
class EnvironmentJudgementAgreementTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            DB_PASSWORD          | Tr0ub4dor3xKq9vLmZ                                      | true
            DBPASSWORD           | Tr0ub4dor3xKq9vLmZ                                      | true
            /myapp/api_key       | k9Fq2Lm7Zx4Rt8Wp1Vb6                                    | true
            STAGE                | prod                                                    | false
            DB_USERNAME          | test-user                                               | false
            GITHUB_TOKEN         | ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO                | true
            NOTES                | deploy with ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO   | true
            DATABASE_URL         | postgres://app:Zx9vQ2mLp7Rt@db.internal:5432/orders     | true
            DATABASE_URL         | postgres://app:${DB_PASSWORD}@db.internal:5432/orders   | false
            READ_URL             | postgres://db.internal:5432/orders                      | false
            DB_SECRET_ARN        | arn:aws:secretsmanager:us-east-1:123456789012:secret:x  | false
            DB_PASSWORD          | arn:aws:secretsmanager:us-east-1:123456789012:secret:x  | false
            DB_PASSWORD_PARAM    | /prod/db/password                                       | false
            DB_PASSWORD          | /prod/db/password                                       | false
            API_KEY              | ''                                                      | false
            JWT_SECRET           | ${JWT_SECRET}                                           | false
            DB_PASSWORD          | {{resolve:secretsmanager:prod/db:SecretString:password}} | false
            ADMIN_PASSWORD       | changeme                                                | false
            ADMIN_PASSWORD       | true                                                    | false
            SESSION_TOKEN_TTL    | 3600                                                    | false
            AWS_SECRET_ACCESS_KEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY               | true
            SIGNING_SECRET       | whsec_Lq8Zt2Xv6Nc4Bm9Kp3Rw7Yd1                          | true
            """)
    void sameVerdictAsTheTemplateRule(String name, String value, boolean secret) {
        Optional<EnvironmentSecretJudge.Verdict> live = EnvironmentSecretJudge.standard().judge(name, value);
        Optional<EnvValues.Verdict> template = EnvValues.plaintextSecret(new Node.ScalarNode(value, Position.UNKNOWN),
                SecretNaming.isSecretName(name));
        assertThat(EnvironmentSecretJudge.isSecretName(name)).isEqualTo(SecretNaming.isSecretName(name));
        assertThat(live.isPresent()).as("live verdict").isEqualTo(secret);
        assertThat(template.isPresent()).as("template verdict").isEqualTo(secret);
        if (secret) {
            assertThat(live.get().secret()).isEqualTo(template.get().secret());
            assertThat(live.get().providerToken()).isEqualTo(template.get().knownFormat());
        }
    }
}
