package dev.hushlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.fixtures.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inline suppressions, baselines, configuration and the commands around them, end to end through the CLI. */
class SuppressCliTest {

    // fake tokens generated for these tests
    private static final String ACCEPTED = "ghp_at9iQRRz3grxaCxa0kLTMRsA6bCATDhcxTVa";
    private static final String SUPPRESSED = "ghp_GXIzTlufrnR8NqEYLe0cNOndA3CXYywPiLq4";
    private static final String NEW_ONE = "ghp_WV8IZKlfTQBVizbooH7YWmTsZHyzGXAKMoTd";
    private static final List<String> SECRETS = List.of(ACCEPTED, SUPPRESSED, NEW_ONE);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Cli scan(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "scan";
        args[1] = dir.toString();
        args[2] = "--base-dir";
        args[3] = dir.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Cli.run(args);
    }

    private static JsonNode results(String sarif) throws IOException {
        assertThat(SarifSchema.validate(sarif)).isEmpty();
        return new ObjectMapper().readTree(sarif).path("runs").get(0).path("results");
    }

    @Test
    void suppressedFindingsStayOutOfTheGateAndTheSarifUnlessAskedFor() throws IOException {
        write("app.properties", "# hushlint:ignore secret/known-format sandbox bot, no scopes\nbot.token=" + SUPPRESSED + "\n");
        Cli text = scan("--fail-on", "low");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("0 findings", "; 1 suppressed");

        Cli sarif = scan("--format", "sarif");
        assertThat(results(sarif.out())).isEmpty();

        Cli all = scan("--format", "sarif", "--include-suppressed");
        JsonNode result = results(all.out()).get(0);
        assertThat(result.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
        assertThat(result.path("suppressions").get(0).path("justification").asText()).isEqualTo("sandbox bot, no scopes");

        Cli forbidden = scan("--no-inline-ignores");
        assertThat(forbidden.code()).isEqualTo(1);
        assertThat(forbidden.out()).contains("1 finding (");
    }

    @Test
    void notesAboutSuppressionsNeverTripTheGate() throws IOException {
        write("app.properties", "# hushlint:ignore secret/known-format\nbot.token=" + SUPPRESSED
                + "\n# hushlint:ignore secret/known-format the key was removed\nold.token=\n");
        Cli text = scan("--fail-on", "low");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("[suppression-without-reason]", "[suppression-stale]", "0 findings");
        JsonNode run = new ObjectMapper().readTree(scan("--format", "sarif").out()).path("runs").get(0);
        assertThat(run.path("results")).isEmpty();
        assertThat(run.path("invocations").get(0).path("toolExecutionNotifications").toString())
                .contains("suppression-without-reason", "suppression-stale");
    }

    @Test
    void baselineAcceptsKnownFindingsAndGatesOnNewOnes() throws Exception {
        write("src/App.java", """
                class App {
                    String token() {
                        return "%s";
                    }
                }
                """.formatted(ACCEPTED));
        Path baseline = dir.resolve(".hushlint-baseline.json");
        Cli create = Cli.run("baseline", "create", dir.toString(), "--base-dir", dir.toString(), "--output", baseline.toString());
        assertThat(create.code()).isZero();
        assertThat(create.err()).contains("baseline written to", "1 finding accepted");
        assertThat(baseline).exists();

        // the accepted secret moves 20 lines down: still accepted
        write("src/App.java", "\n".repeat(20) + Files.readString(dir.resolve("src/App.java")));
        Cli again = scan("--baseline", baseline.toString(), "--fail-on", "low");
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("1 finding accepted by the baseline, 0 baseline entries no longer found (fixed)");
        assertThat(results(scan("--baseline", baseline.toString(), "--format", "sarif").out())).isEmpty();
        JsonNode accepted = results(scan("--baseline", baseline.toString(), "--format", "sarif", "--include-suppressed").out());
        assertThat(accepted.get(0).path("baselineState").asText()).isEqualTo("unchanged");
        assertThat(accepted.get(0).path("suppressions").get(0).path("kind").asText()).isEqualTo("external");

        // a new secret on the accepted line is reported, and the old entry counts as fixed
        write("src/App.java", Files.readString(dir.resolve("src/App.java")).replace(ACCEPTED, NEW_ONE));
        Cli changed = scan("--baseline", baseline.toString());
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.err()).contains("0 findings accepted by the baseline, 1 baseline entry no longer found (fixed)");
        assertThat(changed.out()).contains("src/App.java", "1 finding (");

        String file = Files.readString(baseline);
        for (String secret : SECRETS) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertThat(file).doesNotContain(secret.substring(i, i + 8));
            }
            for (String alg : List.of("MD5", "SHA-1", "SHA-256")) {
                byte[] d = MessageDigest.getInstance(alg).digest(secret.getBytes(StandardCharsets.UTF_8));
                assertThat(file.toLowerCase()).doesNotContain(HexFormat.of().formatHex(d));
                assertThat(file).doesNotContain(Base64.getEncoder().encodeToString(d).substring(0, 20));
            }
        }
    }

    @Test
    void theIterationCountCanBeRaisedAndIsKeptInTheFile() throws IOException {
        write("a.properties", "bot.token=" + ACCEPTED + "\n");
        Path baseline = dir.resolve("b.json");
        Cli create = Cli.run("baseline", "create", dir.toString(), "--base-dir", dir.toString(), "-o", baseline.toString(),
                "--hash-iterations", "50000");
        assertThat(create.code()).isZero();
        assertThat(new ObjectMapper().readTree(baseline.toFile()).path("hash").path("iterations").asInt()).isEqualTo(50000);
        assertThat(scan("--baseline", baseline.toString()).code()).isZero();
        assertThat(Cli.run("baseline", "create", dir.toString(), "-o", baseline.toString(), "--hash-iterations", "10").code())
                .isEqualTo(2);
    }

    @Test
    void aBrokenBaselineIsAUsageError() throws IOException {
        write("a.txt", "nothing\n");
        Path bad = write("baseline.json", "[1, 2");
        Cli cli = scan("--baseline", bad.toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("baseline.json:1: not valid JSON").doesNotContain("\tat ");
        Cli missing = scan("--baseline", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("baseline file not found");
    }

    @Test
    void configurationErrorsExitTwoWithFileLineAndHintButNoStackTrace() throws IOException {
        write("a.txt", "nothing\n");
        String[][] cases = {
                {"paths:\n  exclud: [x]\n", ":2: unknown key 'exclud' in paths (hint: did you mean 'exclude'?)"},
                {"allow:\n  values: ['(a']\n", ":2: bad regex in allow.values"},
                {"rules:\n  disable: secret/*\n", ":2: rules.disable must be a list, not a string"},
                {"rules: [\n", "not valid YAML"},
        };
        for (String[] c : cases) {
            write(".hushlint.yml", c[0]);
            Cli cli = scan();
            assertThat(cli.code()).as(c[0]).isEqualTo(2);
            assertThat(cli.err()).as(c[0]).contains(".hushlint.yml").contains(c[1]).doesNotContain("\tat ")
                    .doesNotContain("Exception");
        }
        Cli explicit = scan("--config", dir.resolve("missing.yml").toString());
        assertThat(explicit.code()).isEqualTo(2);
        assertThat(explicit.err()).contains("missing.yml: configuration file not found");
    }

    @Test
    void theConfigurationInTheScannedDirectoryApplies() throws IOException {
        write("app.properties", "bot.token=" + SUPPRESSED + "\n");
        write(".hushlint.yml", "rules:\n  severity:\n    secret/*: low\n    config/*: low\n");
        Cli cli = scan();
        assertThat(cli.code()).isZero();
        assertThat(cli.out()).contains("1 finding (0 critical, 0 high, 0 medium, 1 low)");
        Path other = write("elsewhere/strict.yml", "rules:\n  severity:\n    secret/*: high\n");
        assertThat(scan("--config", other.toString()).code()).isEqualTo(1);
    }

    @Test
    void initWritesAStarterThatLoadsAndChangesNothing() throws IOException {
        write("app.properties", "bot.token=" + SUPPRESSED + "\n");
        Cli before = scan("--format", "json");
        Cli init = Cli.run("init", dir.toString());
        assertThat(init.code()).isZero();
        String starter = Files.readString(dir.resolve(".hushlint.yml"));
        assertThat(starter).contains("# ", "customRules", "inlineIgnores: true");
        Cli after = scan("--format", "json");
        assertThat(after.code()).isEqualTo(before.code());
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(after.out()).path("findings")).isEqualTo(json.readTree(before.out()).path("findings"));
        assertThat(json.readTree(after.out()).path("findings")).hasSize(1);
        Cli twice = Cli.run("init", dir.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("already exists", "--force");
        assertThat(Cli.run("init", dir.toString(), "--force").code()).isZero();
    }

    @Test
    void rulesTestRunsTheCustomRuleExamples() throws IOException {
        Path good = write("good.yml", """
                customRules:
                  - id: custom/acme-api-key
                    description: ACME internal API key
                    regex: 'acme_(?P<secret>[a-z0-9]{32})'
                    minEntropy: 3
                    examples:
                      positive: ["key=acme_7f3k9q2m8x4v1n6b0c5z8l2j4h7g1d9s"]
                      negative: ["key=acme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "key=acme_short"]
                """);
        Cli ok = Cli.run("rules", "--test", "--config", good.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("ok   custom/acme-api-key: 1 positive, 2 negative", "all 3 examples passed");

        Path bad = write("bad.yml", Files.readString(good).replace("minEntropy: 3", "minEntropy: 5"));
        Cli fail = Cli.run("rules", "--test", "--config", bad.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.out()).contains("FAIL custom/acme-api-key: positive example 1 is not found")
                .doesNotContain("7f3k9q2m");

        Cli listed = Cli.run("rules", "--config", good.toString());
        assertThat(listed.out()).contains("custom/acme-api-key", "secret/known-format");
    }

    @Test
    void aCustomRuleFromTheConfigurationIsReportedInValidSarifWithItsMetadata() throws IOException {
        write("conf/app.properties", "acme.key=acme_7f3k9q2m8x4v1n6b0c5z8l2j4h7g1d9s\n");
        write(".hushlint.yml", """
                customRules:
                  - id: custom/acme-api-key
                    description: ACME internal API key
                    regex: 'acme_(?P<secret>[a-z0-9]{32})'
                    keywords: [acme_]
                    severity: medium
                    files: ["*.properties"]
                """);
        Cli cli = scan("--format", "sarif");
        assertThat(cli.code()).isZero();
        JsonNode result = results(cli.out()).get(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("custom/acme-api-key");
        assertThat(result.path("level").asText()).isEqualTo("warning");
        assertThat(cli.out()).contains("\"ACME internal API key\"").doesNotContain("7f3k9q2m");
        assertThat(Cli.run("rules", "--explain", "custom/acme-api-key", "--config", dir.resolve(".hushlint.yml").toString()).out())
                .contains("# custom/acme-api-key", "ACME internal API key");
    }

    @Test
    void helpListsTheNewCommandsAndOptions() {
        assertThat(Cli.run("--help").out()).contains("baseline", "init");
        assertThat(Cli.run("scan", "--help").out()).contains("--baseline", "--config", "--no-inline-ignores", "--include-suppressed");
        assertThat(Cli.run("rules", "--help").out()).contains("--explain", "--test");
        Cli baselineHelp = Cli.run("baseline", "create", "--help");
        assertThat(baselineHelp.code()).isZero();
        assertThat(baselineHelp.out()).contains("--output", "salted");
        assertThat(Cli.run("baseline").code()).isEqualTo(2);
    }
}
