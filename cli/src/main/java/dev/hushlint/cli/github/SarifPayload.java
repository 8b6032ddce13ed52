package dev.hushlint.cli.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A SARIF file made ready for GitHub: suppressed results left out (GitHub would open an alert for each)
 * unless asked, GitHub's documented limits checked before anything is sent, then gzipped and
 * base64-encoded as the upload API wants it.
 *
 * @param sarif          the SARIF as uploaded (after leaving out suppressed results)
 * @param encoded        gzip, then base64
 * @param gzippedBytes   size of the gzip, which GitHub limits
 * @param results        results uploaded
 * @param leftOut        suppressed results left out
 * @param toolName       {@code runs[0].tool.driver.name}
 * @param startedAt      {@code runs[0].invocations[0].startTimeUtc}, or null
 */
record SarifPayload(JsonNode sarif, String encoded, long gzippedBytes, int results, int leftOut, String toolName,
                    String startedAt) {

    // GitHub's limits for one SARIF upload (docs: "SARIF support for code scanning", upload limits)
    static final long MAX_GZIP_BYTES = 10L * 1024 * 1024;
    static final int MAX_RUNS = 20;
    static final int MAX_RESULTS_PER_RUN = 25_000;
    static final int MAX_RULES_PER_RUN = 25_000;
    static final int MAX_LOCATIONS_PER_RESULT = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static SarifPayload prepare(Path file, boolean includeSuppressed) throws UploadFailure {
        JsonNode sarif;
        try {
            sarif = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UploadFailure(UploadFailure.USAGE, "no such file: " + file);
        } catch (JsonProcessingException e) {
            throw new UploadFailure(UploadFailure.USAGE, file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "): is it a SARIF file?");
        } catch (IOException e) {
            throw new UploadFailure(UploadFailure.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        if (sarif == null || !sarif.isObject() || !"2.1.0".equals(sarif.path("version").asText())
                || !sarif.path("runs").isArray()) {
            throw new UploadFailure(UploadFailure.USAGE, file + " is not SARIF 2.1.0 (expected \"version\": \"2.1.0\" and \"runs\")");
        }
        ArrayNode runs = (ArrayNode) sarif.get("runs");
        if (runs.isEmpty()) {
            throw new UploadFailure(UploadFailure.USAGE, file + " has no run to upload");
        }
        if (runs.size() > MAX_RUNS) {
            throw limit("it has " + runs.size() + " runs; GitHub accepts at most " + MAX_RUNS + " runs per file");
        }
        Set<String> toolCategories = new HashSet<>();
        int results = 0;
        int leftOut = 0;
        for (int r = 0; r < runs.size(); r++) {
            JsonNode run = runs.get(r);
            String tool = run.path("tool").path("driver").path("name").asText("");
            if (tool.isEmpty()) {
                throw new UploadFailure(UploadFailure.USAGE, "run " + r + " has no tool.driver.name");
            }
            String category = categoryOf(run.path("automationDetails").path("id").asText(""));
            if (!toolCategories.add(tool + "\0" + category)) {
                throw limit("two runs of " + tool + " share the category '" + category
                        + "'; GitHub rejects several runs of one tool and category in one file: upload them separately");
            }
            int rules = run.path("tool").path("driver").path("rules").size();
            if (rules > MAX_RULES_PER_RUN) {
                throw limit("run " + r + " has " + rules + " rules; GitHub accepts at most " + MAX_RULES_PER_RUN + " per run");
            }
            JsonNode resultList = run.path("results");
            if (resultList.isArray()) {
                Iterator<JsonNode> it = resultList.iterator();
                while (it.hasNext()) {
                    JsonNode result = it.next();
                    if (!includeSuppressed && suppressed(result)) {
                        it.remove();
                        leftOut++;
                        continue;
                    }
                    int locations = result.path("locations").size();
                    if (locations == 0 || result.path("locations").get(0).path("physicalLocation").isMissingNode()) {
                        throw limit("a result of rule " + result.path("ruleId").asText("?") + " in run " + r
                                + " has no physical location; GitHub fails the whole upload on it");
                    }
                    if (locations > MAX_LOCATIONS_PER_RESULT) {
                        throw limit("a result of rule " + result.path("ruleId").asText("?") + " has " + locations
                                + " locations; GitHub accepts at most " + MAX_LOCATIONS_PER_RESULT);
                    }
                }
                if (resultList.size() > MAX_RESULTS_PER_RUN) {
                    throw limit("run " + r + " has " + resultList.size() + " results; GitHub accepts at most "
                            + MAX_RESULTS_PER_RUN + " per run (and shows the top 5,000)");
                }
                results += resultList.size();
            }
        }
        byte[] gzip = gzip(sarif);
        if (gzip.length > MAX_GZIP_BYTES) {
            throw limit("it is " + megabytes(gzip.length) + " gzipped; GitHub accepts at most 10 MB of gzipped SARIF per upload");
        }
        JsonNode first = runs.get(0);
        String startedAt = first.path("invocations").path(0).path("startTimeUtc").asText(null);
        return new SarifPayload(sarif, Base64.getEncoder().encodeToString(gzip), gzip.length, results, leftOut,
                first.path("tool").path("driver").path("name").asText(), startedAt);
    }

    /** GitHub splits {@code automationDetails.id} at the last '/': the part before is the category. */
    private static String categoryOf(String automationId) {
        int slash = automationId.lastIndexOf('/');
        return slash < 0 ? automationId : automationId.substring(0, slash);
    }

    private static boolean suppressed(JsonNode result) {
        JsonNode suppressions = result.path("suppressions");
        if (!suppressions.isArray() || suppressions.isEmpty()) {
            return false;
        }
        for (JsonNode s : suppressions) {
            String status = s.path("status").asText("accepted");
            if (!status.equals("rejected") && !status.equals("underReview")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(JsonNode sarif) throws UploadFailure {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gz, sarif);
        } catch (IOException e) {
            throw new UploadFailure(UploadFailure.USAGE, "cannot compress the SARIF: " + e.getMessage());
        }
        return bytes.toByteArray();
    }

    private static UploadFailure limit(String why) {
        return new UploadFailure(UploadFailure.REJECTED, "not uploaded: GitHub would reject this SARIF: " + why);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
