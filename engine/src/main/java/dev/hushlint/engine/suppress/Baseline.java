package dev.hushlint.engine.suppress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Suppression;
import dev.hushlint.engine.scan.PathDisplay;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Findings a team has accepted, so a scan gates only on new ones. An entry matches a finding on rule + path +
 * logical position (the SARIF fingerprint without its occurrence index) and, when the finding carries a value,
 * on a salted PBKDF2 hash of that value: an accepted secret that moves within its method is still accepted, a
 * new secret at an accepted place is not. The file holds no secret and no unsalted hash; entries are sorted,
 * one field per line, so it diffs well in review.
 */
public final class Baseline {

    /** {@link Suppression#kind()} of baselined findings (SARIF writes {@code baselineState: unchanged}). */
    public static final String EXTERNAL = "external";
    public static final int FORMAT_VERSION = 1;

    /**
     * One accepted finding.
     *
     * @param rule      the rule id it was reported under
     * @param path      its path relative to the base directory, {@code /}-separated
     * @param position  its logical position (enclosing member, JSON pointer …), may be empty
     * @param valueHash base64 PBKDF2 hash of its value, or null for findings without a value
     */
    public record Entry(String rule, String path, String position, String valueHash) implements Comparable<Entry> {

        private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path)
                .thenComparing(Entry::position)
                .thenComparing(Entry::rule)
                .thenComparing(e -> e.valueHash == null ? "" : e.valueHash);

        public Entry {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(path, "path");
            position = position == null ? "" : position;
        }

        @Override
        public int compareTo(Entry other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * A report with accepted findings marked, and the counts for the summary line.
     *
     * @param accepted findings the baseline accepted
     * @param fixed    entries that matched no finding: fixed since the baseline was made
     */
    public record Outcome(Report report, int accepted, int fixed) {
        public String summary() {
            return accepted + (accepted == 1 ? " finding" : " findings") + " accepted by the baseline, "
                    + fixed + (fixed == 1 ? " baseline entry" : " baseline entries") + " no longer found (fixed)";
        }
    }

    private final ValueHasher hasher;
    private final SortedSet<Entry> entries;

    public Baseline(ValueHasher hasher, Set<Entry> entries) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.entries = Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    }

    public ValueHasher hasher() {
        return hasher;
    }

    public SortedSet<Entry> entries() {
        return entries;
    }

    /** A new baseline, with a fresh random salt, accepting every active finding of the report. */
    public static Baseline create(Report report) {
        return create(report, ValueHasher.random());
    }

    public static Baseline create(Report report, ValueHasher hasher) {
        List<Finding> active = report.activeFindings();
        Map<String, String> hashes = hashAll(hasher, active.stream().map(Finding::secret).toList());
        Set<Entry> entries = new HashSet<>();
        for (Finding f : active) {
            entries.add(new Entry(f.ruleId(), PathDisplay.of(report.baseDir(), f.location().file()),
                    f.logicalPosition(), hasValue(f) ? hashes.get(f.secret()) : null));
        }
        return new Baseline(hasher, entries);
    }

    /**
     * Marks every active finding an entry accepts as suppressed (kind {@code external}) and adds a note with the
     * counts. Inline-suppressed findings are left as they are.
     */
    public Outcome apply(Report report) {
        Map<String, List<Entry>> byPlace = new HashMap<>();
        for (Entry e : entries) {
            byPlace.computeIfAbsent(e.path + "\0" + e.position, k -> new ArrayList<>()).add(e);
        }
        List<Finding> findings = report.findings();
        List<String> toHash = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.suppressed() && hasValue(f) && !candidates(f, report, byPlace).isEmpty()) {
                toHash.add(f.secret());
            }
        }
        Map<String, String> hashes = hashAll(hasher, toHash);
        Set<Entry> used = new HashSet<>();
        List<Finding> out = new ArrayList<>(findings.size());
        int accepted = 0;
        for (Finding f : findings) {
            Entry match = null;
            if (!f.suppressed()) {
                for (Entry e : candidates(f, report, byPlace)) {
                    // an entry with a hash accepts only that value; one without, only findings without a value
                    // (so a report restored without raw values, e.g. from a cache, never matches a hashed entry)
                    if (hasValue(f) ? hashes.get(f.secret()).equals(e.valueHash) : e.valueHash == null) {
                        match = e;
                        break;
                    }
                }
            }
            if (match == null) {
                out.add(f);
            } else {
                used.add(match);
                accepted++;
                out.add(f.withSuppression(new Suppression(EXTERNAL, "accepted in the baseline")));
            }
        }
        int fixed = entries.size() - used.size();
        Outcome counts = new Outcome(report, accepted, fixed);
        List<Notification> notifications = new ArrayList<>(report.notifications());
        notifications.add(Notification.note("baseline", null, 0, counts.summary()));
        notifications.sort(null);
        return new Outcome(report.withFindings(out).withNotifications(notifications), accepted, fixed);
    }

    private static List<Entry> candidates(Finding f, Report report, Map<String, List<Entry>> byPlace) {
        List<Entry> place = byPlace.get(PathDisplay.of(report.baseDir(), f.location().file()) + "\0" + f.logicalPosition());
        if (place == null) {
            return List.of();
        }
        Set<String> ids = f.allRuleIds();
        return place.stream().filter(e -> ids.contains(e.rule)).toList();
    }

    private static boolean hasValue(Finding f) {
        return f.secret() != null && !f.secret().isEmpty();
    }

    /** Hashes each distinct value once, on all cores: PBKDF2 is slow on purpose. */
    private static Map<String, String> hashAll(ValueHasher hasher, List<String> values) {
        Set<String> distinct = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                distinct.add(v);
            }
        }
        Map<String, String> hashes = new ConcurrentHashMap<>();
        distinct.parallelStream().forEach(v -> hashes.put(v, hasher.hash(v)));
        return hashes;
    }

    // ---- file format -------------------------------------------------------------------------------------

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        }
    }

    public void write(Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("tool", "hushlint");
            g.writeNumberField("version", FORMAT_VERSION);
            g.writeObjectFieldStart("hash");
            g.writeStringField("algorithm", ValueHasher.ALGORITHM);
            g.writeNumberField("iterations", hasher.iterations());
            g.writeStringField("salt", Base64.getEncoder().encodeToString(hasher.salt()));
            g.writeEndObject();
            g.writeArrayFieldStart("entries");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("path", e.path);
                g.writeStringField("position", e.position);
                g.writeStringField("rule", e.rule);
                if (e.valueHash != null) {
                    g.writeStringField("valueHash", e.valueHash);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    public String toJson() {
        StringWriter w = new StringWriter();
        try {
            write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public static Baseline read(Path file) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BaselineException("baseline file not found: " + file
                    + " (create one with 'hushlint baseline create --output " + file + "')");
        } catch (IOException e) {
            throw new BaselineException("cannot read the baseline " + file + ": " + e.getClass().getSimpleName());
        }
        return parse(file, text);
    }

    public static Baseline parse(Path file, String text) throws BaselineException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BaselineException(file + ":" + line + ": not valid JSON; is this a hushlint baseline?");
        }
        if (root == null || !root.isObject() || !"hushlint".equals(root.path("tool").asText(null))) {
            throw new BaselineException(file + ": not a hushlint baseline (no \"tool\": \"hushlint\")");
        }
        if (root.path("version").asInt(-1) != FORMAT_VERSION) {
            throw new BaselineException(file + ": unsupported baseline version " + root.path("version")
                    + " (this hushlint reads version " + FORMAT_VERSION + ")");
        }
        JsonNode hash = root.path("hash");
        if (!ValueHasher.ALGORITHM.equals(hash.path("algorithm").asText(null))) {
            throw new BaselineException(file + ": unsupported hash algorithm " + hash.path("algorithm")
                    + " (expected " + ValueHasher.ALGORITHM + ")");
        }
        int iterations = hash.path("iterations").asInt(-1);
        if (iterations < ValueHasher.MIN_ITERATIONS) {
            throw new BaselineException(file + ": hash.iterations must be at least " + ValueHasher.MIN_ITERATIONS);
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(hash.path("salt").asText(""));
        } catch (IllegalArgumentException e) {
            salt = new byte[0];
        }
        if (salt.length < 8) {
            throw new BaselineException(file + ": hash.salt must be base64 of at least 8 random bytes");
        }
        JsonNode list = root.path("entries");
        if (!list.isArray()) {
            throw new BaselineException(file + ": \"entries\" must be an array");
        }
        Set<Entry> entries = new HashSet<>();
        int index = 0;
        for (JsonNode e : list) {
            if (!e.isObject() || !e.path("rule").isTextual() || !e.path("path").isTextual()
                    || !(e.path("position").isMissingNode() || e.path("position").isTextual())
                    || !(e.path("valueHash").isMissingNode() || e.path("valueHash").isTextual())) {
                throw new BaselineException(file + ": entries[" + index
                        + "] needs string fields rule and path, and optional string fields position and valueHash");
            }
            entries.add(new Entry(e.get("rule").asText(), e.get("path").asText(),
                    e.path("position").asText(""), e.has("valueHash") ? e.get("valueHash").asText() : null));
            index++;
        }
        return new Baseline(new ValueHasher(salt, iterations), entries);
    }
}
