package dev.hushlint.engine.scan;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScannerTest {

    @TempDir
    Path dir;

    private Report scan(ScanRequest request) {
        return new Scanner(TestRules.all()).scan(request);
    }

    private Report scan() {
        return scan(ScanRequest.of(dir).withBaseDir(dir));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void oneLiteralOneFindingUnderTheSpecificRuleWithTheHighestSeverity() throws IOException {
        write("Config.txt", "db_password = \"tok_abcdef123456\"\nother tok_zzzzzz999999\n");
        Report r = scan();
        assertThat(r.findings()).hasSize(2);
        Finding merged = r.findings().get(0);
        assertThat(merged.ruleId()).isEqualTo("test/assignment");
        assertThat(merged.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(merged.alsoMatched()).containsExactly("test/token");
        assertThat(merged.allRuleIds()).containsExactly("test/assignment", "test/token");
        Finding alone = r.findings().get(1);
        assertThat(alone.ruleId()).isEqualTo("test/token");
        assertThat(alone.alsoMatched()).isEmpty();
    }

    @Test
    void snippetsAndMessagesNeverHoldTheSecret() throws IOException {
        write("Config.txt", "db_password = \"tok_abcdef123456\" // and again tok_abcdef123456\n");
        Report r = scan();
        for (Finding f : r.findings()) {
            assertThat(f.snippet()).doesNotContain("tok_abcdef123456").doesNotContain("abcdef12");
            assertThat(f.message()).doesNotContain("abcdef12");
            assertThat(f.toString()).doesNotContain("abcdef12");
        }
        assertThat(r.findings().get(0).snippet()).contains("db_password");
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndStillScannedLexically() throws IOException {
        write("broken.lines", "header\nBROKEN here\ntok_qwertyuiop12\n");
        Report r = scan();
        assertThat(r.notifications()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("parse-error");
            assertThat(n.line()).isEqualTo(2);
            assertThat(n.message()).contains("still scanned");
        });
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("test/token");
    }

    @Test
    void indexPassFactsReachRulesAcrossFiles() throws IOException {
        write("a.lines", "alpha\nnothing\n");
        write("b.lines", "beta\nalpha\n");
        Report r = scan();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("test/cross-file");
            assertThat(f.location().file()).isEqualTo(dir.resolve("b.lines"));
            assertThat(f.location().startLine()).isEqualTo(2);
        });
    }

    @Test
    void aCrashingRuleBecomesANotificationWithoutItsMessageAndTheScanGoesOn() throws IOException {
        write("crash.txt", "tok_aaaaaa111111\n");
        Report r = scan();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("test/token");
        assertThat(r.notifications()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("internal-error");
            assertThat(n.message()).contains("test/crashing").doesNotContain("tok_").doesNotContain("boom");
        });
    }

    @Test
    void binaryFilesAreSkippedAndByteOrderMarksDecoded() throws IOException {
        Files.write(dir.resolve("image.bin"), new byte[] {'t', 'o', 'k', '_', 0, 1, 2});
        byte[] utf16 = "\uFEFFkey tok_utf16utf16ab\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(dir.resolve("wide.txt"), utf16);
        Report r = scan();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().file().getFileName().toString()).isEqualTo("wide.txt");
            assertThat(f.location().startColumn()).isEqualTo(5);
        });
        assertThat(r.filesSkipped()).isEqualTo(1);
        assertThat(r.filesScanned()).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsDecodedLeniently() throws IOException {
        byte[] bytes = {'x', (byte) 0xC3, (byte) 0x28, ' ', 't', 'o', 'k', '_', 'a', 'b', 'c', 'd', 'e', 'f', '1', '2', '3', '4', '5', '6'};
        Files.write(dir.resolve("latin.txt"), bytes);
        assertThat(scan().findings()).hasSize(1);
    }

    @Test
    void filesOverTheSizeLimitAreSkippedWithANotification() throws IOException {
        write("big.txt", "tok_abcdefabcdef\n".repeat(100));
        Report r = scan(ScanRequest.of(dir).withBaseDir(dir).withMaxFileSize(100));
        assertThat(r.findings()).isEmpty();
        assertThat(r.notifications()).extracting(Notification::code).containsExactly("file-too-large");
        assertThat(r.filesSkipped()).isEqualTo(1);
    }

    @Test
    void buildAndVcsDirectoriesAreSkippedButCdkOutIsScanned() throws IOException {
        for (String skipped : List.of(".git", "target", "node_modules", "build", ".gradle", ".venv", "a/b/target")) {
            write(skipped + "/x.txt", "tok_skippedskipp\n");
        }
        write("cdk.out/Stack.template.json", "\"tok_cdkcdkcdkcdk\"\n");
        Report r = scan();
        assertThat(r.findings()).singleElement()
                .satisfies(f -> assertThat(f.location().file().toString()).contains("cdk.out"));
    }

    @Test
    void symbolicLinksAreNotFollowed(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "tok_linkedlinked\n");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.createSymbolicLink(dir.resolve("file-link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Report r = scan();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void gitignoreIsHonouredOnlyOnRequest() throws IOException {
        write(".gitignore", "# local files\n*.env\n/generated/\n!keep.env\n");
        write("prod.env", "tok_envenvenvenv\n");
        write("keep.env", "tok_keepkeepkeep\n");
        write("generated/x.txt", "tok_generatedgen\n");
        write("src/generated/y.txt", "tok_srcgenerated\n");
        assertThat(scan().findings()).hasSize(4);
        Report r = scan(ScanRequest.of(dir).withBaseDir(dir).withRespectGitignore(true));
        assertThat(r.findings()).extracting(f -> dir.relativize(f.location().file()).toString().replace('\\', '/'))
                .containsExactly("keep.env", "src/generated/y.txt");
    }

    @Test
    void outputDoesNotDependOnTheThreadCount() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("d" + (i % 5) + "/f" + i + ".txt", "x\npassword = \"tok_abc" + String.format("%09d", i) + "\"\n tok_zzz" + String.format("%09d", i) + "\n");
        }
        Report one = scan(ScanRequest.of(dir).withBaseDir(dir).withThreads(1));
        Report four = scan(ScanRequest.of(dir).withBaseDir(dir).withThreads(4));
        assertThat(four.findings()).hasSize(80);
        assertThat(four.findings().stream().map(Finding::toString).toList())
                .isEqualTo(one.findings().stream().map(Finding::toString).toList());
        assertThat(four.findings().stream().map(Finding::fingerprint).toList())
                .isEqualTo(one.findings().stream().map(Finding::fingerprint).toList());
    }

    @Test
    void fingerprintsSurviveLineShiftsAndIgnoreTheValue() throws IOException {
        Path f = write("a.txt", "tok_aaaaaaaaaaa1\n");
        String before = scan().findings().get(0).fingerprint();
        Files.writeString(f, "\n\n\n\ntok_bbbbbbbbbbb2\n");
        String after = scan().findings().get(0).fingerprint();
        assertThat(after).isEqualTo(before).endsWith(":1").doesNotContain("bbbb");
    }

    @Test
    void anUnreadableFileIsANotificationAndTheRestIsScanned() throws IOException {
        write("locked.txt", "tok_lockedlocked\n");
        write("open.txt", "tok_openopenopen\n");
        FileAccess denyLocked = p -> {
            if (p.getFileName().toString().equals("locked.txt")) {
                throw new AccessDeniedException(p.toString());
            }
            return Files.readAllBytes(p);
        };
        Report r = new Scanner(TestRules.all(), denyLocked, null).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(r.findings()).singleElement()
                .satisfies(f -> assertThat(f.location().file().getFileName().toString()).isEqualTo("open.txt"));
        assertThat(r.notifications()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("io-error");
            assertThat(n.message()).contains("access denied");
        });
    }

    @Test
    void aFileDeletedDuringTheScanIsANotification() throws IOException {
        Path gone = write("gone.txt", "tok_gonegonegone\n");
        FileAccess vanishing = p -> {
            Files.deleteIfExists(gone);
            return Files.readAllBytes(p);
        };
        Report r = new Scanner(TestRules.all(), vanishing, null).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(r.findings()).isEmpty();
        assertThat(r.notifications()).extracting(Notification::message).containsExactly("file disappeared during the scan");
    }

    @Test
    void excludedGlobsAreLeftOut() throws IOException {
        write("src/test/fixtures/a.txt", "tok_fixturefixtu\n");
        write("src/main/b.txt", "tok_mainmainmain\n");
        Report r = scan(ScanRequest.of(dir).withBaseDir(dir).withExcludes(List.of("src/test/**")));
        assertThat(r.findings()).singleElement()
                .satisfies(f -> assertThat(f.location().file().toString()).endsWith("b.txt"));
    }

    @Test
    void aDirectoryNamedLikeAFileAndAnEmptyFileAreFine() throws IOException {
        Files.createDirectories(dir.resolve("x.java"));
        write("x.java/inner.txt", "tok_innerinnerin\n");
        write("empty.txt", "");
        Report r = scan();
        assertThat(r.findings()).hasSize(1);
        assertThat(r.filesScanned()).isEqualTo(2);
    }
}
