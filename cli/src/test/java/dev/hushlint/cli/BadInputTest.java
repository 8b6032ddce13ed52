package dev.hushlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input end to end through {@code hushlint scan}: each hostile file ends in a notification (or is read
 * correctly), the scan finishes, a control secret in a sibling file is still found, and line numbers stay right.
 */
class BadInputTest {

    /** Fake, random-looking tokens made for these tests (AWS access key id format, GitHub classic token format). */
    static final String AWS_KEY_ID = "AKIAZ7Q3VXPM2LKT5RWN";
    static final String GITHUB_TOKEN = "ghp_" + "x8Kq2Lm9Vt4Rz7Wn3Pc6Hd1Jf5Bs0Ya8Ge2T";

    @TempDir
    Path dir;

    // ---- structure bombs -------------------------------------------------------------------------------------

    @Test
    void aYamlAliasBombIsAbandonedWithANotification() throws IOException {
        StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n");
        bomb.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("Resources: {}\n");
        write("template.yaml", bomb.toString());
        write("application.yml", bomb.toString().replace("AWSTemplateFormatVersion: '2010-09-09'\n", "spring: {}\n"));
        JsonNode report = scanWithControl();
        assertThat(codes(report, "template.yaml")).contains("parse-error");
        assertThat(messages(report, "template.yaml")).anyMatch(m -> m.contains("alias"));
    }

    @Test
    void tenThousandDeepNestingInYamlAndJsonIsAbandonedWithANotification() throws IOException {
        int depth = 10_000;
        write("deep-flow.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        // block style on one line: each "- " opens a nested sequence
        String block = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X:\n    " + "- ".repeat(depth) + "leaf\n";
        write("deep-block.yaml", block);
        write("deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"X\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}}");
        write("config/application.json", "{\"spring\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
        write("config/application.yml", "spring: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        JsonNode report = scanWithControl();
        for (String file : List.of("deep-flow.yaml", "deep-block.yaml", "deep.json")) {
            assertThat(codes(report, file)).as(file).contains("parse-error");
            assertThat(messages(report, file)).as(file).anyMatch(m -> m.contains("nesting") || m.contains("depth"));
        }
    }

    // ---- size ------------------------------------------------------------------------------------------------

    @Test
    void aHundredMegabyteFileIsSkippedByDefaultAndScannedWhenTheLimitIsRaised() throws IOException {
        Path big = dir.resolve("big.log");
        String line = "2026-11-27T10:00:00Z INFO request served in 12 ms by worker-7 with status 200 and no body\n";
        long lines = 100L * 1024 * 1024 / line.length() + 1;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.US_ASCII)) {
            for (long i = 1; i < lines; i++) {
                w.write(line);
            }
            w.write("aws_access_key_id = " + AWS_KEY_ID + "\n");
        }
        assertThat(Files.size(big)).isGreaterThan(100L * 1024 * 1024);

        JsonNode skipped = scanWithControl();
        assertThat(codes(skipped, "big.log")).containsExactly("file-too-large");

        JsonNode scanned = scanWithControl("--max-file-size", "200MB");
        assertThat(codes(scanned, "big.log")).isEmpty();
        assertThat(findings(scanned, "big.log")).extracting(f -> f.get("startLine").asLong()).containsExactly(lines);
    }

    @Test
    void aTenMegabyteSingleLineMinifiedJsonIsScanned() throws IOException {
        StringBuilder json = new StringBuilder("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{");
        int i = 0;
        while (json.length() < 10_000_000) {
            json.append("\"Topic").append(i++).append("\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"TopicName\":\"t")
                    .append(i).append("\"}},");
        }
        int column = json.length() + "\"Leak\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"TopicName\":\"".length() + 1;
        json.append("\"Leak\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"TopicName\":\"").append(GITHUB_TOKEN).append("\"}}}}");
        write("minified.json", json.toString());
        JsonNode report = scanWithControl("--max-file-size", "20MB");
        assertThat(codes(report, "minified.json")).isEmpty();
        List<JsonNode> found = findings(report, "minified.json");
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(f -> assertThat(f.get("startLine").asInt()).isEqualTo(1));
        assertThat(found).anySatisfy(f -> assertThat(f.get("startColumn").asInt()).isEqualTo(column));
    }

    // ---- encodings and line endings --------------------------------------------------------------------------

    @Test
    void binaryContentWithATextNameIsSkippedQuietly() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(8).nextBytes(bytes);
        bytes[10] = 0;
        Files.write(dir.resolve("Handler.java"), bytes);
        Files.write(dir.resolve("template.yaml"), bytes);
        JsonNode report = scanWithControl();
        assertThat(codes(report, "Handler.java")).doesNotContain("internal-error", "parse-error");
        assertThat(codes(report, "template.yaml")).doesNotContain("internal-error", "parse-error");
        assertThat(findings(report, "Handler.java")).isEmpty();
    }

    @Test
    void invalidUtf8IsReadLenientlyWithTheRightLines() throws IOException {
        byte[] head = "# settings\nname=\u00e9t\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'};
        byte[] tail = ("aws.key=" + AWS_KEY_ID + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("app.properties"), concat(head, bad, tail));
        JsonNode report = scanWithControl();
        assertThat(codes(report, "app.properties")).doesNotContain("internal-error");
        assertThat(findings(report, "app.properties")).extracting(f -> f.get("startLine").asInt()).containsExactly(3);
    }

    @Test
    void utf16WithAByteOrderMarkIsDecoded() throws IOException {
        String java = "package p;\n\nclass Keys {\n    static final String ID = \"" + AWS_KEY_ID + "\";\n}\n";
        Files.write(dir.resolve("KeysLe.java"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, java.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(dir.resolve("KeysBe.java"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, java.getBytes(StandardCharsets.UTF_16BE)));
        JsonNode report = scanWithControl();
        for (String file : List.of("KeysLe.java", "KeysBe.java")) {
            assertThat(codes(report, file)).as(file).isEmpty();
            assertThat(findings(report, file)).as(file).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.get("startLine").asInt()).isEqualTo(4));
        }
    }

    @Test
    void crlfAndCrLineEndingsKeepLineNumbersRight() throws IOException {
        String java = "package p;\n\nclass Db {\n    // a comment\n    static final String PASSWORD = \"Q7w!rT9zLp2x\";\n}\n";
        String yaml = "spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n    password: Pg9-wQz4Lm7x\n";
        String properties = "# db\nspring.datasource.url=jdbc:postgresql://db/app\n\nspring.datasource.password=Sd2!vLq8Tz5m\n";
        for (String ending : List.of("\r\n", "\r")) {
            String name = ending.equals("\r") ? "cr" : "crlf";
            write(name + "/Db.java", java.replace("\n", ending));
            write(name + "/src/main/resources/application.yml", yaml.replace("\n", ending));
            write(name + "/src/main/resources/application.properties", properties.replace("\n", ending));
        }
        JsonNode report = scanWithControl();
        for (String name : List.of("crlf", "cr")) {
            assertLines(report, name + "/Db.java", "java/hardcoded-credential", 5);
            assertLines(report, name + "/src/main/resources/application.yml", "config/hardcoded-credential", 4);
            assertLines(report, name + "/src/main/resources/application.properties", "config/hardcoded-credential", 4);
        }
    }

    @Test
    void aTokenSpelledWithJavaUnicodeEscapesIsFoundWhereItIsWritten() throws IOException {
        String escaped = "\\u0041" + AWS_KEY_ID.substring(1);
        write("Escaped.java", "package p;\n\nclass Escaped {\n    static final String ID = \"" + escaped + "\";\n}\n");
        JsonNode report = scanWithControl();
        List<JsonNode> found = findings(report, "Escaped.java");
        assertThat(found).extracting(f -> f.get("ruleId").asText()).contains("secret/known-format");
        JsonNode f = found.stream().filter(x -> x.get("ruleId").asText().equals("secret/known-format")).findFirst().orElseThrow();
        assertThat(f.get("startLine").asInt()).isEqualTo(4);
        assertThat(f.get("startColumn").asInt()).isEqualTo("    static final String ID = \"".length() + 1);
        assertThat(f.get("endColumn").asInt()).isEqualTo("    static final String ID = \"".length() + escaped.length() + 1);
        assertThat(f.get("snippet").asText()).doesNotContain(AWS_KEY_ID.substring(1, 9));
    }

    // ---- the file system -------------------------------------------------------------------------------------

    @Test
    void aSymlinkLoopDoesNotHangTheScan() throws IOException {
        Path loop = Files.createDirectories(dir.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("again"), loop);
        Files.createSymbolicLink(dir.resolve("self"), dir);
        JsonNode report = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> scanWithControl());
        assertThat(report.get("findings")).isNotEmpty();
    }

    @Test
    void aPathWithSpacesAndNonAsciiCharactersIsReportedAsWritten() throws IOException {
        String path = "my project/Zürich Größe/日本/Key Holder ü.java";
        write(path, "class K {\n    String id = \"" + AWS_KEY_ID + "\";\n}\n");
        JsonNode report = scanWithControl();
        assertThat(findings(report, path)).extracting(f -> f.get("startLine").asInt()).containsExactly(2);
        Cli sarif = Cli.run("scan", dir.toString(), "--base-dir", dir.toString(), "--format", "sarif", "--fail-on", "none");
        assertThat(sarif.code()).isZero();
        assertThat(sarif.out()).contains("my%20project/Z%C3%BCrich%20Gr%C3%B6%C3%9Fe/");
    }

    @Test
    void emptyFilesAndDirectoriesNamedLikeFilesAreFine() throws IOException {
        for (String name : List.of("Empty.java", "empty.yaml", "empty.json", "empty.properties", "main.tf", "serverless.yml",
                "template.json", ".env")) {
            write("empty/" + name, "");
        }
        Files.createDirectories(dir.resolve("x.java"));
        Files.createDirectories(dir.resolve("template.yaml"));
        Files.createDirectories(dir.resolve("main.tf"));
        JsonNode report = scanWithControl();
        for (JsonNode n : report.get("notifications")) {
            assertThat(n.get("code").asText()).as(n.toString()).isNotIn("internal-error", "io-error", "parse-error");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Scans {@link #dir} with a control file beside the hostile ones; asserts the scan ran and the control secret was found. */
    JsonNode scanWithControl(String... extra) throws IOException {
        write("control/Control.java", "package control;\n\nclass Control {\n    String token = \"" + GITHUB_TOKEN + "\";\n}\n");
        List<String> args = new ArrayList<>(List.of("scan", dir.toString(), "--base-dir", dir.toString(), "--format", "json",
                "--fail-on", "none"));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(findings(report, "control/Control.java")).as("the control secret is still found")
                .extracting(f -> f.get("startLine").asInt()).contains(4);
        for (JsonNode n : report.get("notifications")) {
            assertThat(n.get("code").asText()).as(n.toString()).isNotEqualTo("internal-error");
        }
        return report;
    }

    static List<JsonNode> findings(JsonNode report, String path) {
        List<JsonNode> out = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("path").asText().equals(path)) {
                out.add(f);
            }
        });
        return out;
    }

    static List<String> codes(JsonNode report, String path) {
        List<String> out = new ArrayList<>();
        report.get("notifications").forEach(n -> {
            if (n.has("path") && n.get("path").asText().equals(path)) {
                out.add(n.get("code").asText());
            }
        });
        return out;
    }

    static List<String> messages(JsonNode report, String path) {
        List<String> out = new ArrayList<>();
        report.get("notifications").forEach(n -> {
            if (n.has("path") && n.get("path").asText().equals(path)) {
                out.add(n.get("message").asText());
            }
        });
        return out;
    }

    static void assertLines(JsonNode report, String path, String ruleId, int line) {
        assertThat(findings(report, path)).as(path).filteredOn(f -> f.get("ruleId").asText().equals(ruleId))
                .extracting(f -> f.get("startLine").asInt()).as(path).containsExactly(line);
    }

    void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
