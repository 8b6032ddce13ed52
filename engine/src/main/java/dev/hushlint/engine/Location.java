package dev.hushlint.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * A region of a file. Lines and columns are 1-based; {@code endColumn} is one past the last character,
 * as in SARIF.
 */
public record Location(Path file, int startLine, int startColumn, int endLine, int endColumn)
        implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator
            .comparing((Location l) -> l.file.toString())
            .thenComparingInt(Location::startLine)
            .thenComparingInt(Location::startColumn)
            .thenComparingInt(Location::endLine)
            .thenComparingInt(Location::endColumn);

    public Location {
        Objects.requireNonNull(file, "file");
        if (startLine < 1 || startColumn < 1) {
            throw new IllegalArgumentException("lines and columns are 1-based");
        }
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
            endLine = startLine;
            endColumn = startColumn;
        }
    }

    /** A whole-line location when no column is known. */
    public static Location line(Path file, int line) {
        return new Location(file, line, 1, line, 1);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }
}
