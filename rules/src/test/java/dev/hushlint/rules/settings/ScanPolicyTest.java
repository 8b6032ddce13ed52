package dev.hushlint.rules.settings;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScanPolicyTest {

    // fake tokens generated for these tests
    private static final String MAIN_TOKEN = "ghp_k3Jd8sLq0WnR5tYv2XbZ7cMf1HgP9eA4uQiT";
    private static final String TEST_TOKEN = "ghp_Vb6Nq2Lr8Ks4Jt0Hm5Gz1Fx7Dw3Cy9Ep2AoU";
    private static final String DEMO_TOKEN = "ghp_DEMOa8Kq2Lr8Ks4Jt0Hm5Gz1Fx7Dw3Cy9Ep2";
    private static final String ACME_KEY = "acme_7f3k9q2m8x4v1n6b0c5z8l2j4h7g1d9s";

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        write("src/main/resources/app.properties", "github.token=" + MAIN_TOKEN + "\nacme.key=" + ACME_KEY
                + "\nacme.placeholder=acme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
        write("src/test/resources/test.properties", "github.token=" + TEST_TOKEN + "\n");
        write("docs/README.md", "Use `" + DEMO_TOKEN + "` in the demo.\n");
        write("src/generated/gen.properties", "github.token=" + MAIN_TOKEN + "\n");
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ScanPolicy.Applied scan(String yaml) throws Exception {
        Files.writeString(dir.resolve(Settings.FILE_NAME), yaml);
        ScanPolicy policy = ScanPolicy.of(Settings.load(dir.resolve(Settings.FILE_NAME)), null, true);
        ScanRequest request = policy.request(ScanRequest.of(dir).withBaseDir(dir).withThreads(1));
        Report raw = new Scanner(policy.ruleSet(BuiltInRules.ruleSet())).scan(request);
        return policy.apply(raw);
    }

    private static String path(Report r, Finding f) {
        return r.baseDir().relativize(f.location().file()).toString().replace('\\', '/');
    }

    @Test
    void aCustomRuleDefinedInYamlIsFoundByAScan() throws Exception {
        ScanPolicy.Applied applied = scan("""
                customRules:
                  - id: custom/acme-api-key
                    description: ACME internal API key
                    regex: 'acme_(?P<secret>[a-z0-9]{32})'
                    keywords: [acme_]
                    minEntropy: 3
                    severity: critical
                    files: ["*.properties"]
                """);
        Report r = applied.report();
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("custom/acme-api-key")).singleElement()
                .satisfies(f -> {
                    assertThat(path(r, f)).isEqualTo("src/main/resources/app.properties");
                    assertThat(f.location().startLine()).isEqualTo(2);
                    assertThat(f.location().startColumn()).isEqualTo("acme.key=acme_".length() + 1);
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.message()).isEqualTo("ACME internal API key found in app.properties");
                    assertThat(f.snippet()).doesNotContain(ACME_KEY.substring(5, 13));
                });
        assertThat(r.rule("custom/acme-api-key")).isPresent();
    }

    @Test
    void theExamplesOfACustomRuleInTheConfigurationAreNotReported() throws Exception {
        ScanPolicy.Applied applied = scan("""
                customRules:
                  - id: custom/acme-api-key
                    description: ACME internal API key
                    regex: 'acme_(?P<secret>[a-z0-9]{32})'
                    examples:
                      positive: ["acme.key=acme_k2m9x7q4v1n8b3c6z0l5j2h7g4d1s9f3"]
                      negative: ["token: %s"]
                """.formatted(TEST_TOKEN));
        Report r = applied.report();
        assertThat(r.findings()).noneMatch(f -> path(r, f).equals(Settings.FILE_NAME));
        assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("custom/acme-api-key"));
    }

    @Test
    void testCodeIsCappedOrIgnored() throws Exception {
        Report capped = scan("tests:\n  severity: low\n").report();
        assertThat(capped.findings()).filteredOn(f -> path(capped, f).startsWith("src/test/"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(capped.findings()).filteredOn(f -> path(capped, f).startsWith("src/main/"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));

        ScanPolicy.Applied ignored = scan("tests:\n  paths: ['src/test/**']\n  severity: ignore\n");
        assertThat(ignored.report().findings()).noneMatch(f -> path(ignored.report(), f).startsWith("src/test/"));
        assertThat(ignored.allowListed()).isEqualTo(1);
    }

    @Test
    void aSharedConfigurationElsewhereMatchesGlobsAgainstTheBaseDirectory() throws Exception {
        Path shared = Files.createTempDirectory("shared-config").resolve("security.yml");
        try {
            Files.writeString(shared, "tests:\n  severity: ignore\npaths:\n  exclude: ['docs/**']\n");
            ScanPolicy policy = ScanPolicy.of(Settings.load(shared), null, true);
            Report raw = new Scanner(policy.ruleSet(BuiltInRules.ruleSet()))
                    .scan(policy.request(ScanRequest.of(dir).withBaseDir(dir).withThreads(1)));
            Report r = policy.apply(raw).report();
            assertThat(r.findings()).extracting(f -> path(r, f))
                    .containsExactlyInAnyOrder("src/main/resources/app.properties", "src/generated/gen.properties");
        } finally {
            Files.deleteIfExists(shared);
            Files.deleteIfExists(shared.getParent());
        }
    }

    @Test
    void allowListsDropByValueLiteralAndPath() throws Exception {
        Report byValue = scan("allow:\n  values: ['^ghp_DEMO']\n").report();
        assertThat(byValue.findings()).noneMatch(f -> DEMO_TOKEN.equals(f.secret()));
        assertThat(byValue.notifications()).anyMatch(n -> n.code().equals("allow-listed"));

        Report byLiteral = scan("allow:\n  literals: ['" + TEST_TOKEN + "']\n").report();
        assertThat(byLiteral.findings()).noneMatch(f -> TEST_TOKEN.equals(f.secret()));
        assertThat(byLiteral.findings()).anyMatch(f -> DEMO_TOKEN.equals(f.secret()));

        Report byPath = scan("allow:\n  paths: ['^docs/']\n").report();
        assertThat(byPath.findings()).noneMatch(f -> path(byPath, f).startsWith("docs/"));
    }

    @Test
    void excludeAndIncludeGlobsNarrowTheScan() throws Exception {
        Report excluded = scan("paths:\n  exclude: ['**/generated/**', '*.md']\n").report();
        assertThat(excluded.findings()).extracting(f -> path(excluded, f))
                .containsExactlyInAnyOrder("src/main/resources/app.properties", "src/test/resources/test.properties");
        // left out of the walk, not just filtered: app.properties, test.properties and .hushlint.yml are read
        assertThat(excluded.filesScanned()).isEqualTo(3);
        assertThat(excluded.notifications()).noneMatch(n -> n.code().equals("allow-listed"));

        Report included = scan("paths:\n  include: ['src/main/**']\n").report();
        assertThat(included.findings()).extracting(f -> path(included, f))
                .containsExactly("src/main/resources/app.properties");
    }

    @Test
    void disabledRulesDoNotRunAndSeveritiesAreOverridden() throws Exception {
        Report off = scan("rules:\n  disable: [secret/*, config/*]\n").report();
        assertThat(off.findings()).isEmpty();
        assertThat(off.rules()).noneMatch(r -> r.id().equals("secret/known-format"));

        Report medium = scan("rules:\n  severity:\n    secret/*: medium\n    config/*: medium\n").report();
        assertThat(medium.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void theConfigurationCanForbidInlineIgnores() throws Exception {
        write("src/main/resources/ignored.properties",
                "# hushlint:ignore secret/known-format demo\nx=" + TEST_TOKEN + "\n");
        Report allowed = scan("rules: {}\n").report();
        assertThat(allowed.suppressedFindings()).hasSize(1);
        Report forbidden = scan("inlineIgnores: false\n").report();
        assertThat(forbidden.suppressedFindings()).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard against a hang, not a speed test: backtracking would take years
    void aCatastrophicUserRegexCannotHangTheScan() throws Exception {
        write("big.txt", "k=" + "a".repeat(200_000) + "\n");
        ScanPolicy.Applied applied = scan("""
                customRules:
                  - id: custom/evil
                    description: a regex that backtracks exponentially in a backtracking engine
                    regex: 'k=(?P<secret>(a|aa)*(a|aa)*c)'
                allow:
                  values: ['^(a+)+b$']
                """);
        assertThat(applied.report().findings()).noneMatch(f -> f.ruleId().equals("custom/evil"));
    }

    @Test
    void customRuleExamplesRunWithoutFileGlobs() throws Exception {
        Settings s = Settings.parse(dir.resolve(Settings.FILE_NAME), """
                customRules:
                  - id: custom/acme-api-key
                    description: ACME internal API key
                    regex: 'acme_(?P<secret>[a-z0-9]{32})'
                    minEntropy: 3
                    files: ["*.properties"]
                """);
        CustomRule rule = ScanPolicy.of(s, null, true).customRules().get(0);
        assertThat(rule.find(TextFile.of("example", "k=" + ACME_KEY))).hasSize(1);
        assertThat(rule.find(TextFile.of("example", "k=acme_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))).isEmpty();
    }
}
