package dev.hushlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hushlint.cli.github.UploadEnvironment;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.FileAccess;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret never leaves in clear. Every fixture (rule fixtures and the demo) goes through every output the CLI
 * has — text, JSON and SARIF (suppressed findings included) on stdout and to a file, {@code --debug} stderr, the
 * baseline file, the scan cache, the {@code github upload} request — and none may hold a fixture secret in full,
 * as an 8-character piece, or as an unsalted digest ({@link LeakCheck}).
 */
class NoLeakTest {

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String UPLOADS = "/repos/acme/orders/code-scanning/sarifs";

    @TempDir
    Path tmp;

    @AfterEach
    void resetEnvironment() {
        UploadEnvironment.reset();
    }

    @Test
    void noOutputHoldsAFixtureSecretAPieceOfOneOrAPlainDigestOfOne() throws IOException {
        Set<String> secrets = LeakCheck.fixtureSecrets();
        assertThat(secrets).as("fixture secrets found").hasSizeGreaterThanOrEqualTo(20);

        Map<String, String> outputs = new LinkedHashMap<>();
        List<Path> roots = LeakCheck.fixtureRoots();
        for (Path root : roots) {
            String name = root.getFileName().toString();
            for (String format : List.of("text", "json", "sarif")) {
                Cli r = withSystemErr("scan", root.toString(), "--base-dir", root.toString(), "--format", format,
                        "--include-suppressed", "--debug", "--fail-on", "none");
                assertThat(r.code()).as(r.err()).isZero();
                outputs.put(name + " " + format + " stdout", r.out());
                outputs.put(name + " " + format + " --debug stderr", r.err());
                Path file = tmp.resolve(name + "." + format);
                Cli toFile = Cli.run("scan", root.toString(), "--format", format, "--include-suppressed", "--output",
                        file.toString(), "--fail-on", "none");
                outputs.put(name + " " + format + " stderr", toFile.err());
                outputs.put(name + " " + format + " file", Files.readString(file));
            }
            Path cache = tmp.resolve("cache-" + name);
            for (int run = 1; run <= 2; run++) { // the second run answers from the cache
                Cli cached = withSystemErr("scan", root.toString(), "--base-dir", root.toString(), "--format", "json",
                        "--include-suppressed", "--fail-on", "none", "--cache", cache.toString(), "--debug");
                outputs.put(name + " cached run " + run, cached.out() + cached.err());
            }
            outputs.putAll(filesIn(cache, "cache of " + name));
        }

        Path baseline = tmp.resolve("baseline.json");
        Path module = roots.get(0).getParent();
        Cli created = withSystemErr("baseline", "create", roots.get(0).toString(), roots.get(1).toString(),
                "--base-dir", module.toString(), "--output", baseline.toString(), "--debug");
        assertThat(created.code()).as(created.err()).isZero();
        String baselineText = Files.readString(baseline);
        assertThat(baselineText).contains("\"valueHash\"");
        outputs.put("baseline file", baselineText);
        outputs.put("baseline stderr", created.out() + created.err());

        assertThat(outputs.get("fixtures sarif --debug stderr")).as("the debug log was captured").contains("hushlint debug:");
        outputs.putAll(uploadRequest(outputs.get("fixtures sarif file")));
        // hushlint aws --inventory needs a Lambda API: AwsCommandTest checks it against WireMock the same way

        for (Map.Entry<String, String> output : outputs.entrySet()) {
            LeakCheck.assertNoLeak(output.getKey(), output.getValue(), secrets);
        }
        assertThat(outputs.get("fixtures json stdout")).as("the scan found what the secrets came from")
                .contains("\"secret/known-format\"", "\"java/hardcoded-credential\"", "\"config/hardcoded-credential\"");
        assertThat(outputs.get("fixtures sarif file")).contains("\"suppressions\"");
    }

    /** An unreadable file whose error message quotes a secret: neither the notification nor --debug repeats it. */
    @Test
    void exceptionMessagesNeverReachNotificationsOrTheDebugLog() throws IOException {
        Set<String> secrets = Set.of("Zq7Wm2Lx9Vb4Nc8Rt1Kp");
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("a.properties"), "x=1\n");
        FileAccess failing = file -> {
            throw new IOException("cannot read near 'password=Zq7Wm2Lx9Vb4Nc8Rt1Kp'");
        };
        ByteArrayOutputStream debug = new ByteArrayOutputStream();
        Report report = new Scanner(BuiltInRules.ruleSet(), failing, new PrintStream(debug, true, StandardCharsets.UTF_8))
                .scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(report.notifications()).extracting(Notification::code).contains("io-error");
        for (Notification n : report.notifications()) {
            LeakCheck.assertNoLeak("notification " + n.code(), n.message(), secrets);
        }
        LeakCheck.assertNoLeak("debug log", debug.toString(StandardCharsets.UTF_8), secrets);
    }

    /**
     * Runs the CLI with {@code System.err} captured too: the scanner's {@code --debug} trace goes there, not to the
     * command's error writer. The captured text is appended to {@link Cli#err()}.
     */
    private static Cli withSystemErr(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Cli cli = Cli.run(args);
            return new Cli(cli.code(), cli.out(), cli.err() + captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    /** The {@code github upload} request body (JSON around the gzipped, base64-encoded SARIF) sent to WireMock. */
    private Map<String, String> uploadRequest(String sarif) throws IOException {
        Path file = tmp.resolve("upload.sarif");
        Files.writeString(file, sarif);
        github.stubFor(post(urlEqualTo(UPLOADS)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"47177e22-5596-11eb-80a1-c1e54ef945c6\",\"url\":\"" + github.baseUrl() + UPLOADS + "/1\"}")));
        UploadEnvironment.set(Map.of("GITHUB_TOKEN", "ghs_noLeakTestToken4Lm9Vb2Nc8Rz1Qx7"));
        Cli upload = Cli.run("github", "upload", file.toString(), "--repo", "acme/orders",
                "--sha", "4f9c2d7e1a3b5c6d8e0f1a2b3c4d5e6f7a8b9c0d", "--ref", "refs/heads/main",
                "--api-url", github.baseUrl(), "--retry-delay", "0.01", "--poll-interval", "0.01");
        assertThat(upload.code()).as(upload.err()).isZero();
        List<LoggedRequest> requests = github.findAll(postRequestedFor(urlEqualTo(UPLOADS)));
        assertThat(requests).hasSize(1);
        String body = requests.get(0).getBodyAsString();
        JsonNode json = new ObjectMapper().readTree(body);
        String uploadedSarif;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(json.path("sarif").asText())))) {
            uploadedSarif = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(uploadedSarif).contains("\"results\"");
        return Map.of("upload request body", body, "uploaded SARIF (decoded)", uploadedSarif,
                "upload output", upload.out() + upload.err());
    }

    /** Every file under a directory, read as ISO-8859-1 (binary caches keep ASCII text as is). */
    private static Map<String, String> filesIn(Path dir, String label) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).as(label).isNotEmpty();
        for (Path f : files) {
            out.put(label + ": " + dir.relativize(f), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
        return out;
    }
}
