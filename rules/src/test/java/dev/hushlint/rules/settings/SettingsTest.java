package dev.hushlint.rules.settings;

import dev.hushlint.engine.Severity;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @TempDir
    Path dir;

    private Settings parse(String yaml) throws ConfigException {
        return Settings.parse(dir.resolve(".hushlint.yml"), yaml);
    }

    private ConfigException error(String yaml) {
        try {
            Settings s = parse(yaml);
            ScanPolicy.of(s, null, true).ruleSet(BuiltInRules.ruleSet());
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void aFullConfigurationLoads() throws ConfigException {
        Settings s = parse("""
                version: 1
                inlineIgnores: false
                rules:
                  disable: [java/*]
                  enable: [java/hardcoded-credential]
                  severity:
                    secret/*: medium
                    secret/known-format: low
                paths:
                  include: ["src/**"]
                  exclude: ["**/generated/**"]
                tests:
                  severity: low
                allow:
                  values: ['^ghp_[A-Za-z0-9]*DEMO']
                  paths: ['^docs/']
                  literals: [pk_demo_123]
                customRules:
                  - id: custom/acme-api-key
                    description: ACME internal API key
                    regex: 'acme_(?P<secret>[a-z0-9]{32})'
                    keywords: [ACME_]
                    minEntropy: 3.5
                    severity: critical
                    files: ["*.properties"]
                    examples:
                      positive: ["key=acme_0123456789abcdefghijklmnopqrstuv"]
                      negative: ["key=acme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]
                """);
        assertThat(s.inlineIgnores()).isFalse();
        assertThat(s.ruleEnabled("java/weak-thing")).isFalse();
        assertThat(s.ruleEnabled("java/hardcoded-credential")).isTrue();
        assertThat(s.ruleEnabled("secret/known-format")).isTrue();
        assertThat(s.severityFor("secret/known-format")).contains(Severity.LOW);
        assertThat(s.severityFor("secret/other")).contains(Severity.MEDIUM);
        assertThat(s.severityFor("iac/x")).isEmpty();
        assertThat(s.testPaths()).isEqualTo(Settings.DEFAULT_TEST_PATHS);
        assertThat(s.testSeverity()).isEqualTo(Severity.LOW);
        assertThat(s.customRules()).singleElement().satisfies(c -> {
            assertThat(c.keywords()).containsExactly("acme_");
            assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(c.truePositives()).hasSize(1);
        });
        assertThat(s.root()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void anEmptyFileIsNoConfiguration() throws ConfigException {
        assertThat(parse("# nothing yet\n").customRules()).isEmpty();
    }

    @Test
    void unknownKeyGivesLineAndSuggestion() {
        ConfigException e = error("""
                paths:
                  exlude: ["a/**"]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains(".hushlint.yml:2: unknown key 'exlude' in paths", "did you mean 'exclude'?");
    }

    @Test
    void unknownTopLevelKeyListsTheAllowedOnes() {
        ConfigException e = error("ignore_everything: true\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.hint()).contains("allowed here:", "customRules", "rules");
    }

    @Test
    void badRegexGivesLineAndRe2Hint() {
        ConfigException e = error("""
                allow:
                  values:
                    - '^ok$'
                    - '(unclosed'
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).startsWith("bad regex in allow.values: ");
        assertThat(e.hint()).contains("RE2");
    }

    @Test
    void backtrackingOnlyConstructsAreRejectedSoNoRegexCanHangTheScan() {
        ConfigException e = error("""
                customRules:
                  - id: custom/x
                    description: x
                    regex: '(?P<secret>(a+)+)\\1'
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("bad regex");
    }

    @Test
    void aCustomRegexWithoutTheSecretGroupIsAnError() {
        ConfigException e = error("""
                customRules:
                  - id: custom/x
                    description: x
                    regex: 'acme_[a-z0-9]{32}'
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.hint()).contains("(?P<secret>");
    }

    @Test
    void wrongTypeGivesLineAndHint() {
        ConfigException e = error("""
                rules:
                  disable: java/*
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("rules.disable must be a list, not a string");
        assertThat(e.hint()).contains("- ");

        ConfigException bool = error("inlineIgnores: sometimes\n");
        assertThat(bool.problem()).isEqualTo("inlineIgnores must be true or false, not a string");

        ConfigException entropy = error("""
                customRules:
                  - id: custom/x
                    description: x
                    regex: '(?P<secret>x)'
                    minEntropy: high
                """);
        assertThat(entropy.line()).isEqualTo(5);
    }

    @Test
    void badSeverityGivesTheChoices() {
        ConfigException e = error("""
                rules:
                  severity:
                    secret/known-format: urgent
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.hint()).isEqualTo("one of critical, high, medium, low");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ConfigException e = error("""
                customRules:
                  - id: custom/x
                    regex: '(?P<secret>x)'
                """);
        assertThat(e.problem()).isEqualTo("custom/x needs 'description'");
    }

    @Test
    void unknownRuleIdIsAnErrorWithItsLine() {
        ConfigException e = error("""
                rules:
                  disable:
                    - secret/known-format
                    - secret/knwon-format
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("no rule or family named 'secret/knwon-format'");
    }

    @Test
    void aCustomRuleMayNotReuseABuiltInId() {
        ConfigException e = error("""
                customRules:
                  - id: secret/known-format
                    description: x
                    regex: '(?P<secret>x)'
                """);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void yamlSyntaxErrorGivesItsLine() {
        ConfigException e = error("""
                rules:
                  disable: [java/*
                paths: {
                """);
        assertThat(e.line()).isPositive();
        assertThat(e.problem()).startsWith("not valid YAML");
    }

    @Test
    void duplicateKeysAreErrors() {
        ConfigException e = error("""
                paths:
                  exclude: [a]
                paths:
                  include: [b]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.hint()).contains("line 1");
    }

    @Test
    void theFileIsLookedUpInEachDirectoryArgumentOnly() throws IOException, ConfigException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path sub = Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve(Settings.FILE_NAME), "rules: {}\n");
        assertThat(Settings.find(List.of(sub))).isEmpty();
        assertThat(Settings.find(List.of(project))).contains(project.resolve(Settings.FILE_NAME).toAbsolutePath());
        Files.writeString(sub.resolve(Settings.FILE_NAME), "rules: {}\n");
        assertThatThrownBy(() -> Settings.find(List.of(project, sub))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--config");
    }

    @Test
    void aMissingFileIsAConfigError() {
        assertThatThrownBy(() -> Settings.load(dir.resolve("nope.yml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }
}
