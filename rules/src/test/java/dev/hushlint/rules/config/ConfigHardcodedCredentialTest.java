package dev.hushlint.rules.config;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigHardcodedCredentialTest {

    private static RuleResult check(String name, String text) {
        return new ConfigHardcodedCredential().check(TextFile.of(name, text), ScanContext.empty(Path.of("")));
    }

    @Test
    void templatesAreLeftToTheIacRules() {
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MasterUserPassword: Zq8-vLm3Tx7w
                """;
        assertThat(check("application-stack.yml", template).findings()).isEmpty();
        assertThat(check("serverless.yml", "provider:\n  environment:\n    DB_PASSWORD: Zq8-vLm3Tx7w\n").findings()).isEmpty();
        assertThat(check("application.yml", "db:\n  password: Zq8-vLm3Tx7w\n").findings()).hasSize(1);
    }

    @Test
    void filesOfOtherKindsAreNotRead() {
        assertThat(check("README.md", "password=Zq8-vLm3Tx7w").findings()).isEmpty();
        assertThat(check("template.yaml", "password: Zq8-vLm3Tx7w").findings()).isEmpty();
    }

    @Test
    void aBrokenFileIsANotificationWithoutItsText() {
        RuleResult result = check("application.yml", "db:\n  password: [Zq8-vLm3Tx7w\n  other: {\n");
        assertThat(result.findings()).isEmpty();
        assertThat(result.notifications()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("parse-error");
            assertThat(n.message()).doesNotContain("Zq8-vLm3Tx7w");
        });
        RuleResult xml = check("settings.xml", "<settings><password>Zq8-vLm3Tx7w</passw></settings>");
        assertThat(xml.notifications()).extracting(n -> n.code()).containsExactly("parse-error");
    }

    @Test
    void externalEntitiesAreNotResolved() {
        RuleResult result = check("settings.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <settings><password>&x;</password></settings>
                """);
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.secret()).doesNotContain("root:"));
    }

    @Test
    void findingsPointAtTheValueAndNameTheKey() {
        RuleResult result = check("application.properties", "a=1\nspring.datasource.password = Zq8-vLm3Tx7w\n");
        Finding f = result.findings().get(0);
        assertThat(f.location().startLine()).isEqualTo(2);
        assertThat(f.location().startColumn()).isEqualTo(30);
        assertThat(f.logicalPosition()).isEqualTo("spring.datasource.password");
        assertThat(f.message()).doesNotContain("Zq8-vLm3Tx7w");
    }

    @Test
    void kubernetesStyleNameValuePairsInYaml() {
        RuleResult result = check("values.yaml", """
                env:
                  - name: DB_PASSWORD
                    value: Zq8-vLm3Tx7w
                  - name: DB_USER
                    value: orders
                """);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.location().startLine()).isEqualTo(3));
    }
}
