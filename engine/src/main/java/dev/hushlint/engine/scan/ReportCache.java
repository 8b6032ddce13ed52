package dev.hushlint.engine.scan;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.Suppression;
import dev.hushlint.engine.Version;

import java.io.ByteArrayInputStream;
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
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
 * <p><b>Reading less.</b> Beside the report, the cache keeps a table of each file's content hash with the
 * stamp the file had when it was hashed (size, modification time, change time, inode). A file whose stamp is
 * unchanged, and was not changed within {@link #RACY_MARGIN} of that hashing, is not read again — git's index
 * makes the same judgement. The change time is set by the kernel on every write and cannot be set back by
 * tools that restore modification times, so an edit always shows; where the file system offers no such
 * stamp, every file is read.
 *
 * <p><b>No secret in the cache.</b> The engine needs {@link Finding#secret()} only while merging
 * (de-duplication and redaction), which is done before anything is stored. The cache keeps the merged,
 * redacted findings — messages, snippets and properties as every report shows them — and drops the raw
 * value; restored findings have a null secret. No hash of a secret is stored. (The file table holds a
 * SHA-256 of each whole file, as any content-hash cache must; it confirms a guessed secret only to someone
 * who already holds every other byte of that file, and the cache sits beside the files it describes.)
 *
 * <p>A missing, unreadable or corrupt cache file is a miss, never an error: the scan simply runs.
 */
public final class ReportCache {

    /** Bump when the stored form changes. */
    static final int FORMAT = 2;
    public static final String FILE_NAME = "hushlint-report-cache.bin";

    /** A file changed this close to the time its hash was taken is hashed again next time ("racy" in git's terms). */
    static final Duration RACY_MARGIN = Duration.ofSeconds(2);

    private final Path file;
    private final Duration racyMargin;

    /** @param directory where the cache file lives (created on first store), e.g. {@code target/hushlint-cache} */
    public ReportCache(Path directory) {
        this(directory, RACY_MARGIN);
    }

    ReportCache(Path directory, Duration racyMargin) {
        this.file = directory.toAbsolutePath().normalize().resolve(FILE_NAME);
        this.racyMargin = racyMargin;
    }

    public Path file() {
        return file;
    }

    /**
     * The report, whether it came from the cache, and how many files had to be read to know (the others were
     * unchanged since their content was last hashed).
     */
    public record Outcome(Report report, boolean reused, int filesRead) {
    }

    /** What a file looked like when its content was hashed: size, modification and change times, inode. */
    record Stamp(long size, long modifiedNanos, long changedNanos, long inode) {
    }

    /** A file's content hash, and the stamp it had when the hash was taken. */
    record Known(Stamp stamp, String hash) {
    }

    /** The file table of a previous run: hashes by path, and when that run began hashing. */
    private record Table(Map<String, Known> files, long hashedAtMillis) {
        static final Table EMPTY = new Table(Map.of(), 0);
    }

    /** Work state of one key computation. */
    private static final class Hashing {
        final Table previous;
        final long startedMillis = System.currentTimeMillis();
        final Map<String, Known> table = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();

        Hashing(Table previous) {
            this.previous = previous;
        }
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
        byte[] stored = read();
        Hashing hashing = new Hashing(table(stored));
        String key;
        try {
            key = key(ruleSet, request, extraInputs, hashing);
        } catch (IOException | RuntimeException e) {
            // cannot compute a trustworthy key (a file vanished, a read failed): scan without the cache
            return new Outcome(scanner.scan(request, listener), false, hashing.read.get());
        }
        Report cached = load(stored, key, ruleSet, request);
        if (cached != null) {
            if (hashing.read.get() > 0) {
                store(key, cached, hashing); // the files just hashed need no reading next time
            }
            return new Outcome(cached, true, hashing.read.get());
        }
        Report report = scanner.scan(request, listener);
        store(key, report, hashing);
        return new Outcome(report, false, hashing.read.get());
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

    private String key(RuleSet ruleSet, ScanRequest request, List<Path> extraInputs, Hashing hashing) throws IOException {
        MessageDigest md = sha256();
        add(md, "format", String.valueOf(FORMAT));
        add(md, "version", Version.current());
        add(md, "code", codeSignature(ruleSet));
        ruleSet.infos().forEach(info -> add(md, "rule", info.toString()));
        add(md, "request", request.withThreads(1).toString());
        FileWalker.Walk walk = new FileWalker(request).walk();
        List<String> hashes = contentHashes(walk.files(), request.threads(), hashing);
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

    /**
     * Hashes of the files' contents, in order. A file whose stamp (size, modification time, change time,
     * inode) is the one it had when the previous run hashed it, and that had not changed within
     * {@link #RACY_MARGIN} of that run, is not read again: its stored hash stands (git's index works the same
     * way). The change time cannot be set back by tools that restore modification times, so an edit always
     * shows. Where the file system gives no such stamp, every file is read.
     */
    private List<String> contentHashes(List<Path> files, int threads, Hashing hashing) throws IOException {
        String[] hashes = new String[files.size()];
        IOException[] failure = new IOException[1];
        java.util.function.IntConsumer one = i -> {
            try {
                hashes[i] = contentHash(files.get(i), hashing);
            } catch (IOException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            }
        };
        if (threads <= 1) {
            for (int i = 0; i < files.size(); i++) {
                one.accept(i);
            }
        } else {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                pool.submit(() -> java.util.stream.IntStream.range(0, files.size()).parallel().forEach(one)).get();
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

    private String contentHash(Path file, Hashing hashing) throws IOException {
        String path = file.toString();
        Stamp stamp = stamp(file);
        Known before = hashing.previous.files().get(path);
        long trustedBefore = TimeUnit.MILLISECONDS.toNanos(hashing.previous.hashedAtMillis() - racyMargin.toMillis());
        if (stamp != null && before != null && before.stamp().equals(stamp)
                && stamp.modifiedNanos() < trustedBefore && stamp.changedNanos() < trustedBefore) {
            hashing.table.put(path, before);
            return before.hash();
        }
        String hash = contentHash(file);
        hashing.read.incrementAndGet();
        if (stamp != null) {
            hashing.table.put(path, new Known(stamp, hash));
        }
        return hash;
    }

    private static Stamp stamp(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
            return new Stamp(((Number) a.get("size")).longValue(), ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                    ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), ((Number) a.get("ino")).longValue());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
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

    private byte[] read() {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The previous run's file table, or an empty one. */
    private static Table table(byte[] stored) {
        if (stored == null) {
            return Table.EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            return readTable(in);
        } catch (IOException | RuntimeException e) {
            return Table.EMPTY;
        }
    }

    private static Table readTable(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a cache of this format");
        }
        long hashedAt = in.readLong();
        Map<String, Known> files = new java.util.HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String path = readString(in);
            files.put(path, new Known(new Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong()), readString(in)));
        }
        return new Table(files, hashedAt);
    }

    private Report load(byte[] stored, String key, RuleSet ruleSet, ScanRequest request) {
        if (stored == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            readTable(in);
            if (!key.equals(readString(in))) {
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

    private void store(String key, Report report, Hashing hashing) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                    out.writeInt(MAGIC);
                    out.writeInt(FORMAT);
                    out.writeLong(hashing.startedMillis);
                    Map<String, Known> table = new TreeMap<>(hashing.table);
                    out.writeInt(table.size());
                    for (Map.Entry<String, Known> e : table.entrySet()) {
                        Stamp st = e.getValue().stamp();
                        writeString(out, e.getKey());
                        out.writeLong(st.size());
                        out.writeLong(st.modifiedNanos());
                        out.writeLong(st.changedNanos());
                        out.writeLong(st.inode());
                        writeString(out, e.getValue().hash());
                    }
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
