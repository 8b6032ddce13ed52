package dev.hushlint.engine.suppress;

import dev.hushlint.engine.TextFile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hushlint:ignore <rule-id>[,<rule-id>] <reason>} in a comment of any syntax ({@code //}, {@code /* *}{@code /},
 * {@code #}, {@code <!-- -->}, {@code --}, {@code ;} at the start of a line). A marker alone on its line covers the
 * next line that is not a comment (the comment may go on below it); a marker after code covers only its own line. In Markdown only
 * {@code <!-- -->} counts, so documentation that shows markers in code examples does not create them.
 */
public final class CommentSuppressor implements Suppressor<TextFile> {

    public static final String KEYWORD = "hushlint:ignore";

    private static final Pattern MARKER = Pattern.compile(
            "hushlint:ignore(?![\\w-])[ \\t]*((?:[a-z0-9*]+/[a-z0-9*-]+)(?:[ \\t]*,[ \\t]*[a-z0-9*]+/[a-z0-9*-]+)*)?(.*)");
    private static final Pattern COMMENT_OPENER = Pattern.compile("//|#|/\\*|<!--|--|^\\s*;|^\\s*\\*");
    /** Markdown shows code examples in fences, where a {@code #} or {@code //} line is text: only HTML comments count. */
    private static final Pattern MARKDOWN_OPENER = Pattern.compile("<!--");
    /**
     * {@code hushlint:ignore <rule-id> …} or the keyword at the end of a string literal: the syntax described in
     * documentation or built by code, not a marker.
     */
    private static final Pattern DOCUMENTATION = Pattern.compile("\\s*(<[a-z-]+>|[\"'`\\\\])");
    private static final int MAX_COMMENT_LINES = 8;
    private static final Pattern COMMENT_ONLY = Pattern.compile("\\s*(//|#|\\*|/\\*|<!--|-->|--)");
    private static final Pattern COMMENT_CLOSER = Pattern.compile("\\s*(\\*/|-->)\\s*$");

    @Override
    public Class<TextFile> inputType() {
        return TextFile.class;
    }

    @Override
    public List<SuppressionMarker> markers(TextFile file) {
        String text = file.text();
        int at = text.indexOf(KEYWORD);
        if (at < 0) {
            return List.of();
        }
        List<SuppressionMarker> markers = new ArrayList<>();
        int lastLine = 0;
        while (at >= 0) {
            int lineNumber = file.lineOf(at);
            if (lineNumber != lastLine) {
                lastLine = lineNumber;
                SuppressionMarker marker = parse(file, lineNumber);
                if (marker != null) {
                    markers.add(marker);
                }
            }
            at = text.indexOf(KEYWORD, at + KEYWORD.length());
        }
        return markers;
    }

    /** The marker on a line, or null when the keyword there is not in a comment. */
    static SuppressionMarker parse(TextFile file, int lineNumber) {
        String line = file.line(lineNumber);
        int at = line.indexOf(KEYWORD);
        String before = line.substring(0, at);
        boolean markdown = file.extension().equals("md") || file.extension().equals("markdown");
        Matcher opener = (markdown ? MARKDOWN_OPENER : COMMENT_OPENER).matcher(before);
        int commentStart = -1;
        if (opener.find()) {
            commentStart = opener.start();
        } else if (markdown || !before.isBlank()) {
            return null;
        }
        // inside a block comment whose opener is on an earlier line, the line may start with the keyword itself
        boolean alone = commentStart < 0 || before.substring(0, commentStart).isBlank();
        Matcher m = MARKER.matcher(line.substring(at));
        if (!m.lookingAt() || DOCUMENTATION.matcher(line.substring(at + KEYWORD.length())).lookingAt()) {
            return null;
        }
        TreeSet<String> ids = new TreeSet<>();
        if (m.group(1) != null) {
            for (String id : m.group(1).split(",")) {
                ids.add(id.strip());
            }
        }
        String reason = COMMENT_CLOSER.matcher(m.group(2)).replaceFirst("");
        reason = reason.replaceFirst("^[\\s:\\-—]+", "").strip();
        int toLine = alone ? nextCodeLine(file, lineNumber) : lineNumber;
        return new SuppressionMarker(file.path(), lineNumber, lineNumber, toLine, ids, reason, "comment");
    }

    /**
     * The line a marker alone on its line applies to: the next line, or, when the comment goes on (more comment
     * lines, the rest of a block comment), the first line after it — at most {@value #MAX_COMMENT_LINES} lines on.
     */
    private static int nextCodeLine(TextFile file, int markerLine) {
        int last = Math.min(file.lineCount(), markerLine + MAX_COMMENT_LINES);
        for (int n = markerLine + 1; n <= last; n++) {
            if (!COMMENT_ONLY.matcher(file.line(n)).lookingAt()) {
                return n;
            }
        }
        return Math.min(markerLine + 1, file.lineCount());
    }
}
