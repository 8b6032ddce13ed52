package dev.hushlint.cli;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What "a secret leaked" means, in one place for every leak test: the secret in full, any 8-character piece of
 * it that looks random (so words and markup shared with ordinary text do not count), or an unsalted digest of
 * it (MD5, SHA-1, SHA-256; hex, base64 or base64url).
 */
final class LeakCheck {

    private LeakCheck() {
    }

    /** The roots every leak test scans: all rule fixtures and the demo project. */
    static List<Path> fixtureRoots() {
        Path module = FixtureHarness.fixturesModule();
        return List.of(module.resolve("fixtures"), module.resolve("demo"));
    }

    /** The random-looking secret values the built-in rules find in the fixtures (from the in-memory findings). */
    static Set<String> fixtureSecrets() {
        Set<String> secrets = new TreeSet<>();
        for (Path root : fixtureRoots()) {
            Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(root).withBaseDir(root));
            for (Finding f : report.findings()) {
                if (f.secret() != null && looksRandom(f.secret())) {
                    secrets.add(f.secret());
                }
            }
        }
        return secrets;
    }

    static boolean looksRandom(String s) {
        return s.length() >= 8 && s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter);
    }

    /** The 8-character windows of a secret that could only come from the secret (not words or markup). */
    static List<String> randomPieces(String secret) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 8 <= secret.length(); i++) {
            String w = secret.substring(i, i + 8);
            boolean digit = w.chars().anyMatch(Character::isDigit);
            boolean letter = w.chars().anyMatch(Character::isLetter);
            boolean mixedCase = w.chars().anyMatch(Character::isUpperCase) && w.chars().anyMatch(Character::isLowerCase);
            boolean plain = w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/');
            if (plain && ((digit && letter) || mixedCase)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The unsalted digests of a secret as they could be written: hex, and base64 with and without padding. */
    static List<String> plainDigests(String secret) {
        List<String> out = new ArrayList<>();
        for (String alg : List.of("MD5", "SHA-1", "SHA-256")) {
            byte[] digest;
            try {
                digest = MessageDigest.getInstance(alg).digest(secret.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            out.add(HexFormat.of().formatHex(digest));
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(digest);
            out.add(b64);
            out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
        return out;
    }

    /** Fails when {@code output} holds any secret in full, as a random-looking piece, or as a plain digest. */
    static void assertNoLeak(String what, String output, Set<String> secrets) {
        String lower = output.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertThat(output).as("%s holds a fixture secret", what).doesNotContain(secret);
            for (String piece : randomPieces(secret)) {
                assertThat(output).as("%s holds an 8-character piece of a fixture secret", what).doesNotContain(piece);
            }
            for (String digest : plainDigests(secret)) {
                boolean hex = digest.chars().allMatch(c -> Character.digit(c, 16) >= 0);
                assertThat(hex ? lower : output).as("%s holds an unsalted digest of a fixture secret", what)
                        .doesNotContain(digest);
            }
        }
    }
}
