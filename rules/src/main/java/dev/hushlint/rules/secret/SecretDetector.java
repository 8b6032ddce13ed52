package dev.hushlint.rules.secret;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds known-format secrets in text, using the pattern library: one keyword pass selects the patterns worth
 * trying (Aho–Corasick, case-insensitive; exact-case keywords are then confirmed with {@code String.contains}), then each selected regex, entropy, the pattern's own structural
 * check, and the shared false-positive filters (placeholders, documentation examples, token-shaped
 * placeholders, hashes and UUIDs, public material). Immutable and thread-safe.
 */
public final class SecretDetector {

    /** Orders overlapping candidates: earlier start, then longer, then pattern id (deterministic). */
    private static final Comparator<SecretMatch> BY_POSITION = Comparator.comparingInt(SecretMatch::start)
            .thenComparing(Comparator.comparingInt((SecretMatch m) -> m.end() - m.start()).reversed())
            .thenComparing(m -> m.pattern().id());

    private static final SecretDetector DEFAULT = new SecretDetector(SecretPatterns.all());

    private final List<SecretPattern> patterns;
    /** Patterns with keywords, in the index's group order. */
    private final SecretPattern[] keyed;
    private final KeywordIndex index;
    /** Per keyed pattern: its keywords must occur exactly as written (they hold upper-case letters). */
    private final boolean[] exactCase;
    /** Patterns without keywords: tried on every text. */
    private final List<SecretPattern> unkeyed;

    public SecretDetector(List<SecretPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        List<SecretPattern> withKeywords = new ArrayList<>();
        List<SecretPattern> without = new ArrayList<>();
        for (SecretPattern p : this.patterns) {
            (p.keywords().isEmpty() ? without : withKeywords).add(p);
        }
        this.keyed = withKeywords.toArray(new SecretPattern[0]);
        this.exactCase = new boolean[keyed.length];
        for (int g = 0; g < keyed.length; g++) {
            List<String> keywords = keyed[g].keywords();
            long upper = keywords.stream().filter(k -> !k.equals(k.toLowerCase(java.util.Locale.ROOT))).count();
            if (upper != 0 && upper != keywords.size()) {
                throw new IllegalArgumentException(keyed[g].id() + ": keywords are either all exact-case or all lower-case");
            }
            exactCase[g] = upper != 0;
        }
        this.index = KeywordIndex.build(withKeywords.stream()
                .map(p -> p.keywords().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).toList()).toList());
        this.unkeyed = List.copyOf(without);
    }

    public static SecretDetector standard() {
        return DEFAULT;
    }

    public List<SecretPattern> patterns() {
        return patterns;
    }

    /** Every known-format secret in the text, sorted by position, overlaps removed (the longest wins). */
    public List<SecretMatch> find(CharSequence text) {
        List<SecretMatch> found = new ArrayList<>();
        BitSet candidates = index.groupsIn(text);
        String exact = null;
        for (int g = candidates.nextSetBit(0); g >= 0; g = candidates.nextSetBit(g + 1)) {
            SecretPattern pattern = keyed[g];
            if (exactCase[g]) {
                exact = exact == null ? text.toString() : exact;
                if (!containsAny(exact, pattern.keywords())) {
                    continue;
                }
            }
            collect(pattern, text, found);
        }
        for (SecretPattern pattern : unkeyed) {
            collect(pattern, text, found);
        }
        return withoutOverlaps(found);
    }

    private static void collect(SecretPattern pattern, CharSequence text, List<SecretMatch> found) {
        Matcher m = pattern.regex().matcher(text);
        while (m.find()) {
            int start = m.start(pattern.secretGroup());
            int end = m.end(pattern.secretGroup());
            if (start < 0) {
                continue;
            }
            String value = text.subSequence(start, end).toString();
            if (accept(pattern, value)) {
                found.add(new SecretMatch(pattern, start, end, value, pattern.checksumConfirms(value)));
            }
        }
    }

    private static boolean containsAny(String text, List<String> keywords) {
        for (String keyword : keywords) {
            if (text.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps, of overlapping matches, the one that starts first (the longest, then by pattern id, on a tie). */
    static List<SecretMatch> withoutOverlaps(List<SecretMatch> found) {
        if (found.size() <= 1) {
            return found;
        }
        found.sort(BY_POSITION);
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

    /**
     * The pattern that matches the whole value (ignoring surrounding whitespace and one pair of quotes), if any.
     * The match's offsets are relative to the stripped value.
     */
    public Optional<SecretMatch> matchWhole(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = unquote(value.strip());
        if (v.isEmpty()) {
            return Optional.empty();
        }
        for (SecretMatch m : find(v)) {
            if (m.start() == 0 && m.end() == v.length()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The first known-format secret anywhere in the value, if any. */
    public Optional<SecretMatch> findIn(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        List<SecretMatch> all = find(value);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The shared judgement on one candidate value of a pattern. */
    static boolean accept(SecretPattern pattern, String value) {
        if (pattern.minEntropy() > 0 && Entropy.shannon(value) < pattern.minEntropy()) {
            return false;
        }
        if (SecretValues.isDocumentationExample(value) || SecretValues.isPlaceholder(value)
                || SecretValues.isPublicMaterial(value) || SecretValues.isHexHash(value)
                || SecretValues.isUuid(value)) {
            return false;
        }
        if (pattern.shapeFilters() && SecretValues.isTokenShapedPlaceholder(value)) {
            return false;
        }
        return pattern.verifier().test(value);
    }

    private static String unquote(String v) {
        if (v.length() >= 2) {
            char first = v.charAt(0);
            char last = v.charAt(v.length() - 1);
            if ((first == '"' || first == '\'') && last == first) {
                return v.substring(1, v.length() - 1);
            }
        }
        return v;
    }
}
