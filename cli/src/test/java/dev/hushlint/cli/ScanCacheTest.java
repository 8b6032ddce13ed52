package dev.hushlint.cli;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.scan.ReportCache;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hushlint scan --cache DIR}: same output from the cache, and no secret in the cache file. */
class ScanCacheTest {

    @TempDir
    Path tmp;

    private int scan(Path root, Path output, StringWriter err) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "scan", root.toString(),
                "--base-dir", root.toString(), "--format", "sarif", "--output", output.toString(),
                "--fail-on", "none", "--cache", tmp.resolve("cache").toString());
    }

    @Test
    void aSecondScanFromTheCacheWritesByteIdenticalSarifAndTheCacheHoldsNoSecret() throws IOException {
        Path fixtures = FixtureHarness.fixturesModule().resolve("fixtures");
        assertThat(scan(fixtures, tmp.resolve("first.sarif"), new StringWriter())).isZero();
        Path cacheFile = tmp.resolve("cache").resolve(ReportCache.FILE_NAME);
        assertThat(cacheFile).isRegularFile();
        StringWriter secondErr = new StringWriter();
        assertThat(scan(fixtures, tmp.resolve("second.sarif"), secondErr)).isZero();

        assertThat(secondErr.toString()).contains("result from the cache");
        assertThat(Files.readAllBytes(tmp.resolve("second.sarif"))).isEqualTo(Files.readAllBytes(tmp.resolve("first.sarif")));

        String cache = new String(Files.readAllBytes(cacheFile), StandardCharsets.ISO_8859_1);
        Set<String> secrets = new TreeSet<>();
        for (Finding f : new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(fixtures).withBaseDir(fixtures)).findings()) {
            if (f.secret() != null && f.secret().length() >= 8) {
                secrets.add(f.secret());
            }
        }
        assertThat(secrets).isNotEmpty();
        for (String secret : secrets) {
            assertThat(cache).doesNotContain(secret);
            if (LeakCheck.looksRandom(secret)) {
                for (String piece : LeakCheck.randomPieces(secret)) {
                    assertThat(cache).doesNotContain(piece);
                }
            }
        }
    }

    @Test
    void withoutTheOptionNoCacheIsWritten() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(root.resolve("a.properties"), "x=1\n");
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "scan",
                root.toString(), "--base-dir", root.toString(), "--quiet");
        assertThat(code).isZero();
        try (var files = Files.walk(tmp)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).toList()).doesNotContain(ReportCache.FILE_NAME);
        }
        assertThat(List.of(root.toFile().list())).containsExactly("a.properties");
    }

    @Test
    void excludeLeavesOutMatchingPathsRelativeToTheBaseDirectory() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(root.resolve("fixtures/deep"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("fixtures/deep/keys.properties"), "k=AKIAR7TX3MQ2ZW5KPL4N\n");
        Files.writeString(root.resolve("src/app.properties"), "k=AKIAW2NQ7ZK5MX3RTP6B\n");
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "scan", root.toString(),
                "--base-dir", root.toString(), "--exclude", "fixtures", "--format", "json");
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("src/app.properties").doesNotContain("keys.properties");
        code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "scan", root.toString(),
                "--base-dir", root.toString(), "--exclude", "fixtures", "--exclude", "**/*.properties");
        assertThat(code).isZero();
    }
}
