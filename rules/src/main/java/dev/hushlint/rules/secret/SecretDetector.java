package dev.hushlint.rules.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds known-format secrets in text, using the pattern library: keyword prefilter, regex, entropy, then
 * the shared false-positive filters (placeholders, documentation examples, repetition). Thread-safe.
 */
public final class SecretDetector {

    private static final SecretDetector DEFAULT = new SecretDetector(SecretPatterns.all());

    private final List<SecretPattern> patterns;

    public SecretDetector(List<SecretPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static SecretDetector standard() {
        return DEFAULT;
    }

    public List<SecretPattern> patterns() {
        return patterns;
    }

    /** Every known-format secret in the text, sorted by position, overlaps removed (the longest wins). */
    public List<SecretMatch> find(CharSequence text) {
        String lower = text.toString().toLowerCase(Locale.ROOT);
        List<SecretMatch> found = new ArrayList<>();
        for (SecretPattern pattern : patterns) {
            if (!pattern.keywords().isEmpty() && pattern.keywords().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher m = pattern.regex().matcher(text);
            while (m.find()) {
                int start = m.start(pattern.secretGroup());
                int end = m.end(pattern.secretGroup());
                if (start < 0) {
                    continue;
                }
                String value = text.subSequence(start, end).toString();
                if (accept(pattern, value)) {
                    found.add(new SecretMatch(pattern, start, end, value));
                }
            }
        }
        found.sort(Comparator.comparingInt(SecretMatch::start).thenComparing(m -> -(m.end() - m.start())));
        List<SecretMatch> result = new ArrayList<>();
        int reach = -1;
        for (SecretMatch m : found) {
            if (m.start() >= reach) {
                result.add(m);
                reach = m.end();
            }
        }
        return result;
    }

    /** The pattern that matches the whole value (ignoring surrounding whitespace and quotes), if any. */
    public Optional<SecretMatch> matchWhole(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (SecretMatch m : find(v)) {
            if (m.start() == 0 && m.end() == v.length()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The first known-format secret anywhere in the value, if any. */
    public Optional<SecretMatch> findIn(String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<SecretMatch> all = find(value);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static boolean accept(SecretPattern pattern, String value) {
        if (SecretValues.isDocumentationExample(value) || SecretValues.isPlaceholder(value)) {
            return false;
        }
        return pattern.minEntropy() <= 0 || Entropy.shannon(value) >= pattern.minEntropy();
    }
}
