package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the Java literal rules beyond the fixtures: parse failures, syntax levels, secrecy, prefilter. */
class JavaCredentialRulesTest {

    private static RuleResult check(String name, String source) {
        return new HardcodedCredential().check(new JavaSource(TextFile.of(name, source)), ScanContext.empty(Path.of("")));
    }

    @Test
    void aFileThatDoesNotParseIsANotificationAndStillScannedLexically(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Broken.java"), """
                class Broken {
                    String password = "Zq8-vLm3Tx7w";
                    String github = "ghp_R8s2Kd9LmQ3vXz7WnB4tY6pJh1cF0aE5uGiO";
                    void m( {
                }
                """);
        Report report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(report.notifications()).extracting(Notification::code).contains("parse-error");
        assertThat(report.notifications()).allSatisfy(n -> assertThat(n.message()).doesNotContain("Zq8-vLm3Tx7w"));
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("secret/known-format");
    }

    @Test
    void modernSyntaxParses() {
        RuleResult result = check("Modern.java", """
                package com.acme;
                sealed interface Shape permits Circle, Square {}
                record Circle(double r) implements Shape {}
                final class Square implements Shape {}
                class Modern {
                    static final String API_KEY = "ak-7Hq2Lm9Xv4Rz8Kp1Wn5";
                    String describe(Object o) {
                        var text = \"""
                            multi-line
                            \""";
                        return switch (o) {
                            case Circle c when c.r() > 1 -> "big";
                            case Circle c -> "small";
                            default -> text;
                        };
                    }
                }
                """);
        assertThat(result.notifications()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(6);
            assertThat(f.logicalPosition()).isEqualTo("com.acme.Modern#API_KEY/API_KEY");
            assertThat(f.message()).doesNotContain("7Hq2Lm9Xv4Rz8Kp1Wn5");
            assertThat(f.secret()).isEqualTo("ak-7Hq2Lm9Xv4Rz8Kp1Wn5");
        });
    }

    @Test
    void textBlocksAndConcatenationsOfLiteralsAreFollowed() {
        RuleResult result = check("Concat.java", """
                import java.sql.DriverManager;
                class Concat {
                    static final String PREFIX = "Pw7-";
                    void open(String url) throws Exception {
                        DriverManager.getConnection(url, "app", PREFIX + "qLm2Tz9x");
                    }
                }
                """);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.secret()).isEqualTo("Pw7-qLm2Tz9x");
            assertThat(f.location().startLine()).isEqualTo(3);
            assertThat(f.message()).contains("DriverManager.getConnection");
        });
    }

    @Test
    void anImportOfAnotherClassWithTheSameSimpleNameRulesTheSinkOut() {
        RuleResult result = check("Other.java", """
                import com.acme.auth.DriverManager;
                class Other {
                    void open(String url) throws Exception {
                        DriverManager.getConnection(url, "app", "not-the-jdk-one");
                    }
                }
                """);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aFileWithNothingNearALiteralIsNotParsed() {
        JavaSource source = new JavaSource(TextFile.of("Plain.java", """
                class Plain {
                    // the password is read elsewhere
                    String greet(String name) { return "hello " + name; }
                }
                """));
        assertThat(CredentialRuleSupport.lexicon(source).mayHoldCredential()).isFalse();
        assertThat(new HardcodedCredential().check(source, ScanContext.empty(Path.of(""))).findings()).isEmpty();
    }

    @Test
    void theLexiconSeesSecretNamesNextToLiteralsButNotInComments() {
        assertThat(JavaLexicon.of("class A { String password = \"x1y2z3w4\"; }").mayHoldCredential()).isTrue();
        assertThat(JavaLexicon.of("class A { /* password = \"x1y2z3w4\" */ }").mayHoldCredential()).isFalse();
        assertThat(JavaLexicon.of("class A { void m() { throw new E(\"bad password given\"); } }").mayHoldCredential()).isFalse();
        assertThat(JavaLexicon.of("class A { String u = \"jdbc:mysql://u:p4ss@h/db\"; }").mayHoldUrlCredential()).isTrue();
    }

    @Test
    void theConstantIndexerReadsStaticFinalStringsLexically() {
        JavaSource source = new JavaSource(TextFile.of("Consts.java", """
                package com.acme;
                public final class Consts {
                    public static final String DB_PW = "Qz7-\\u0041bc";
                    final static String OTHER = "x";
                    private String notStatic = "y";
                }
                """));
        List<JavaConstant> constants = new JavaConstantIndexer().index(source).stream()
                .map(f -> (JavaConstant) f.value()).toList();
        assertThat(constants).extracting(JavaConstant::name).containsExactly("DB_PW", "OTHER");
        assertThat(constants.get(0).value()).isEqualTo("Qz7-Abc");
        assertThat(constants.get(0).logicalPosition()).isEqualTo("com.acme.Consts#DB_PW");
        assertThat(constants.get(0).location().startLine()).isEqualTo(3);
    }
}
