package dev.hushlint.engine.suppress;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.Suppression;
import dev.hushlint.engine.TestRules;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InlineSuppressionsTest {

    @TempDir
    Path dir;

    private Report scan(RuleSet rules, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        return new Scanner(rules).scan(ScanRequest.of(dir).withBaseDir(dir).withThreads(1));
    }

    private Report scan(String name, String text) throws IOException {
        return scan(TestRules.all(), name, text);
    }

    private static List<String> codes(Report r) {
        return r.notifications().stream().map(Notification::code).toList();
    }

    @Test
    void aMarkerOnTheLineAboveSuppressesWithItsReason() throws IOException {
        Report r = scan("A.java", """
                class A {
                    // hushlint:ignore test/token fake token for the unit test
                    String t = "tok_abcdef123456";
                    String u = "tok_zzzzzz999999";
                }
                """);
        assertThat(r.findings()).hasSize(2);
        assertThat(r.suppressedFindings()).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(3);
            assertThat(f.suppression()).isEqualTo(new Suppression("inSource", "fake token for the unit test"));
        });
        assertThat(r.activeFindings()).singleElement().satisfies(f -> assertThat(f.location().startLine()).isEqualTo(4));
        assertThat(r.notifications()).isEmpty();
    }

    @Test
    void everyCommentSyntaxWorks() throws IOException {
        Report r = scan("mixed.txt", """
                a = tok_aaaaaaaaaaa1 # hushlint:ignore test/token yaml-style
                b = tok_aaaaaaaaaaa2 // hushlint:ignore test/token c-style
                c = tok_aaaaaaaaaaa3 /* hushlint:ignore test/token block */
                <!-- hushlint:ignore test/token xml -->
                d = tok_aaaaaaaaaaa4
                -- hushlint:ignore test/token sql
                e = tok_aaaaaaaaaaa5
                /*
                 * hushlint:ignore test/token inside a block comment
                 */
                f = tok_aaaaaaaaaaa6
                g = tok_aaaaaaaaaaa7
                """);
        assertThat(r.activeFindings()).extracting(f -> f.location().startLine()).containsExactly(12);
        assertThat(r.suppressedFindings()).extracting(f -> f.suppression().justification())
                .containsExactly("yaml-style", "c-style", "block", "xml", "sql", "inside a block comment");
        assertThat(codes(r)).isEmpty();
    }

    @Test
    void aMarkerAboveMoreCommentLinesCoversTheFirstCodeLineBelowThem() throws IOException {
        Report r = scan("B.java", """
                class B {
                    // hushlint:ignore test/token the key of the local emulator
                    // (see docs/local.md for how it is started)
                    String t = "tok_abcdef123456";
                    String u = "tok_zzzzzz999999";
                }
                """);
        assertThat(r.activeFindings()).extracting(f -> f.location().startLine()).containsExactly(5);
    }

    @Test
    void aTrailingMarkerCoversOnlyItsOwnLine() throws IOException {
        Report r = scan("t.txt", """
                a = 1 # hushlint:ignore test/token not for the next line
                b = tok_abcdef123456
                """);
        assertThat(r.activeFindings()).hasSize(1);
        assertThat(codes(r)).containsExactly("suppression-stale");
    }

    @Test
    void aMarkerNamingAnyMergedRuleMatchesTheMergedFinding() throws IOException {
        Report r = scan("Config.txt", """
                # hushlint:ignore test/token, test/other rotated last week
                db_password = "tok_abcdef123456"
                """);
        Finding f = r.findings().get(0);
        assertThat(f.ruleId()).isEqualTo("test/assignment");
        assertThat(f.suppressed()).isTrue();
        assertThat(f.suppression().justification()).isEqualTo("rotated last week");
    }

    @Test
    void aFamilyWildcardMatches() throws IOException {
        Report r = scan("c.txt", "x = tok_abcdef123456 # hushlint:ignore test/* demo value\n");
        assertThat(r.activeFindings()).isEmpty();
        assertThat(r.notifications()).isEmpty();
    }

    @Test
    void noReasonIsAcceptedButNotedAndStaleAndUnknownAndMalformedAreNoted() throws IOException {
        Report r = scan("n.txt", """
                # hushlint:ignore test/token
                x = tok_abcdef123456
                # hushlint:ignore test/assignment nothing here any more
                y = 1
                # hushlint:ignore tset/tokn typo
                z = 2
                # hushlint:ignore because I said so
                w = 3
                """);
        assertThat(r.activeFindings()).isEmpty();
        assertThat(r.notifications()).extracting(Notification::code, Notification::line, Notification::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("suppression-without-reason", 1, Notification.Level.NOTE),
                        org.assertj.core.groups.Tuple.tuple("suppression-stale", 3, Notification.Level.WARNING),
                        org.assertj.core.groups.Tuple.tuple("suppression-unknown-rule", 5, Notification.Level.NOTE),
                        org.assertj.core.groups.Tuple.tuple("suppression-invalid", 7, Notification.Level.WARNING));
        // notes about suppressions are never findings: nothing is left to trip a gate
        assertThat(r.hasAtLeast(Severity.LOW)).isFalse();
    }

    @Test
    void markdownCountsOnlyHtmlComments() throws IOException {
        Report r = scan("README.md", """
                ```properties
                # hushlint:ignore test/token an example of the syntax, not a marker
                ```
                <!-- hushlint:ignore test/token the token of the public demo account -->
                Use tok_abcdef123456 to try it.
                """);
        assertThat(r.suppressedFindings()).hasSize(1);
        assertThat(r.notifications()).isEmpty();
    }

    @Test
    void theSyntaxDescribedInACommentIsNotAMarker() throws IOException {
        Report r = scan("Doc.java", """
                /** Write {@code hushlint:ignore <rule-id> <reason>} above the line. */
                class Doc {
                    String help = "// hushlint:ignore " + "x"; // code that builds a marker is not one
                }
                """);
        assertThat(r.notifications()).isEmpty();
    }

    @Test
    void theKeywordOutsideACommentIsNotAMarker() throws IOException {
        Report r = scan("s.txt", "x = tok_abcdef123456 hushlint:ignore test/token nope\n");
        assertThat(r.activeFindings()).hasSize(1);
    }

    @Test
    void theReasonNeverRepeatsTheSecret() throws IOException {
        Report r = scan("q.txt", "x = tok_abcdef123456 # hushlint:ignore test/token tok_abcdef123456 is fake\n");
        assertThat(r.findings().get(0).suppression().justification()).doesNotContain("abcdef12").endsWith("is fake");
    }

    @Test
    void noInlineIgnoresTurnsOffMarkersAndRuleAttachedSuppressions() throws IOException {
        RuleSet rules = new RuleSet(List.of(), List.of(), List.of(new TestRules.Token(), new SelfSuppressing()));
        String text = """
                # hushlint:ignore test/token fake
                x = tok_abcdef123456
                METADATA-IGNORED here
                """;
        Report allowed = scan(rules, "m.txt", text);
        assertThat(allowed.activeFindings()).isEmpty();
        Report forbidden = scan(rules.withInlineSuppressions(false), "m.txt", text);
        assertThat(forbidden.activeFindings()).hasSize(2);
        assertThat(forbidden.notifications()).isEmpty();
    }

    /** Stands in for a template rule honouring a resource's Metadata suppression. */
    static final class SelfSuppressing implements Rule<TextFile> {
        static final RuleInfo INFO = RuleInfo.builder("test/self-suppressing").name("SelfSuppressing")
                .severity(Severity.HIGH).summary("s").help("h").build();

        @Override public RuleInfo info() { return INFO; }
        @Override public Class<TextFile> inputType() { return TextFile.class; }

        @Override
        public RuleResult check(TextFile file, ScanContext context) {
            int at = file.text().indexOf("METADATA-IGNORED");
            if (at < 0) {
                return RuleResult.NONE;
            }
            return RuleResult.of(List.of(Finding.builder(INFO).location(file.lineLocation(file.lineOf(at))).build()
                    .withSuppression(InlineSuppressions.inSource("metadata says so"))));
        }
    }
}
