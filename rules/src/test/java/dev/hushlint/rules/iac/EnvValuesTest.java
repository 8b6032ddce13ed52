package dev.hushlint.rules.iac;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The judgement of one environment variable (name, literal value), shared by every template format. */
class EnvValuesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DB_PASSWORD                            | Vq7-mxrrjtjVmd4xI0zv                                     | true  | false
            DBPASSWORD                             | Vq7-mxrrjtjVmd4xI0zv                                     | true  | false
            /orders/api_key                        | k9Fq2Lm7Zx4Rt8Wp1Vb6                                     | true  | false
            RELEASE_NOTES                          | see ghp_38AibNyyurlGFb0EkjKWREhbiGjlvhkTp3SK             | true  | true
            BROKER_URL                             | amqps://orders:y4Zr9moEHZhNX@mq.internal:5671            | true  | false
            AWS_SECRET_ACCESS_KEY                  | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY                 | true  | false
            BROKER_URL                             | amqps://orders:${MQ_PASSWORD}@mq.internal:5671           | false | false
            TOKEN_ISSUER                           | https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab | false | false
            STAGE                                  | prod                                                     | false | false
            DB_SECRET_ARN                          | arn:aws:secretsmanager:eu-west-1:111122223333:secret:x   | false | false
            DB_PASSWORD                            | arn:aws:secretsmanager:eu-west-1:111122223333:secret:x   | false | false
            DB_PASSWORD                            | /prod/db/password                                        | false | false
            DB_PASSWORD                            | changeme                                                 | false | false
            DB_PASSWORD                            | '{{resolve:secretsmanager:prod/db:SecretString:password}}' | false | false
            DB_PASSWORD                            | ${ssm:/prod/db/password}                                 | false | false
            SESSION_SECRET                         | off                                                      | false | false
            AUTH_TOKEN                             | Bearer token from the caller                             | false | false
            PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL | debug                                                    | false | false
            TOKEN_TTL                              | 3600                                                     | false | false
            """)
    void judgesNameAndLiteral(String name, String value, boolean secret, boolean token) {
        Optional<dev.hushlint.rules.secret.EnvironmentSecretJudge.Verdict> verdict = EnvValues.plaintextSecret(new Node.ScalarNode(value, Position.UNKNOWN),
                dev.hushlint.rules.secret.EnvironmentSecretJudge.isSecretName(name));
        assertThat(verdict.isPresent()).isEqualTo(secret);
        verdict.ifPresent(v -> assertThat(v.providerToken()).isEqualTo(token));
        verdict.ifPresent(v -> assertThat(value).contains(v.secret()));
    }
}
