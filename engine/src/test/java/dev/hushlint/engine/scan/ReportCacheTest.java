package dev.hushlint.engine.scan;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.TestRules;
import dev.hushlint.engine.report.SarifWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCacheTest {

    private static final String TOKEN = "tok_q7w2k9x4m1z8";
    private static final String PASSWORD = "Hx7!pQ2vLw9#tRz4";

    @TempDir
    Path dir;
    @TempDir
    Path cacheDir;

    private final RuleSet rules = TestRules.all();
    private final AtomicInteger realScans = new AtomicInteger();

    private ReportCache.Outcome scan(List<Path> extra) {
        Scanner scanner = new Scanner(rules);
        ReportCache cache = new ReportCache(cacheDir);
        ReportCache.Outcome outcome = cache.scan(scanner, rules, ScanRequest.of(dir).withBaseDir(dir), extra,
                new ScanListener() {
                    @Override
                    public void started(int total) {
                        realScans.incrementAndGet();
                    }
                });
        return outcome;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String sarif(Report report) throws IOException {
        StringWriter w = new StringWriter();
        new SarifWriter("hushlint", false).write(report, w);
        return w.toString();
    }

    @Test
    void anUnchangedTreeReusesTheStoredReportAndItsSarifIsByteIdentical() throws IOException {
        write("a/Config.txt", "db_password = \"" + PASSWORD + "\"\nkey " + TOKEN + "\n");
        write("b/one.lines", "alpha\nbeta\n");
        write("b/two.lines", "beta\nalpha\n");
        write("c/broken.lines", "x\nBROKEN\n");

        ReportCache.Outcome first = scan(List.of());
        ReportCache.Outcome second = scan(List.of());

        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).isTrue();
        assertThat(realScans).hasValue(1);
        assertThat(second.report().findings()).hasSize(first.report().findings().size()).isNotEmpty();
        assertThat(second.report().notifications()).isEqualTo(first.report().notifications()).isNotEmpty();
        assertThat(sarif(second.report())).isEqualTo(sarif(first.report()));
    }

    @Test
    void theCacheFileHoldsNoSecretNorAPieceOfOne() throws IOException {
        write("a/Config.txt", "db_password = \"" + PASSWORD + "\"\nkey " + TOKEN + "\n");
        ReportCache.Outcome first = scan(List.of());
        assertThat(first.report().findings()).hasSize(2);

        String stored = new String(Files.readAllBytes(new ReportCache(cacheDir).file()), StandardCharsets.ISO_8859_1);
        assertThat(stored).contains("test/assignment", "test/token");
        for (String secret : List.of(TOKEN, PASSWORD)) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertThat(stored).doesNotContain(secret.substring(i, i + 8));
            }
        }
        assertThat(scan(List.of()).report().findings()).allSatisfy(f -> assertThat(f.secret()).isNull());
    }

    @Test
    void aChangedFileAnAddedFileOrAChangedExtraInputIsAMiss() throws IOException {
        Path config = write("a/Config.txt", "nothing here\n");
        Path extra = cacheDir.resolve("extra.yml");
        assertThat(scan(List.of(extra)).reused()).isFalse();
        assertThat(scan(List.of(extra)).reused()).isTrue();

        Files.writeString(config, "key " + TOKEN + "\n");
        ReportCache.Outcome changed = scan(List.of(extra));
        assertThat(changed.reused()).isFalse();
        assertThat(changed.report().findings()).hasSize(1);

        write("a/new.txt", "hello\n");
        assertThat(scan(List.of(extra)).reused()).isFalse();

        Files.writeString(extra, "exclude: a\n");
        assertThat(scan(List.of(extra)).reused()).isFalse();
        assertThat(scan(List.of(extra)).reused()).isTrue();
    }

    @Test
    void aChangeInOneFileReachesTheFactsOfAnother() throws IOException {
        // two.lines mentions "gamma"; only once one.lines declares gamma does the cross-file rule fire in two.lines
        Path one = write("one.lines", "alpha\n");
        write("two.lines", "beta\ngamma\n");
        assertThat(scan(List.of()).report().findings()).isEmpty();
        Files.writeString(one, "gamma\n");
        ReportCache.Outcome after = scan(List.of());
        assertThat(after.reused()).isFalse();
        assertThat(after.report().findings()).extracting(f -> f.ruleId()).containsExactly("test/cross-file");
    }

    @Test
    void aCorruptCacheFileIsAMissNotAnError() throws IOException {
        write("a.txt", "key " + TOKEN + "\n");
        Files.writeString(cacheDir.resolve(ReportCache.FILE_NAME), "{not json");
        ReportCache.Outcome outcome = scan(List.of());
        assertThat(outcome.reused()).isFalse();
        assertThat(outcome.report().findings()).hasSize(1);
        assertThat(scan(List.of()).reused()).isTrue();
    }

    @Test
    void aDifferentRequestIsAMiss() throws IOException {
        write("a/x.txt", "key " + TOKEN + "\n");
        write("b/y.txt", "key " + TOKEN + "\n");
        ReportCache cache = new ReportCache(cacheDir);
        ScanRequest all = ScanRequest.of(dir).withBaseDir(dir);
        assertThat(cache.scan(new Scanner(rules), rules, all, List.of(), ScanListener.NONE).report().findings()).hasSize(2);
        ReportCache.Outcome excluded = cache.scan(new Scanner(rules), rules, all.withExcludes(List.of("b")), List.of(),
                ScanListener.NONE);
        assertThat(excluded.reused()).isFalse();
        assertThat(excluded.report().findings()).hasSize(1);
        assertThat(cache.scan(new Scanner(rules), rules, all.withThreads(1).withExcludes(List.of("b")), List.of(),
                ScanListener.NONE).reused()).as("the thread count never changes output").isTrue();
    }

    @Test
    void aCacheInsideTheScannedTreeIsNotScanned() throws IOException {
        write("a.txt", "key " + TOKEN + "\n");
        Path inside = dir.resolve(".hushlint-cache");
        ScanRequest request = ScanRequest.of(dir).withBaseDir(dir);
        ReportCache cache = new ReportCache(inside);
        ReportCache.Outcome first = cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        ReportCache.Outcome second = cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        assertThat(Files.exists(cache.file())).isTrue();
        assertThat(second.reused()).isTrue();
        assertThat(second.report().filesScanned()).isEqualTo(first.report().filesScanned()).isEqualTo(1);
    }

    @Test
    void unchangedFilesAreNotReadAgainAndAnEditIsSeenEvenWithItsSizeAndModificationTimeRestored() throws Exception {
        Path config = write("a/Config.txt", "key " + TOKEN + "\n");
        write("b/other.txt", "hello\n");
        Thread.sleep(20); // the files' change times lie before the first run's hashing
        ReportCache cache = new ReportCache(cacheDir, java.time.Duration.ZERO);
        ScanRequest request = ScanRequest.of(dir).withBaseDir(dir);

        ReportCache.Outcome first = cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        assertThat(first.filesRead()).isEqualTo(2);
        ReportCache.Outcome second = cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        assertThat(second.reused()).isTrue();
        assertThat(second.filesRead()).as("unchanged stamps: nothing read").isZero();

        // same size, same modification time, other content: the change time still tells
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(config);
        Files.writeString(config, "key tok_zzzzzz999999\n");
        Files.setLastModifiedTime(config, modified);
        ReportCache.Outcome edited = cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        assertThat(edited.filesRead()).isEqualTo(1);
        assertThat(edited.reused()).isFalse();
        assertThat(edited.report().findings()).singleElement()
                .satisfies(f -> assertThat(f.snippet()).doesNotContain(TOKEN.substring(4)));
    }

    @Test
    void filesChangedAroundTheTimeOfHashingAreReadAgain() throws IOException {
        write("a.txt", "key " + TOKEN + "\n");
        ReportCache cache = new ReportCache(cacheDir); // default margin: these files are "racy"
        ScanRequest request = ScanRequest.of(dir).withBaseDir(dir);
        cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        ReportCache.Outcome again = cache.scan(new Scanner(rules), rules, request, List.of(), ScanListener.NONE);
        assertThat(again.reused()).isTrue();
        assertThat(again.filesRead()).isEqualTo(1);
    }
}
