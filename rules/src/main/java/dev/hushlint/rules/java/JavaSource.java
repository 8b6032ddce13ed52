package dev.hushlint.rules.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.hushlint.engine.TextFile;

import java.util.Optional;

/**
 * A Java source file whose syntax tree is parsed lazily, at most once: most files have nothing to find, and
 * a cheap lexical look at {@link #file()} lets a rule return before paying for the parse.
 */
public final class JavaSource {

    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                    // JavaParser derives node ranges (line/column) from stored tokens: without them every
                    // finding would lose its position. Only the files the lexical prefilters pass are parsed.
                    .setStoreTokens(true)
                    .setAttributeComments(false)));

    private final TextFile file;
    private volatile Parsed parsed;
    private final java.util.concurrent.ConcurrentHashMap<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /** The outcome of the parse: a tree, or the first problem (message without source text, and its line). */
    public record Parsed(CompilationUnit unit, String problem, int problemLine) {
    }

    public JavaSource(TextFile file) {
        this.file = file;
    }

    public TextFile file() {
        return file;
    }

    /** The syntax tree, or empty when the file does not parse (see {@link #parse()} for why). */
    public Optional<CompilationUnit> unit() {
        return Optional.ofNullable(parse().unit());
    }

    /**
     * The tool notification for a file that does not parse (every Java rule may return it; the engine keeps
     * one). The file is still scanned by the lexical rules.
     */
    public dev.hushlint.engine.Notification parseFailure() {
        Parsed p = parse();
        return dev.hushlint.engine.Notification.warning("parse-error", file.path(), p.problemLine(),
                "could not parse as Java: " + p.problem() + "; the file was still scanned for known secret formats");
    }

    /**
     * A value derived from this file, computed at most once and shared by the rules that need it (the lexical
     * summary, an analysis several rules filter). {@code key} names the derivation; keep it unique per class.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, java.util.function.Function<JavaSource, T> compute) {
        return (T) derived.computeIfAbsent(key, k -> compute.apply(this));
    }

    public Parsed parse() {
        Parsed p = parsed;
        if (p == null) {
            synchronized (this) {
                p = parsed;
                if (p == null) {
                    p = doParse();
                    parsed = p;
                }
            }
        }
        return p;
    }

    private Parsed doParse() {
        ParseResult<CompilationUnit> result;
        try {
            result = PARSER.get().parse(file.text());
        } catch (RuntimeException | StackOverflowError e) {
            return new Parsed(null, "the parser gave up (" + e.getClass().getSimpleName() + ")", 0);
        }
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return new Parsed(result.getResult().get(), null, 0);
        }
        Problem first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
        int line = first == null ? 0 : first.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(r -> r.begin.line).orElse(0);
        // JavaParser's messages quote the offending tokens, which may be a secret: keep only a generic reason
        return new Parsed(null, "syntax error", line);
    }
}
