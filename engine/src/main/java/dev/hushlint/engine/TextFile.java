package dev.hushlint.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A decoded text file: the input every rule can read, and the source every other input is parsed from.
 * Line numbers treat {@code \n}, {@code \r\n} and a lone {@code \r} as line ends.
 */
public final class TextFile {

    private final Path path;
    private final String displayPath;
    private final String text;
    private volatile int[] lineStarts;

    /**
     * @param path        absolute, normalised path
     * @param displayPath the path as reports show it: relative to the base directory with {@code /}
     *                    separators, or absolute for files outside it
     * @param text        the decoded content
     */
    public TextFile(Path path, String displayPath, String text) {
        this.path = Objects.requireNonNull(path, "path");
        this.displayPath = Objects.requireNonNull(displayPath, "displayPath");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** For tests and in-memory inputs: a file whose display path is its file name. */
    public static TextFile of(String name, String text) {
        Path path = Path.of(name).toAbsolutePath().normalize();
        return new TextFile(path, name.replace('\\', '/'), text);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }

    /** Lower-case extension without the dot, or "" when there is none. */
    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public int lineCount() {
        return starts().length;
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int[] starts = starts();
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column (UTF-16 code units, as SARIF counts by default) of a character offset. */
    public int columnOf(int offset) {
        return offset - starts()[lineOf(offset) - 1] + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return starts()[line - 1];
    }

    /** The text of a 1-based line without its line terminator. */
    public String line(int line) {
        int[] starts = starts();
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The location of the characters {@code [start, end)}. */
    public Location location(int start, int end) {
        int endOffset = Math.max(start, end);
        return new Location(path, lineOf(start), columnOf(start), lineOf(endOffset), columnOf(endOffset));
    }

    /** A whole line, for structured inputs whose findings point at an element's line. */
    public Location lineLocation(int line) {
        return new Location(path, line, 1, line, line(line).length() + 1);
    }

    private int[] starts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = computeLineStarts(text);
            lineStarts = starts;
        }
        return starts;
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    @Override
    public String toString() {
        return "TextFile[" + displayPath + "]";
    }
}
