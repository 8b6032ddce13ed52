package dev.hushlint.rules.secret;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One provider token format or structure, as data: what it looks like, the cheap keywords that must occur
 * before the regex is tried, and its own true and false examples (a test runs them all).
 *
 * @param id            stable kebab-case id, e.g. {@code github-classic-pat}
 * @param description   human name, e.g. "GitHub personal access token (classic)"
 * @param regex         the pattern; the secret is {@code secretGroup} (0 = the whole match)
 * @param secretGroup   the capture group holding the secret
 * @param keywords      lower-case substrings, at least one of which must occur in the text (prefilter); empty = always try
 * @param minEntropy    minimum Shannon entropy (bits per char) of the secret, 0 to skip the check
 * @param trueExamples  strings in which the pattern must find a secret
 * @param falseExamples strings in which it must find nothing (placeholders, examples, look-alikes)
 */
public record SecretPattern(String id, String description, Pattern regex, int secretGroup, List<String> keywords,
                            double minEntropy, List<String> trueExamples, List<String> falseExamples) {

    public SecretPattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(regex, "regex");
        keywords = List.copyOf(keywords);
        trueExamples = List.copyOf(trueExamples);
        falseExamples = List.copyOf(falseExamples);
    }
}
