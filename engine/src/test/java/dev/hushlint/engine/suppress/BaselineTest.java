package dev.hushlint.engine.suppress;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.TestRules;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    private static final String SECRET = "tok_q7w3e9r1t5y2";
    private static final String NEW_SECRET = "tok_m4n8b2v6c0x1";

    @TempDir
    Path dir;

    private Report scan(String text) throws IOException {
        Files.writeString(dir.resolve("Config.txt"), text);
        return new Scanner(TestRules.all()).scan(ScanRequest.of(dir).withBaseDir(dir).withThreads(1));
    }

    private Baseline roundTrip(Baseline b) throws Exception {
        Path file = dir.resolve(".hushlint-baseline.json");
        b.write(file);
        return Baseline.read(file);
    }

    @Test
    void anAcceptedSecretThatMovesTwentyLinesIsStillAccepted() throws Exception {
        Baseline baseline = roundTrip(Baseline.create(scan("db_password = \"" + SECRET + "\"\n")));
        Report moved = scan("\n".repeat(20) + "db_password = \"" + SECRET + "\"\n");
        Baseline.Outcome outcome = baseline.apply(moved);
        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.fixed()).isZero();
        assertThat(outcome.report().activeFindings()).isEmpty();
        assertThat(outcome.report().suppressedFindings()).singleElement()
                .satisfies(f -> assertThat(f.suppression().kind()).isEqualTo("external"));
        assertThat(outcome.report().notifications()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("baseline");
            assertThat(n.message()).contains("1 finding accepted", "0 baseline entries");
        });
    }

    @Test
    void aNewSecretOnAnAcceptedLineIsReported() throws Exception {
        Baseline baseline = roundTrip(Baseline.create(scan("db_password = \"" + SECRET + "\"\n")));
        Baseline.Outcome outcome = baseline.apply(scan("db_password = \"" + NEW_SECRET + "\"\n"));
        assertThat(outcome.report().activeFindings()).singleElement()
                .satisfies(f -> assertThat(f.secret()).isEqualTo(NEW_SECRET));
        assertThat(outcome.accepted()).isZero();
        assertThat(outcome.fixed()).isEqualTo(1);
    }

    @Test
    void findingsWithoutAValueMatchOnRulePathAndPositionAlone() throws Exception {
        Files.writeString(dir.resolve("names.lines"), "alpha\nbeta\n");
        Files.writeString(dir.resolve("refs.lines"), "beta\nalpha\n");
        Report before = new Scanner(TestRules.all()).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(before.activeFindings()).isNotEmpty().allSatisfy(f -> assertThat(f.secret()).isNull());
        Baseline baseline = roundTrip(Baseline.create(before));
        Files.writeString(dir.resolve("refs.lines"), "beta\n\n\n\nalpha\n");
        Report after = new Scanner(TestRules.all()).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(baseline.apply(after).report().activeFindings()).isEmpty();
    }

    @Test
    void aFindingWithoutItsValueNeverMatchesAHashedEntry() throws Exception {
        Report r = scan("db_password = \"" + SECRET + "\"\n");
        Baseline baseline = Baseline.create(r);
        Finding f = r.findings().get(0);
        Finding valueless = new Finding(f.ruleId(), f.severity(), f.location(), f.logicalPosition(), f.message(), null,
                f.alsoMatched(), f.properties(), f.snippet(), f.fingerprint(), null);
        Baseline.Outcome outcome = baseline.apply(r.withFindings(java.util.List.of(valueless)));
        assertThat(outcome.report().activeFindings()).hasSize(1);
        assertThat(outcome.fixed()).isEqualTo(1);
    }

    @Test
    void fixedEntriesAreCounted() throws Exception {
        Baseline baseline = roundTrip(Baseline.create(scan("""
                db_password = "%s"
                other %s
                """.formatted(SECRET, NEW_SECRET))));
        assertThat(baseline.entries()).hasSize(2);
        Baseline.Outcome outcome = baseline.apply(scan("db_password = \"" + SECRET + "\"\n"));
        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.fixed()).isEqualTo(1);
        assertThat(outcome.summary()).isEqualTo(
                "1 finding accepted by the baseline, 1 baseline entry no longer found (fixed)");
    }

    @Test
    void theFileHoldsNoSecretNoPieceOfOneAndNoUnsaltedHash() throws Exception {
        Baseline baseline = Baseline.create(scan("db_password = \"" + SECRET + "\"\nother " + NEW_SECRET + "\n"));
        Path file = dir.resolve("b.json");
        baseline.write(file);
        String text = Files.readString(file);
        for (String secret : List.of(SECRET, NEW_SECRET)) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertThat(text).doesNotContain(secret.substring(i, i + 8));
            }
            for (String digest : digests(secret)) {
                assertThat(text.toLowerCase()).doesNotContain(digest.toLowerCase());
            }
        }
        assertThat(text).contains("\"algorithm\" : \"PBKDF2WithHmacSHA256\"", "\"salt\"", "\"valueHash\"");
    }

    private static List<String> digests(String value) throws Exception {
        List<String> out = new ArrayList<>();
        for (String alg : List.of("MD5", "SHA-1", "SHA-256")) {
            byte[] d = MessageDigest.getInstance(alg).digest(value.getBytes(StandardCharsets.UTF_8));
            out.add(HexFormat.of().formatHex(d));
            out.add(Base64.getEncoder().encodeToString(d));
            out.add(Base64.getEncoder().withoutPadding().encodeToString(d).substring(0, 16));
        }
        return out;
    }

    @Test
    void twoBaselinesOfTheSameFindingsDifferOnlyInSaltAndHashes() throws Exception {
        Report r = scan("db_password = \"" + SECRET + "\"\n");
        Baseline a = Baseline.create(r);
        Baseline b = Baseline.create(r);
        assertThat(a.entries().first().valueHash()).isNotEqualTo(b.entries().first().valueHash());
        assertThat(a.entries().first().path()).isEqualTo("Config.txt");
        assertThat(a.entries().first().position()).isEqualTo("db_password");
    }

    @Test
    void theFileIsSortedAndStable() throws Exception {
        Baseline baseline = Baseline.create(scan("other " + NEW_SECRET + "\ndb_password = \"" + SECRET + "\"\n"));
        String once = baseline.toJson();
        assertThat(roundTrip(baseline).toJson()).isEqualTo(once);
        List<Baseline.Entry> entries = List.copyOf(baseline.entries());
        assertThat(entries).isSorted();
        assertThat(once).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void badFilesAreUserErrorsWithTheFileName() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("not valid JSON");
        Files.writeString(file, "{\"tool\": \"other\"}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("not a hushlint baseline");
        Files.writeString(file, """
                {"tool":"hushlint","version":1,"hash":{"algorithm":"PBKDF2WithHmacSHA256","iterations":20000,
                 "salt":"AAECAwQFBgcICQoLDA0ODw=="},"entries":[{"rule": 5}]}""");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("entries[0]");
        assertThatThrownBy(() -> Baseline.read(dir.resolve("missing.json"))).hasMessageContaining("not found");
    }

    @Test
    void inlineSuppressedFindingsAreNotRecorded() throws Exception {
        Report r = scan("x = " + SECRET + " # hushlint:ignore test/token fake\n");
        assertThat(Baseline.create(r).entries()).isEmpty();
        Finding f = r.findings().get(0);
        assertThat(f.suppression().kind()).isEqualTo("inSource");
    }
}
