package dev.hushlint.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hushlint.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hushlint github upload} against WireMock playing GitHub's code scanning API. */
class UploadCommandTest {

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghs_uploadTestToken7Qx2Lm9Vb4Nc8Rz1";
    private static final String SHA = "4f9c2d7e1a3b5c6d8e0f1a2b3c4d5e6f7a8b9c0d";
    private static final String UPLOADS = "/repos/acme/orders/code-scanning/sarifs";

    @TempDir
    Path tmp;

    private Path sarif;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        UploadCommand.environment = Map.of("GITHUB_TOKEN", TOKEN)::get;
        // a real scan's SARIF, of a file holding a fake AWS key
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("app.properties"), "aws.key=AKIAR7TX3MQ2ZW5KPL4N\n");
        sarif = tmp.resolve("hushlint.sarif");
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "scan",
                project.toString(), "--base-dir", project.toString(), "--format", "sarif", "--output", sarif.toString(),
                "--fail-on", "none", "--quiet");
        assertThat(code).isZero();
        assertThat(JSON.readTree(sarif.toFile()).at("/runs/0/results")).hasSize(1);
    }

    @AfterEach
    void tearDown() {
        UploadCommand.environment = System::getenv;
    }

    private Run upload(String... extra) {
        List<String> args = new ArrayList<>(List.of("github", "upload", sarif.toString(), "--repo", "acme/orders",
                "--sha", SHA, "--ref", "refs/heads/main", "--checkout-uri", "file:///work/orders",
                "--retry-delay", "0.01", "--poll-interval", "0.01"));
        if (!List.of(extra).contains("--api-url")) {
            args.addAll(List.of("--api-url", github.baseUrl()));
        }
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        Run run = new Run(code, out.toString(), err.toString());
        assertThat(run.out() + run.err()).as("the token is never printed").doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4, 16));
        return run;
    }

    private static void answer(int status, String body) {
        github.stubFor(post(urlEqualTo(UPLOADS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void accepted() {
        answer(202, "{\"id\":\"47177e22-5596-11eb-80a1-c1e54ef945c6\",\"url\":\"https://api.github.com/repos/acme/orders/code-scanning/sarifs/47177e22-5596-11eb-80a1-c1e54ef945c6\"}");
    }

    private static JsonNode uploadedBody() throws IOException {
        List<LoggedRequest> requests = github.findAll(postRequestedFor(urlEqualTo(UPLOADS)));
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    private static JsonNode decode(String encoded) throws IOException {
        byte[] gzip = Base64.getDecoder().decode(encoded);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return JSON.readTree(in.readAllBytes());
        }
    }

    @Test
    void uploadsTheSarifGzippedAndBase64EncodedWithCommitRefAndTool() throws IOException {
        accepted();
        Run run = upload();

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("uploaded", "acme/orders", "1 result", "sarif id 47177e22-5596-11eb-80a1-c1e54ef945c6");
        JsonNode body = uploadedBody();
        assertThat(body.path("commit_sha").asText()).isEqualTo(SHA);
        assertThat(body.path("ref").asText()).isEqualTo("refs/heads/main");
        assertThat(body.path("checkout_uri").asText()).isEqualTo("file:///work/orders");
        assertThat(body.path("tool_name").asText()).isEqualTo("hushlint");
        assertThat(body.path("started_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        assertThat(decode(body.path("sarif").asText())).isEqualTo(JSON.readTree(sarif.toFile()));

        github.verify(postRequestedFor(urlEqualTo(UPLOADS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    @Test
    void suppressedResultsAreLeftOutUnlessAsked() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(sarif.toFile());
        ArrayNode results = (ArrayNode) doc.at("/runs/0/results");
        ObjectNode suppressed = results.get(0).deepCopy();
        suppressed.putArray("suppressions").addObject().put("kind", "external").put("justification", "accepted");
        results.add(suppressed);
        JSON.writeValue(sarif.toFile(), doc);
        accepted();

        Run run = upload();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("1 result", "1 suppressed left out");
        JsonNode sent = decode(uploadedBody().path("sarif").asText());
        assertThat(sent.at("/runs/0/results")).hasSize(1);
        assertThat(sent.at("/runs/0/results/0/suppressions").isMissingNode()).isTrue();

        github.resetRequests();
        assertThat(upload("--include-suppressed").code()).isZero();
        assertThat(decode(uploadedBody().path("sarif").asText())).isEqualTo(doc);
    }

    @Test
    void waitPollsUntilProcessingCompletes() {
        accepted();
        String status = UPLOADS + "/47177e22-5596-11eb-80a1-c1e54ef945c6";
        github.stubFor(get(urlEqualTo(status)).inScenario("processing").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}"))
                .willSetStateTo("known"));
        github.stubFor(get(urlEqualTo(status)).inScenario("processing").whenScenarioStateIs("known")
                .willReturn(aResponse().withStatus(200).withBody("{\"processing_status\":\"pending\"}"))
                .willSetStateTo("done"));
        github.stubFor(get(urlEqualTo(status)).inScenario("processing").whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"processing_status\":\"complete\",\"analyses_url\":\"https://api.github.com/repos/acme/orders/code-scanning/analyses?sarif_id=47177e22\"}")));

        Run run = upload("--wait");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("processed by GitHub", "analyses?sarif_id=47177e22");
        github.verify(3, getRequestedFor(urlEqualTo(status)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void waitGivesUpAfterTheTimeoutWithExitThree() {
        accepted();
        github.stubFor(get(urlEqualTo(UPLOADS + "/47177e22-5596-11eb-80a1-c1e54ef945c6")).willReturn(aResponse()
                .withStatus(200).withBody("{\"processing_status\":\"pending\"}")));
        Run run = upload("--wait", "--wait-timeout", "0.2");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("still 'pending'");
    }

    @Test
    void waitPrintsGithubsErrorsWhenProcessingFails() {
        accepted();
        github.stubFor(get(urlEqualTo(UPLOADS + "/47177e22-5596-11eb-80a1-c1e54ef945c6")).willReturn(aResponse()
                .withStatus(200).withBody("{\"processing_status\":\"failed\",\"errors\":[\"locationFromSarifResult: expected at least one location\"]}")));
        Run run = upload("--wait");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("failed to process", "expected at least one location");
    }

    @Test
    void eachRejectionIsExplainedAndExitsOne() {
        Map<Integer, String> expectations = Map.of(
                400, "invalid",
                401, "token was not accepted",
                403, "security-events: write",
                404, "no repository acme/orders",
                413, "at most 10 MB of gzipped SARIF",
                422, "could not process");
        expectations.forEach((status, explanation) -> {
            github.resetAll();
            answer(status, "{\"message\":\"GitHub says " + status + "\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            Run run = upload();
            assertThat(run.code()).as("status " + status).isEqualTo(1);
            assertThat(run.err()).as("status " + status).contains("rejected (" + status, explanation, "GitHub says " + status);
            github.verify(1, postRequestedFor(urlEqualTo(UPLOADS)));
        });
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        github.stubFor(post(urlEqualTo(UPLOADS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        github.stubFor(post(urlEqualTo(UPLOADS)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("third"));
        github.stubFor(post(urlEqualTo(UPLOADS)).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(202).withBody("{\"id\":\"abc\",\"url\":\"u\"}")));

        Run run = upload();
        assertThat(run.code()).as(run.err()).isZero();
        github.verify(3, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void serverErrorsAfterEveryRetryExitThree() {
        answer(500, "{\"message\":\"Server Error\"}");
        Run run = upload("--attempts", "3");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("500", "gave up after 3 attempts");
        github.verify(3, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void aNetworkFailureExitsThree() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("github", "upload", sarif.toString(), "--repo", "acme/orders",
                "--sha", SHA, "--ref", "refs/heads/main", "--api-url", "http://127.0.0.1:" + closedPort,
                "--retry-delay", "0.01", "--attempts", "2"));
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach 127.0.0.1", "gave up after 2 attempts");
    }

    @Test
    void plainHttpIsRefusedForAnythingButLoopback() {
        Run run = upload("--api-url", "http://github.example.com/api/v3");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("only for a loopback host");
        assertThat(upload("--api-url", "ftp://example.com").code()).isEqualTo(2);
        github.verify(0, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void aMissingTokenIsAUsageErrorNamingTheVariable() {
        UploadCommand.environment = Map.<String, String>of()::get;
        Run run = upload("--token-env", "HUSHLINT_UPLOAD_TOKEN");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("HUSHLINT_UPLOAD_TOKEN is not set");
    }

    @Test
    void aMissingOrInvalidFileIsAUsageError() throws IOException {
        Files.writeString(sarif, "{ not json");
        assertThat(upload().code()).isEqualTo(2);
        Files.writeString(sarif, "{\"version\":\"1.0\"}");
        Run run = upload();
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not SARIF 2.1.0");
        Files.delete(sarif);
        assertThat(upload().err()).contains("no such file");
        github.verify(0, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void tooManyResultsAreRefusedBeforeUpload() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(sarif.toFile());
        ArrayNode results = (ArrayNode) doc.at("/runs/0/results");
        JsonNode one = results.get(0);
        while (results.size() <= SarifPayload.MAX_RESULTS_PER_RUN) {
            results.add(one.deepCopy());
        }
        JSON.writeValue(sarif.toFile(), doc);
        Run run = upload();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("25001 results", "at most 25000 per run");
        github.verify(0, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void overTenMegabytesGzippedIsRefusedBeforeUpload() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(sarif.toFile());
        // random text barely compresses: 15 MB of it stays over 10 MB gzipped
        StringBuilder noise = new StringBuilder(15 * 1024 * 1024);
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 15 * 1024 * 1024; i++) {
            noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        ((ObjectNode) doc.at("/runs/0/results/0/message")).put("text", noise.toString());
        JSON.writeValue(sarif.toFile(), doc);
        Run run = upload();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("gzipped; GitHub accepts at most 10 MB");
        github.verify(0, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void twoRunsOfOneToolAndCategoryOrAResultWithoutLocationAreRefused() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(sarif.toFile());
        ((ArrayNode) doc.get("runs")).add(doc.get("runs").get(0).deepCopy());
        JSON.writeValue(sarif.toFile(), doc);
        Run twoRuns = upload();
        assertThat(twoRuns.code()).isEqualTo(1);
        assertThat(twoRuns.err()).contains("share the category 'hushlint'");

        ((ArrayNode) doc.get("runs")).remove(1);
        ((ObjectNode) doc.at("/runs/0/results/0")).putArray("locations");
        JSON.writeValue(sarif.toFile(), doc);
        Run noLocation = upload();
        assertThat(noLocation.code()).isEqualTo(1);
        assertThat(noLocation.err()).contains("no physical location");
        github.verify(0, postRequestedFor(urlEqualTo(UPLOADS)));
    }

    @Test
    void theTargetComesFromTheActionsEnvironment() throws UploadFailure {
        Map<String, String> env = Map.of("GITHUB_REPOSITORY", "acme/orders", "GITHUB_SHA", SHA,
                "GITHUB_REF", "refs/pull/42/merge", "GITHUB_WORKSPACE", "/home/runner/work/orders/orders");
        UploadTarget t = UploadTarget.resolve(null, null, null, null, env::get, UploadTarget.Git.NONE);
        assertThat(t.repository()).isEqualTo("acme/orders");
        assertThat(t.sha()).isEqualTo(SHA);
        assertThat(t.ref()).isEqualTo("refs/pull/42/merge");
        assertThat(t.checkoutUri()).isIn("file:///home/runner/work/orders/orders", "file:///home/runner/work/orders/orders/");

        UploadTarget flags = UploadTarget.resolve("other/repo", SHA.toUpperCase(), "main", null, env::get, UploadTarget.Git.NONE);
        assertThat(flags.repository()).as("flags win over the environment").isEqualTo("other/repo");
        assertThat(flags.sha()).isEqualTo(SHA);
        assertThat(flags.ref()).isEqualTo("refs/heads/main");
    }

    @Test
    void theTargetComesFromGitOutsideActions() throws UploadFailure {
        Map<String, String> answers = Map.of(
                "config --get remote.origin.url", "git@github.com:acme/orders.git",
                "rev-parse HEAD", SHA,
                "symbolic-ref -q HEAD", "refs/heads/feature/x",
                "rev-parse --show-toplevel", "/src/orders");
        UploadTarget.Git git = args -> answers.get(String.join(" ", args));
        UploadTarget t = UploadTarget.resolve(null, null, null, null, Map.<String, String>of()::get, git);
        assertThat(t.repository()).isEqualTo("acme/orders");
        assertThat(t.ref()).isEqualTo("refs/heads/feature/x");
        assertThat(t.checkoutUri()).isIn("file:///src/orders", "file:///src/orders/");
    }

    @Test
    void anUnknownTargetIsAUsageErrorSayingWhatToGive() {
        Map<String, String> none = Map.of();
        assertThat(failure(() -> UploadTarget.resolve(null, SHA, "main", null, none::get, UploadTarget.Git.NONE)))
                .contains("--repo OWNER/NAME");
        assertThat(failure(() -> UploadTarget.resolve("acme/orders", null, "main", null, none::get, UploadTarget.Git.NONE)))
                .contains("--sha");
        assertThat(failure(() -> UploadTarget.resolve("acme/orders", "abc", "main", null, none::get, UploadTarget.Git.NONE)))
                .contains("40-character");
        assertThat(failure(() -> UploadTarget.resolve("acme/orders", SHA, null, null, none::get, UploadTarget.Git.NONE)))
                .contains("--ref");
        assertThat(failure(() -> UploadTarget.resolve("not a repo", SHA, "main", null, none::get, UploadTarget.Git.NONE)))
                .contains("OWNER/NAME");
    }

    interface Resolution {
        UploadTarget get() throws UploadFailure;
    }

    private static String failure(Resolution r) {
        try {
            r.get();
        } catch (UploadFailure e) {
            assertThat(e.exitCode()).isEqualTo(2);
            return e.getMessage();
        }
        throw new AssertionError("expected a usage error");
    }

    @Test
    void helpListsTheExitCodes() {
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "github", "upload", "--help");
        assertThat(out.toString()).contains("Exit codes:", "rejected by GitHub", "network failure", "--token-env");
        assertThat(out.toString().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
