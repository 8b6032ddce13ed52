package dev.hushlint.rules.tree;

/** Where a node stands in its file: 1-based lines and columns, end exclusive. Kept beside the data. */
public record Position(int line, int column, int endLine, int endColumn) {

    public static final Position UNKNOWN = new Position(1, 1, 1, 1);

    public static Position at(int line, int column) {
        return new Position(line, column, line, column);
    }
}
