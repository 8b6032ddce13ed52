package dev.hushlint.cli;

import dev.hushlint.engine.RuleInfo;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rules.md is generated from the rule metadata; this test fails when it is stale. Regenerate with
 * {@code mvn -pl cli -am test -Dtest=RuleDocsTest -Dhushlint.updateDocs=true} (or
 * {@code ./hushlint rules --format markdown > docs/rules.md}).
 */
class RuleDocsTest {

    private static final Path DOC = FixtureHarness.fixturesModule().getParent().resolve("docs/rules.md");

    @Test
    void docsRulesMdIsUpToDateWithTheRuleMetadata() throws IOException {
        Cli cli = Cli.run("rules", "--format", "markdown");
        assertThat(cli.code()).isZero();
        String generated = cli.out();
        if (Boolean.getBoolean("hushlint.updateDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        for (RuleInfo r : BuiltInRules.ruleSet().infos()) {
            assertThat(generated).contains("## " + r.id() + "\n", r.summary(), "hushlint:ignore " + r.id());
        }
        assertThat(Files.readString(DOC))
                .as("docs/rules.md is stale: run mvn -pl cli -am test -Dtest=RuleDocsTest -Dhushlint.updateDocs=true "
                        + "-Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(generated);
    }

    @Test
    void explainPrintsTheSameHelpAsTheDocs() {
        Cli cli = Cli.run("rules", "--explain", "secret/known-format");
        assertThat(cli.code()).isZero();
        assertThat(cli.out()).startsWith("# secret/known-format\n").contains("Bad:", "Good:", "## How to suppress",
                "@SuppressWarnings(\"hushlint:secret/known-format\")", "CWE-798");
        Cli unknown = Cli.run("rules", "--explain", "secret/unknown");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rule named 'secret/unknown'");
    }
}
