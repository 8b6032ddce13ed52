package dev.hushlint.cli;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret never leaves in clear: every fixture secret that looks random (generated values, provider-format
 * tokens) is searched for, whole and as any 8-character piece, in every output the CLI writes.
 */
class NoLeakTest {

    @TempDir
    Path tmp;

    @Test
    void noOutputHoldsAFixtureSecretOrAnyEightCharacterPieceOfOne() throws IOException {
        Path module = FixtureHarness.fixturesModule();
        List<Path> roots = List.of(module.resolve("fixtures"), module.resolve("demo"));
        Set<String> pieces = new TreeSet<>();
        int secrets = 0;
        for (Path root : roots) {
            Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(root).withBaseDir(root));
            for (Finding f : report.findings()) {
                if (f.secret() != null && looksRandom(f.secret())) {
                    secrets++;
                    pieces.addAll(randomPieces(f.secret()));
                }
            }
        }
        assertThat(secrets).as("fixture secrets found").isGreaterThanOrEqualTo(3);

        List<String> outputs = new ArrayList<>();
        for (Path root : roots) {
            for (String format : List.of("text", "json", "sarif")) {
                Cli r = Cli.run("scan", root.toString(), "--base-dir", root.toString(), "--format", format,
                        "--include-suppressed", "--debug", "--fail-on", "none");
                outputs.add(r.out());
                outputs.add(r.err());
                Path file = tmp.resolve("out." + format);
                Cli toFile = Cli.run("scan", root.toString(), "--format", format, "--output", file.toString());
                outputs.add(toFile.err());
                outputs.add(Files.readString(file));
            }
        }
        for (String output : outputs) {
            for (String piece : pieces) {
                assertThat(output).as("an output holds a piece of a fixture secret").doesNotContain(piece);
            }
        }
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
}
