package dev.hushlint.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hushlint.engine.Version;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GitHub's code scanning SARIF API over the JDK's HTTP client: upload ({@code POST …/code-scanning/sarifs})
 * and processing status ({@code GET …/sarifs/{id}}). 5xx answers and network failures are retried with
 * exponential backoff; 4xx answers are final and explained.
 */
final class CodeScanningClient {

    /** How long to wait between retries: the delay before retry n (1-based) is base × 2^(n-1). */
    record Retry(int attempts, Duration baseDelay) {
    }

    /** The upload's id and its status URL. */
    record Receipt(String id, String url) {
    }

    /** {@code pending}, {@code complete} or {@code failed}, with GitHub's errors and the analyses URL. */
    record Status(String processingStatus, List<String> errors, String analysesUrl) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI api;
    private final String token;
    private final Retry retry;
    private final Sleeper sleeper;

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    CodeScanningClient(URI api, String token, Retry retry, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.api = api;
        this.token = token;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    /**
     * The API base URL: https, or http for a loopback host only (a local test server); a GitHub Enterprise
     * Server is {@code https://HOST/api/v3}.
     */
    static URI apiUrl(String text) throws UploadFailure {
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new UploadFailure(UploadFailure.USAGE, "--api-url is not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new UploadFailure(UploadFailure.USAGE, "--api-url must be an https:// URL, e.g. https://github.example.com/api/v3: " + text);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new UploadFailure(UploadFailure.USAGE, "--api-url: plain http:// is allowed only for a loopback host "
                    + "(the token would travel in clear); use https://");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literal addresses: no name lookup decides where a token goes
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    Receipt upload(UploadTarget target, SarifPayload payload, String startedAt) throws UploadFailure, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("commit_sha", target.sha());
        body.put("ref", target.ref());
        body.put("sarif", payload.encoded());
        if (target.checkoutUri() != null) {
            body.put("checkout_uri", target.checkoutUri());
        }
        body.put("started_at", startedAt);
        body.put("tool_name", payload.toolName());
        URI uri = URI.create(api + "/repos/" + target.owner() + "/" + target.name() + "/code-scanning/sarifs");
        HttpRequest request = request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = send(request, target, payload, false);
        if (response.statusCode() != 202 && response.statusCode() != 200 && response.statusCode() != 201) {
            throw new UploadFailure(UploadFailure.REJECTED, "unexpected answer " + response.statusCode() + " from " + uri);
        }
        JsonNode json = parse(response.body());
        String id = json.path("id").asText("");
        if (id.isEmpty()) {
            throw new UploadFailure(UploadFailure.UNAVAILABLE, "GitHub accepted the upload but sent no id: " + abbreviate(response.body()));
        }
        return new Receipt(id, json.path("url").asText(""));
    }

    Status status(UploadTarget target, String id) throws UploadFailure, InterruptedException {
        URI uri = URI.create(api + "/repos/" + target.owner() + "/" + target.name() + "/code-scanning/sarifs/" + id);
        // right after an upload the status can be briefly unknown (404): that is "not yet", not a rejection
        HttpResponse<String> response = send(request(uri).GET().build(), target, null, true);
        if (response.statusCode() == 404) {
            return new Status("pending", List.of(), null);
        }
        JsonNode json = parse(response.body());
        List<String> errors = new ArrayList<>();
        json.path("errors").forEach(e -> errors.add(e.isTextual() ? e.asText() : e.toString()));
        return new Status(json.path("processing_status").asText("pending"), errors,
                json.path("analyses_url").asText(null));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "hushlint/" + Version.current())
                .header("Authorization", "Bearer " + token);
    }

    /** Sends with retries on 5xx and network failures; a 4xx becomes an explained failure. */
    private HttpResponse<String> send(HttpRequest request, UploadTarget target, SarifPayload payload,
                                      boolean notFoundIsAnAnswer) throws UploadFailure, InterruptedException {
        String lastProblem = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(retry.baseDelay().multipliedBy(1L << (attempt - 2)));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer from " + request.uri().getHost() + " in time";
                continue;
            } catch (IOException e) {
                lastProblem = "cannot reach " + request.uri().getHost() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                continue;
            }
            int code = response.statusCode();
            if (code >= 500) {
                lastProblem = "GitHub answered " + code + " " + githubMessage(response.body());
                continue;
            }
            if (code == 404 && notFoundIsAnAnswer) {
                return response;
            }
            if (code >= 400) {
                throw new UploadFailure(UploadFailure.REJECTED, explain(code, response.body(), target, payload));
            }
            return response;
        }
        throw new UploadFailure(UploadFailure.UNAVAILABLE, lastProblem + "; gave up after " + retry.attempts()
                + (retry.attempts() == 1 ? " attempt" : " attempts"));
    }

    private static String explain(int code, String body, UploadTarget target, SarifPayload payload) {
        String github = githubMessage(body);
        String repo = target.repository();
        return switch (code) {
            case 400 -> "rejected (400 Bad Request): GitHub found the SARIF invalid " + github;
            case 401 -> "rejected (401 Unauthorized): the token was not accepted; check that it is valid and not expired " + github;
            case 403 -> "rejected (403 Forbidden): code scanning may not be enabled for " + repo + ", the repository may be "
                    + "archived, or the token lacks permission (a classic token needs the security_events scope; a workflow "
                    + "needs 'permissions: security-events: write') " + github;
            case 404 -> "rejected (404 Not Found): no repository " + repo + " visible to this token (check --repo, the "
                    + "token's access, and --api-url for GitHub Enterprise Server) " + github;
            case 413 -> "rejected (413 Payload Too Large): GitHub accepts at most 10 MB of gzipped SARIF"
                    + (payload == null ? "" : "; this upload is " + SarifPayload.megabytes(payload.gzippedBytes()) + " gzipped")
                    + " " + github;
            case 422 -> "rejected (422 Unprocessable): GitHub could not process the upload (check that --sha is a commit "
                    + "pushed to " + repo + " and --ref names a branch, tag or pull request) " + github;
            case 429 -> "rejected (429 Too Many Requests): GitHub's rate limit (1,000 uploads an hour); try again later " + github;
            default -> "rejected (" + code + ") " + github;
        };
    }

    /** GitHub's own explanation from an error body, e.g. {@code (GitHub: "Advanced Security must be enabled")}. */
    private static String githubMessage(String body) {
        JsonNode json = parse(body);
        String message = json.path("message").asText("");
        return message.isEmpty() ? "" : "(GitHub: \"" + abbreviate(message) + "\")";
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body == null ? "" : body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
