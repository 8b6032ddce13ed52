package dev.hushlint.rules.secret;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One provider token format or structure, as data: what it looks like, the cheap keywords that must occur
 * before the regex is tried, and its own true and false examples (a test runs them all).
 *
 * @param id            stable kebab-case id, e.g. {@code github-classic-pat}
 * @param description   human name, e.g. "GitHub personal access token (classic)"
 * @param regex         the pattern; the secret is {@code secretGroup} (0 = the whole match)
 * @param secretGroup   the capture group holding the secret
 * @param keywords      ASCII substrings, at least one of which must occur in the text (prefilter); lower-case
 *                      keywords match ignoring case; keywords with upper-case letters (all of a pattern's, then)
 *                      must occur exactly as written; empty = always try (avoid: a regex pass over every file)
 * @param minEntropy    minimum Shannon entropy (bits per char) of the secret, 0 to skip the check
 * @param trueExamples  strings in which the pattern must find a secret
 * @param falseExamples strings in which it must find nothing (placeholders, examples, look-alikes)
 * @param verifier      a structural check the value must pass (e.g. a JWT header that decodes to JSON);
 *                      only checks that are certain for the format, never a guessed algorithm
 * @param checksum      optional evidence: true when the value carries a valid published checksum; a failing
 *                      checksum never drops a match (null = the format has none)
 * @param shapeFilters  whether the shared "token-shaped placeholder" filters apply (runs of one character,
 *                      masked bodies); off for long structured values such as PEM blocks
 */
public record SecretPattern(String id, String description, Pattern regex, int secretGroup, List<String> keywords,
                            double minEntropy, List<String> trueExamples, List<String> falseExamples,
                            Predicate<String> verifier, Predicate<String> checksum, boolean shapeFilters) {

    public SecretPattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(regex, "regex");
        keywords = List.copyOf(keywords);
        trueExamples = List.copyOf(trueExamples);
        falseExamples = List.copyOf(falseExamples);
        verifier = verifier == null ? v -> true : verifier;
    }

    public SecretPattern(String id, String description, Pattern regex, int secretGroup, List<String> keywords,
                         double minEntropy, List<String> trueExamples, List<String> falseExamples) {
        this(id, description, regex, secretGroup, keywords, minEntropy, trueExamples, falseExamples, null, null,
                true);
    }

    /** Whether a valid published checksum confirms the value (false when the format has none). */
    public boolean checksumConfirms(String value) {
        return checksum != null && checksum.test(value);
    }

    @Override
    public String toString() {
        return "SecretPattern[" + id + "]";
    }
}
