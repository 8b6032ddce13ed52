package dev.hushlint.cli;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline file gets committed: made from every fixture, it holds no fixture secret, no 8-character piece of
 * one, and no unsalted digest of one (MD5, SHA-1, SHA-256; hex or base64).
 */
class BaselineNoLeakTest {

    @TempDir
    Path tmp;

    @Test
    void aBaselineOfEveryFixtureHoldsNoSecretNoPieceAndNoPlainDigest() throws Exception {
        Path module = FixtureHarness.fixturesModule();
        Set<String> secrets = new TreeSet<>();
        for (Path root : List.of(module.resolve("fixtures"), module.resolve("demo"))) {
            Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(root).withBaseDir(root));
            for (Finding f : report.findings()) {
                if (f.secret() != null && NoLeakTest.looksRandom(f.secret())) {
                    secrets.add(f.secret());
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3);

        Path baseline = tmp.resolve("baseline.json");
        Path fixtures = module.resolve("fixtures");
        Cli cli = Cli.run("baseline", "create", fixtures.toString(), module.resolve("demo").toString(),
                "--base-dir", module.toString(), "--output", baseline.toString());
        assertThat(cli.code()).isZero();
        String text = Files.readString(baseline);
        assertThat(text).contains("\"valueHash\"");
        String lower = text.toLowerCase();
        for (String secret : secrets) {
            for (String piece : NoLeakTest.randomPieces(secret)) {
                assertThat(text).as("a piece of a fixture secret").doesNotContain(piece);
            }
            for (String alg : List.of("MD5", "SHA-1", "SHA-256")) {
                byte[] digest = MessageDigest.getInstance(alg).digest(secret.getBytes(StandardCharsets.UTF_8));
                assertThat(lower).doesNotContain(HexFormat.of().formatHex(digest));
                String b64 = Base64.getEncoder().encodeToString(digest);
                assertThat(text).doesNotContain(b64.substring(0, b64.length() - 2));
                assertThat(text).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            }
        }
        assertThat(cli.err()).doesNotContain(secrets.iterator().next().substring(4, 12));
    }
}
