package dev.hushlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.fixtures.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private static final Path DEMO = FixtureHarness.fixturesModule().resolve("demo");

    @TempDir
    Path tmp;

    @Test
    void versionAndHelp() {
        Cli version = Cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("hushlint ");
        Cli help = Cli.run("scan", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Exit codes:", "--fail-on", "--respect-gitignore", "--max-file-size", "--threads",
                "--category", "--base-dir", "--quiet", "--debug");
        assertThat(Cli.run("--help").out()).contains("scan", "rules", "3   internal error");
    }

    @Test
    void findingsAtOrAboveTheThresholdExitOne() {
        Cli scan = Cli.run("scan", DEMO.toString(), "--base-dir", DEMO.toString());
        assertThat(scan.code()).isEqualTo(1);
        assertThat(scan.out()).contains("src/main/java/com/example/orders/OrderHandler.java", "java/hardcoded-credential")
                .contains("findings (");
        assertThat(Cli.run("scan", DEMO.toString(), "--fail-on", "none").code()).isZero();
        assertThat(Cli.run("scan", DEMO.toString(), "--fail-on", "CRITICAL").code()).isEqualTo(1);
    }

    @Test
    void aCleanTreeExitsZero() throws IOException {
        Files.writeString(tmp.resolve("App.java"), "class App {}\n");
        Cli scan = Cli.run("scan", tmp.toString(), "--fail-on", "low");
        assertThat(scan.code()).isZero();
        assertThat(scan.out()).contains("0 findings");
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        for (String[] args : new String[][] {
                {"scan", "--no-such-option"},
                {"scan", "/no/such/path"},
                {"scan", ".", "--max-file-size", "lots"},
                {"scan", ".", "--base-dir", "/no/such/dir"},
                {"scan", ".", "--fail-on", "severe"},
                {"scan", ".", "--threads", "0"},
                {"scan", ".", "--format", "sarif", "--category", "a/b"},
                {"frobnicate"}}) {
            Cli r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("hushlint: ").doesNotContain("\tat ");
        }
    }

    @Test
    void sarifOfTheDemoIsValidAndByteIdenticalWhateverTheThreadCount() throws IOException {
        Path a = tmp.resolve("a.sarif");
        Path b = tmp.resolve("b.sarif");
        assertThat(Cli.run("scan", DEMO.toString(), "--base-dir", DEMO.toString(), "--format", "sarif",
                "--output", a.toString(), "--threads", "1").code()).isEqualTo(1);
        Cli second = Cli.run("scan", DEMO.toString(), "--base-dir", DEMO.toString(), "--format", "sarif",
                "--output", b.toString(), "--threads", "4");
        assertThat(second.err()).contains("report written to");
        String sarif = Files.readString(a);
        assertThat(SarifSchema.validate(sarif)).isEmpty();
        assertThat(Files.readString(b)).isEqualTo(sarif);
        JsonNode run = new ObjectMapper().readTree(sarif).at("/runs/0");
        assertThat(run.at("/automationDetails/id").asText()).isEqualTo("hushlint/");
        assertThat(run.get("results").size()).isGreaterThanOrEqualTo(2);
        assertThat(Cli.run("scan", DEMO.toString(), "--format", "sarif", "--category", "backend", "-q").out())
                .contains("\"id\": \"backend/\"");
    }

    @Test
    void jsonAndRulesOutput() throws IOException {
        Cli json = Cli.run("scan", DEMO.toString(), "--base-dir", DEMO.toString(), "--format", "json", "--fail-on", "none");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.at("/summary/findings").asInt()).isEqualTo(root.get("findings").size());
        assertThat(root.at("/findings/0/path").asText()).doesNotStartWith("/");
        Cli rules = Cli.run("rules", "--format", "json");
        assertThat(rules.code()).isZero();
        assertThat(new ObjectMapper().readTree(rules.out()).get(0).get("id").asText()).contains("/");
        assertThat(Cli.run("rules").out()).contains("ID", "SEVERITY", "secret/known-format");
    }

    @Test
    void notificationsNeverChangeTheExitCode() throws IOException {
        Files.write(tmp.resolve("big.txt"), new byte[2048]);
        Files.writeString(tmp.resolve("large.txt"), "x".repeat(5000));
        Cli r = Cli.run("scan", tmp.toString(), "--max-file-size", "1k", "--fail-on", "low");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("file-too-large");
    }
}
