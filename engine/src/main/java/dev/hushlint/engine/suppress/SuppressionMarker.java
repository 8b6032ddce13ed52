package dev.hushlint.engine.suppress;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One inline suppression: which rules it silences and over which lines.
 *
 * @param file     the file it is written in
 * @param line     the line it is written on (for notes about it)
 * @param fromLine first line it covers
 * @param toLine   last line it covers
 * @param ruleIds  rule ids ({@code family/name}) or whole families ({@code family/*})
 * @param reason   the justification given, or "" when none
 * @param syntax   how it was written, for messages: {@code comment} or {@code @SuppressWarnings}
 */
public record SuppressionMarker(Path file, int line, int fromLine, int toLine, SortedSet<String> ruleIds,
                                String reason, String syntax) {

    public SuppressionMarker {
        Objects.requireNonNull(file, "file");
        ruleIds = Collections.unmodifiableSortedSet(new TreeSet<>(ruleIds));
        reason = reason == null ? "" : reason.strip();
        if (toLine < fromLine) {
            throw new IllegalArgumentException("toLine before fromLine");
        }
    }

    /** True when this marker names the rule, directly or by its family. */
    public boolean names(String ruleId) {
        if (ruleIds.contains(ruleId)) {
            return true;
        }
        int slash = ruleId.indexOf('/');
        return slash > 0 && ruleIds.contains(ruleId.substring(0, slash) + "/*");
    }

    public boolean covers(int findingLine) {
        return findingLine >= fromLine && findingLine <= toLine;
    }
}
