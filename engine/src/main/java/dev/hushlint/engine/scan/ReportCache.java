package dev.hushlint.engine.scan;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.Suppression;
import dev.hushlint.engine.Version;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An incremental-scan cache: when nothing a scan's result depends on has changed since the last scan, the
 * stored report is returned without reading rules, parsers or indexers again.
 *
 * <p><b>The key.</b> A SHA-256 over everything the result is a function of: the cache format, the hushlint
 * version and a signature of the code that ran (the jars or class folders of the engine, readers, indexers
 * and rules, so a rebuilt snapshot invalidates it), every rule's metadata, the scan request (roots, base
 * directory, excludes, size limit …; not the thread count, which never changes output), the walked file
 * list with the SHA-256 of each file's content, and the content of caller-named extra inputs (a
 * configuration file, a baseline). Because the key covers the content of <em>every</em> file in the scan,
 * it also covers the scan-wide facts of the index pass, which are a function of those contents: no fact can
 * be stale when the key matches.
 *
 * <p><b>No secret in the cache.</b> The engine needs {@link Finding#secret()} only while merging
 * (de-duplication and redaction), which is done before anything is stored. The cache keeps the merged,
 * redacted findings — messages, snippets and properties as every report shows them — and drops the raw
 * value; restored findings have a null secret. Nothing derived from a secret (not even a hash) is stored.
 *
 * <p>A missing, unreadable or corrupt cache file is a miss, never an error: the scan simply runs.
 */
public final class ReportCache {

    /** Bump when the stored form changes. */
    static final int FORMAT = 1;
    public static final String FILE_NAME = "hushlint-report-cache.bin";

    private final Path file;

    /** @param directory where the cache file lives (created on first store), e.g. {@code target/hushlint-cache} */
    public ReportCache(Path directory) {
        this.file = directory.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The report, and whether it came from the cache. */
    public record Outcome(Report report, boolean reused) {
    }

    /**
     * Returns the cached report when the key matches, else runs {@code scanner} and stores its report.
     *
     * @param extraInputs files outside the scan whose content the result depends on (configuration,
     *                    baseline); a missing file counts as "absent"
     */
    public Outcome scan(Scanner scanner, RuleSet ruleSet, ScanRequest scanRequest, List<Path> extraInputs,
                        ScanListener listener) {
        ScanRequest request = leavingOutTheCache(scanRequest);
        String key;
        try {
            key = key(ruleSet, request, extraInputs);
        } catch (IOException | RuntimeException e) {
            // cannot compute a trustworthy key (a file vanished, a read failed): scan without the cache
            return new Outcome(scanner.scan(request, listener), false);
        }
        Report cached = load(key, ruleSet, request);
        if (cached != null) {
            return new Outcome(cached, true);
        }
        Report report = scanner.scan(request, listener);
        store(key, report);
        return new Outcome(report, false);
    }

    /** A cache inside a scanned tree is never scanned: it would change the key it is stored under. */
    private ScanRequest leavingOutTheCache(ScanRequest request) {
        Path dir = file.getParent();
        if (request.roots().stream().noneMatch(dir::startsWith)) {
            return request;
        }
        String path = dir.startsWith(request.baseDir()) && !dir.equals(request.baseDir())
                ? request.baseDir().relativize(dir).toString() : dir.toString();
        StringBuilder glob = new StringBuilder();
        for (char c : path.replace('\\', '/').toCharArray()) {
            if ("\\*?[]{}".indexOf(c) >= 0) {
                glob.append('\\');
            }
            glob.append(c);
        }
        List<String> excludes = new ArrayList<>(request.excludes());
        excludes.add(glob.toString());
        return request.withExcludes(excludes);
    }

    // ---- key -------------------------------------------------------------------------------------------

    String key(RuleSet ruleSet, ScanRequest request, List<Path> extraInputs) throws IOException {
        MessageDigest md = sha256();
        add(md, "format", String.valueOf(FORMAT));
        add(md, "version", Version.current());
        add(md, "code", codeSignature(ruleSet));
        ruleSet.infos().forEach(info -> add(md, "rule", info.toString()));
        add(md, "request", request.withThreads(1).toString());
        FileWalker.Walk walk = new FileWalker(request).walk();
        List<String> hashes = contentHashes(walk.files(), request.threads());
        for (int i = 0; i < hashes.size(); i++) {
            add(md, "file", walk.files().get(i).toString());
            add(md, "content", hashes.get(i));
        }
        add(md, "walk", walk.skipped() + " " + walk.notifications());
        for (Path extra : extraInputs) {
            Path abs = extra.toAbsolutePath().normalize();
            add(md, "extra", abs.toString());
            add(md, "content", Files.isRegularFile(abs) ? contentHash(abs) : "absent");
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Hashes of the files' contents, in order, computed in parallel. */
    private static List<String> contentHashes(List<Path> files, int threads) throws IOException {
        String[] hashes = new String[files.size()];
        IOException[] failure = new IOException[1];
        Runnable work = () -> java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                hashes[i] = contentHash(files.get(i));
            } catch (IOException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            }
        });
        if (threads <= 1) {
            for (int i = 0; i < files.size(); i++) {
                hashes[i] = contentHash(files.get(i));
            }
        } else {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                pool.submit(work).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("hashing failed", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return List.of(hashes);
    }

    /** Jar hashes by path, size and modification time: a jar is hashed once per JVM, not once per module. */
    private static final Map<String, String> JAR_HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String jarHash(Path jar) throws IOException {
        String id = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        String known = JAR_HASHES.get(id);
        if (known == null) {
            known = contentHash(jar);
            JAR_HASHES.put(id, known);
        }
        return known;
    }

    private static String contentHash(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Identifies the code that produces findings: each distinct jar (hashed) or class folder (listing of
     * class files with sizes and times) that holds the engine or a reader, indexer or rule.
     */
    private static String codeSignature(RuleSet ruleSet) throws IOException {
        Set<Class<?>> classes = new LinkedHashSet<>();
        classes.add(Scanner.class);
        ruleSet.readers().forEach(r -> classes.add(r.getClass()));
        ruleSet.indexers().forEach(i -> classes.add(i.getClass()));
        ruleSet.rules().forEach(r -> classes.add(r.getClass()));
        Set<Path> locations = new TreeSet<>();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IOException("no code location for " + c.getName());
            }
            try {
                locations.add(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("unusable code location for " + c.getName(), e);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Path location : locations) {
            sb.append(location).append('=');
            if (Files.isDirectory(location)) {
                try (Stream<Path> all = Files.walk(location)) {
                    for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                        sb.append(location.relativize(p)).append(':').append(Files.size(p)).append(':')
                                .append(Files.getLastModifiedTime(p).toMillis()).append(';');
                    }
                }
            } else {
                sb.append(jarHash(location));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void add(MessageDigest md, String label, String value) {
        // length-prefixed, so no two different sequences of fields hash alike
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        md.update((l.length + ":" + v.length + ":").getBytes(StandardCharsets.UTF_8));
        md.update(l);
        md.update(v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- stored form: findings without their secret -----------------------------------------------------
    // A small binary form (length-prefixed UTF-8 strings): reading it needs no JSON library start-up, which
    // would cost a cold JVM more than the whole cached path.

    private static final int MAGIC = 0x484c5243; // "HLRC"

    private Report load(String key, RuleSet ruleSet, ScanRequest request) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !key.equals(readString(in))) {
                return null;
            }
            int filesScanned = in.readInt();
            int filesSkipped = in.readInt();
            List<Finding> findings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                findings.add(readFinding(in));
            }
            List<Notification> notifications = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                notifications.add(new Notification(Notification.Level.valueOf(readString(in)), readString(in),
                        readPath(in), in.readInt(), readString(in)));
            }
            if (in.read() != -1) {
                return null;
            }
            return new Report(findings, notifications, ruleSet.infos(), request.baseDir(), Report.ToolInfo.hushlint(),
                    filesScanned, filesSkipped);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void store(String key, Report report) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                    out.writeInt(MAGIC);
                    out.writeInt(FORMAT);
                    writeString(out, key);
                    out.writeInt(report.filesScanned());
                    out.writeInt(report.filesSkipped());
                    out.writeInt(report.findings().size());
                    for (Finding f : report.findings()) {
                        writeFinding(out, f);
                    }
                    out.writeInt(report.notifications().size());
                    for (Notification n : report.notifications()) {
                        writeString(out, n.level().name());
                        writeString(out, n.code());
                        writeString(out, n.file() == null ? null : n.file().toString());
                        out.writeInt(n.line());
                        writeString(out, n.message());
                    }
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // a cache that cannot be written only costs speed next time
        }
    }

    /** Everything a report shows of a finding; {@link Finding#secret()} is not written. */
    private static void writeFinding(DataOutputStream out, Finding f) throws IOException {
        Location l = f.location();
        writeString(out, f.ruleId());
        writeString(out, f.severity().name());
        writeString(out, l.file().toString());
        out.writeInt(l.startLine());
        out.writeInt(l.startColumn());
        out.writeInt(l.endLine());
        out.writeInt(l.endColumn());
        writeString(out, f.logicalPosition());
        writeString(out, f.message());
        out.writeInt(f.alsoMatched().size());
        for (String id : f.alsoMatched()) {
            writeString(out, id);
        }
        out.writeInt(f.properties().size());
        for (Map.Entry<String, String> e : f.properties().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        writeString(out, f.snippet());
        writeString(out, f.fingerprint());
        writeString(out, f.suppression() == null ? null : f.suppression().kind());
        writeString(out, f.suppression() == null ? null : f.suppression().justification());
    }

    private static Finding readFinding(DataInputStream in) throws IOException {
        String ruleId = readString(in);
        Severity severity = Severity.valueOf(readString(in));
        Location location = new Location(Path.of(readString(in)), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        String logicalPosition = readString(in);
        String message = readString(in);
        TreeSet<String> alsoMatched = new TreeSet<>();
        for (int i = in.readInt(); i > 0; i--) {
            alsoMatched.add(readString(in));
        }
        TreeMap<String, String> properties = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            properties.put(readString(in), readString(in));
        }
        String snippet = readString(in);
        String fingerprint = readString(in);
        String kind = readString(in);
        String justification = readString(in);
        return new Finding(ruleId, severity, location, logicalPosition, message, null, alsoMatched, properties,
                snippet, fingerprint, kind == null ? null : new Suppression(kind, justification));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > 64 * 1024 * 1024) {
            throw new IOException("corrupt cache");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static Path readPath(DataInputStream in) throws IOException {
        String s = readString(in);
        return s == null ? null : Path.of(s);
    }
}
