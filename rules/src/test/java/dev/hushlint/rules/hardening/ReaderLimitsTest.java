package dev.hushlint.rules.hardening;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import dev.hushlint.rules.iac.hcl.HclParser;
import dev.hushlint.rules.tree.YamlTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reader bounds what a hostile file can cost (nesting depth, alias expansion, size) by itself. A file
 * that hits a limit is abandoned with a parse-error notification on it; it is still scanned for known token
 * formats, and the other files of the scan are unaffected.
 */
class ReaderLimitsTest {

    private static final String TOKEN = "AKIAZ7Q3VXPM2LKT5RWN";
    private static final int DEEP = 10_000;

    @TempDir
    Path dir;

    @Test
    void yamlTemplateNestingBeyondTheLimit() throws IOException {
        String yaml = "AWSTemplateFormatVersion: '2010-09-09'\n# key " + TOKEN + "\nResources:\n  X: "
                + "[".repeat(YamlTree.MAX_DEPTH + 5) + "]".repeat(YamlTree.MAX_DEPTH + 5) + "\n";
        assertAbandonedButLexicallyScanned("template.yaml", yaml, 2);
    }

    @Test
    void yamlTemplateAliasBomb() throws IOException {
        StringBuilder yaml = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\n# key " + TOKEN + "\nMetadata:\n");
        yaml.append("  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("Resources: {}\n");
        Notification n = assertAbandonedButLexicallyScanned("template.yaml", yaml.toString(), 2);
        assertThat(n.message()).contains("alias");
    }

    @Test
    void jsonTemplateNestingBeyondTheLimit() throws IOException {
        String json = "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Description\": \"" + TOKEN + "\",\n\"Resources\": {\"X\": "
                + "[".repeat(DEEP) + "]".repeat(DEEP) + "}}";
        Notification n = assertAbandonedButLexicallyScanned("template.json", json, 2);
        assertThat(n.message()).contains("nesting depth");
    }

    @Test
    void hclNestingBeyondTheLimit() throws IOException {
        String hcl = "# key " + TOKEN + "\nlocals {\n  x = " + "[".repeat(HclParser.MAX_DEPTH + 5)
                + "]".repeat(HclParser.MAX_DEPTH + 5) + "\n}\n";
        assertAbandonedButLexicallyScanned("main.tf", hcl, 1);
    }

    @Test
    void javaNestingBeyondWhatTheParserCanHold() throws IOException {
        String java = "class Deep {\n  // key " + TOKEN + "\n  String password = \"Q7w!rT9zLp2x\";\n  int x = "
                + "(".repeat(DEEP) + "1" + ")".repeat(DEEP) + ";\n}\n";
        assertAbandonedButLexicallyScanned("Deep.java", java, 2);
    }

    /** Deep but parseable Java reaches every Java rule (their visitors recurse too): never an internal error. */
    @Test
    void javaNestedAsDeepAsTheParserHoldsNeverBreaksARule() throws IOException {
        int n = 300;
        List<String> bodies = List.of(
                "String password = \"Q7w!rT9zLp2x\" + " + "\"ab\" + ".repeat(20 * n) + "\"z\";",
                "String secret = " + "(".repeat(n) + "\"Q7w!rT9zLp2x\"" + ")".repeat(n) + ";",
                "void m(String password) {" + "if (password != null) {".repeat(n) + "LOG.info(password);" + "}".repeat(n) + "}",
                "Object o = " + "new Object() { Object f = ".repeat(n / 3) + "\"Q7w!rT9zLp2x\"" + "; }".repeat(n / 3) + ";");
        for (String body : bodies) {
            Files.writeString(dir.resolve("Deep.java"), "class Deep {\n  " + body + "\n}\n");
            Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir));
            assertThat(report.notifications()).as(body.substring(0, 30)).noneMatch(x -> x.code().equals("internal-error"));
        }
    }

    @Test
    void configJsonAndYamlNestingBeyondTheLimit() throws IOException {
        String json = "{\"db\": {\"key\": \"" + TOKEN + "\"},\n\"x\": " + "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP) + "}";
        assertAbandonedButLexicallyScanned("src/main/resources/appsettings.json", json, 1);
        String yaml = "db:\n  key: " + TOKEN + "\nx: " + "[".repeat(DEEP) + "]".repeat(DEEP) + "\n";
        Notification n = assertAbandonedButLexicallyScanned("src/main/resources/application.yml", yaml, 2);
        assertThat(n.message()).contains("over the parser's limits");
    }

    /** A large but ordinary config file below the scanner's size limit is read whole (SnakeYAML stops at 3 MB by default). */
    @Test
    void aConfigYamlOfSevenMegabytesIsReadWhole() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 250_000; i++) {
            yaml.append("key").append(i).append(": value number ").append(i).append('\n');
        }
        yaml.append("spring:\n  datasource:\n    password: Pg9-wQz4Lm7x\n");
        assertThat(yaml.length()).isGreaterThan(7_000_000);
        Path file = dir.resolve("src/main/resources/application.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(report.notifications()).isEmpty();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("config/hardcoded-credential");
            assertThat(f.location().startLine()).isEqualTo(250_003);
        });
    }

    /** Scans the file beside a control file; returns the file's parse-error notification. */
    private Notification assertAbandonedButLexicallyScanned(String name, String text, int tokenLine) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Path control = dir.resolve("control/control.properties");
        Files.createDirectories(control.getParent());
        Files.writeString(control, "aws.key=" + TOKEN.replace('Z', 'Y') + "\n");

        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir));

        assertThat(report.notifications()).noneMatch(n -> n.code().equals("internal-error"));
        List<Notification> onFile = report.notifications().stream().filter(n -> file.equals(n.file())).toList();
        assertThat(onFile).as("notifications on %s", name).extracting(Notification::code).containsExactly("parse-error");
        assertThat(onFile.get(0).message()).doesNotContain(TOKEN.substring(4, 12));
        assertThat(findings(report, file)).as("still scanned lexically")
                .anySatisfy(f -> {
                    assertThat(f.ruleId()).isEqualTo("secret/known-format");
                    assertThat(f.location().startLine()).isEqualTo(tokenLine);
                });
        assertThat(findings(report, control)).as("the rest of the scan goes on").isNotEmpty();
        return onFile.get(0);
    }

    private static List<Finding> findings(Report report, Path file) {
        return report.findings().stream().filter(f -> f.location().file().equals(file)).toList();
    }
}
