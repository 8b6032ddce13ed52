package dev.hushlint.engine.scan;

import dev.hushlint.engine.Fact;
import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.InputException;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.suppress.InlineSuppressions;
import dev.hushlint.engine.suppress.SuppressionMarker;
import dev.hushlint.engine.suppress.Suppressor;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ref.SoftReference;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs a rule set over files: walk, an index pass (only when indexers are registered), a rule pass, then
 * {@link FindingMerger} for de-duplication, redaction and fingerprints. Files are processed in parallel;
 * results are collected per file index, so output order never depends on thread timing.
 *
 * <p>Parsed inputs from the index pass are kept behind soft references, so the rule pass reuses them
 * while memory allows and re-parses otherwise: no scan holds every AST.
 */
public final class Scanner {

    /**
     * How many characters of text the inputs kept from the index pass may hold. Soft references alone do not
     * bound the heap: with a large default maximum heap the collector keeps them all, and a tree as big as the
     * JDK's sources would stay in memory between the passes. Past the budget a file is read again.
     */
    private static final long CACHED_TEXT_BUDGET = 32L << 20;

    private final RuleSet ruleSet;
    private final FileAccess fileAccess;
    private final PrintStream debug;

    public Scanner(RuleSet ruleSet) {
        this(ruleSet, FileAccess.DEFAULT, null);
    }

    /**
     * @param debug where to print internal stack traces ({@code --debug}), or null
     */
    public Scanner(RuleSet ruleSet, FileAccess fileAccess, PrintStream debug) {
        this.ruleSet = ruleSet;
        this.fileAccess = fileAccess;
        this.debug = debug;
    }

    public Report scan(ScanRequest request) {
        return scan(request, ScanListener.NONE);
    }

    public Report scan(ScanRequest request, ScanListener listener) {
        FileWalker.Walk walk = new FileWalker(request).walk();
        List<Path> files = walk.files();
        List<Notification> notifications = new ArrayList<>(walk.notifications());
        AtomicInteger skipped = new AtomicInteger(walk.skipped());
        listener.started(files.size());

        Map<Path, SoftReference<Map<Class<?>, Object>>> parsed = new ConcurrentHashMap<>();
        FileOutcome[] indexed = new FileOutcome[files.size()];
        if (!ruleSet.indexers().isEmpty()) {
            AtomicLong cacheBudget = new AtomicLong(CACHED_TEXT_BUDGET);
            parallel(request.threads(), files.size(), i -> indexed[i] = index(request, files.get(i), parsed, cacheBudget));
        }
        Map<FactKey<?>, List<Object>> facts = new HashMap<>();
        for (FileOutcome outcome : indexed) {
            if (outcome == null) {
                continue;
            }
            notifications.addAll(outcome.notifications);
            for (Fact<?> fact : outcome.facts) {
                facts.computeIfAbsent(fact.key(), k -> new ArrayList<>()).add(fact.value());
            }
        }
        ScanContext context = new FactContext(facts, request.baseDir());

        FileOutcome[] checked = new FileOutcome[files.size()];
        AtomicInteger done = new AtomicInteger();
        parallel(request.threads(), files.size(), i -> {
            // only parse errors the index pass really reported are dropped (an indexer may not parse at all)
            checked[i] = check(request, files.get(i), parsed, context, indexed[i] != null
                    && indexed[i].notifications.stream().anyMatch(n -> n.code().equals("parse-error")));
            parsed.remove(files.get(i));
            listener.fileDone(done.incrementAndGet(), files.size());
        });

        List<Finding> findings = new ArrayList<>();
        int scanned = 0;
        for (FileOutcome outcome : checked) {
            if (outcome.binaryOrUnreadable) {
                skipped.incrementAndGet();
            } else {
                scanned++;
            }
            findings.addAll(outcome.findings);
            notifications.addAll(outcome.notifications);
        }
        Report merged = FindingMerger.merge(ruleSet.infos(), findings, notifications, request.baseDir(), scanned,
                skipped.get(), outcomeTexts(checked));
        List<SuppressionMarker> markers = new ArrayList<>();
        for (FileOutcome outcome : checked) {
            markers.addAll(outcome.markers);
        }
        return InlineSuppressions.apply(merged, markers, ruleSet.inlineSuppressions());
    }

    private static Map<Path, TextFile> outcomeTexts(FileOutcome[] outcomes) {
        Map<Path, TextFile> texts = new HashMap<>();
        for (FileOutcome o : outcomes) {
            if (o.text != null && !o.findings.isEmpty()) {
                texts.put(o.text.path(), o.text);
            }
        }
        return texts;
    }

    /** Per-file results of one pass. */
    private static final class FileOutcome {
        final List<Fact<?>> facts = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final Set<Notification> notifications = new LinkedHashSet<>();
        final List<SuppressionMarker> markers = new ArrayList<>();
        TextFile text;
        boolean binaryOrUnreadable;
    }

    private FileOutcome index(ScanRequest request, Path file, Map<Path, SoftReference<Map<Class<?>, Object>>> parsed,
                              AtomicLong cacheBudget) {
        FileOutcome outcome = new FileOutcome();
        TextFile text = load(request, file, outcome);
        if (text == null) {
            return outcome;
        }
        Map<Class<?>, Object> inputs = new HashMap<>();
        for (Indexer<?> indexer : ruleSet.indexers()) {
            Object input = input(text, indexer.inputType(), inputs, outcome);
            if (input != null) {
                try {
                    outcome.facts.addAll(runIndexer(indexer, input));
                } catch (RuntimeException e) {
                    outcome.notifications.add(internalError("indexer " + indexer.getClass().getSimpleName(), file, e));
                }
            }
        }
        inputs.remove(TextFile.class);
        if (!inputs.isEmpty() && cacheBudget.addAndGet(-text.text().length()) >= 0) {
            parsed.put(file, new SoftReference<>(inputs));
        }
        return outcome;
    }

    @SuppressWarnings("unchecked")
    private static <I> List<Fact<?>> runIndexer(Indexer<I> indexer, Object input) {
        return indexer.index((I) input);
    }

    private FileOutcome check(ScanRequest request, Path file, Map<Path, SoftReference<Map<Class<?>, Object>>> parsed,
                              ScanContext context, boolean notifiedInIndexPass) {
        FileOutcome outcome = new FileOutcome();
        TextFile text = load(request, file, outcome);
        outcome.text = text;
        if (text == null) {
            return outcome;
        }
        SoftReference<Map<Class<?>, Object>> ref = parsed.get(file);
        Map<Class<?>, Object> cached = ref == null ? null : ref.get();
        Map<Class<?>, Object> inputs = cached == null ? new HashMap<>() : new HashMap<>(cached);
        for (Rule<?> rule : ruleSet.rules()) {
            Object input = input(text, rule.inputType(), inputs, outcome);
            if (input == null) {
                continue;
            }
            try {
                RuleResult result = runRule(rule, input, context);
                outcome.findings.addAll(result.findings());
                outcome.notifications.addAll(result.notifications());
            } catch (RuntimeException | StackOverflowError e) {
                outcome.notifications.add(internalError("rule " + rule.info().id(), file, e));
            }
        }
        for (Suppressor<?> suppressor : ruleSet.suppressors()) {
            Object input = input(text, suppressor.inputType(), inputs, outcome);
            if (input != null) {
                try {
                    outcome.markers.addAll(runSuppressor(suppressor, input));
                } catch (RuntimeException | StackOverflowError e) {
                    outcome.notifications.add(internalError("suppressor " + suppressor.getClass().getSimpleName(), file, e));
                }
            }
        }
        // a parse error the index pass reported already is the same notification and merges away; one of an
        // input type no indexer reads is reported only here, so none may be dropped
        return outcome;
    }

    @SuppressWarnings("unchecked")
    private static <I> List<SuppressionMarker> runSuppressor(Suppressor<I> suppressor, Object input) {
        return suppressor.markers((I) input);
    }

    @SuppressWarnings("unchecked")
    private static <I> RuleResult runRule(Rule<I> rule, Object input, ScanContext context) {
        return rule.check((I) input, context);
    }

    /** The input of a type for this file, parsed at most once per pass; null when no reader produces it. */
    private Object input(TextFile text, Class<?> type, Map<Class<?>, Object> inputs, FileOutcome outcome) {
        if (type == TextFile.class) {
            return text;
        }
        if (inputs.containsKey(type)) {
            return inputs.get(type);
        }
        Object input = null;
        for (InputReader<?> reader : ruleSet.readers()) {
            if (reader.inputType() != type || !accepts(reader, text, outcome)) {
                continue;
            }
            try {
                input = reader.read(text);
            } catch (InputException e) {
                outcome.notifications.add(Notification.warning("parse-error", text.path(), e.line(),
                        "could not parse as " + type.getSimpleName() + ": " + e.getMessage()
                                + "; the file was still scanned for known secret formats"));
                debugTrace(e);
            } catch (RuntimeException | StackOverflowError e) {
                outcome.notifications.add(internalError("reader " + reader.getClass().getSimpleName(), text.path(), e));
            }
            if (input != null) {
                break;
            }
        }
        inputs.put(type, input);
        return input;
    }

    private boolean accepts(InputReader<?> reader, TextFile text, FileOutcome outcome) {
        try {
            return reader.accepts(text);
        } catch (RuntimeException e) {
            outcome.notifications.add(internalError("reader " + reader.getClass().getSimpleName(), text.path(), e));
            return false;
        }
    }

    private TextFile load(ScanRequest request, Path file, FileOutcome outcome) {
        byte[] bytes;
        try {
            bytes = fileAccess.read(file);
        } catch (NoSuchFileException e) {
            outcome.notifications.add(Notification.warning("io-error", file, 0, "file disappeared during the scan"));
            outcome.binaryOrUnreadable = true;
            return null;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? FileWalker.describe(io) : e.getClass().getSimpleName();
            outcome.notifications.add(Notification.warning("io-error", file, 0, "could not read: " + why));
            outcome.binaryOrUnreadable = true;
            return null;
        } catch (OutOfMemoryError e) {
            outcome.notifications.add(Notification.error("io-error", file, 0, "not enough memory to read this file"));
            outcome.binaryOrUnreadable = true;
            return null;
        }
        if (bytes.length > request.maxFileSize()) {
            outcome.notifications.add(Notification.note("file-too-large", file, 0,
                    "skipped: " + bytes.length + " bytes is over the limit of " + request.maxFileSize() + " bytes"));
            outcome.binaryOrUnreadable = true;
            return null;
        }
        String text;
        try {
            text = TextDecoder.decode(bytes);
        } catch (OutOfMemoryError e) { // the decoded copy of a file near the raised size limit, on a small heap
            outcome.notifications.add(Notification.error("io-error", file, 0, "not enough memory to read this file"));
            outcome.binaryOrUnreadable = true;
            return null;
        }
        if (text == null) {
            outcome.binaryOrUnreadable = true;
            return null;
        }
        return new TextFile(file, PathDisplay.of(request.baseDir(), file), text);
    }

    private Notification internalError(String what, Path file, Throwable e) {
        debugTrace(e);
        // the exception message is left out: it may quote source text, and source text may hold a secret
        return Notification.error("internal-error", file, 0,
                what + " failed on this file (" + e.getClass().getName() + "); run with --debug for details");
    }

    private void debugTrace(Throwable e) {
        if (debug != null) {
            synchronized (debug) {
                debug.println("hushlint debug: " + e.getClass().getName());
                for (StackTraceElement el : e.getStackTrace()) {
                    debug.println("\tat " + el);
                }
            }
        }
    }

    private static void parallel(int threads, int count, java.util.function.IntConsumer task) {
        if (threads == 1 || count < 2) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
    }

    /** The read-only scan context over the facts of the index pass. */
    private record FactContext(Map<FactKey<?>, List<Object>> facts, Path baseDir) implements ScanContext {
        FactContext {
            Map<FactKey<?>, List<Object>> copy = new LinkedHashMap<>();
            facts.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(v)));
            facts = Collections.unmodifiableMap(copy);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> facts(FactKey<T> key) {
            return (List<T>) facts.getOrDefault(key, List.of());
        }
    }
}
