package dev.hushlint.engine;

/** A file that cannot be parsed: a user error, reported as a notification with no stack trace. */
public class InputException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int line;

    public InputException(String message, int line) {
        super(message);
        this.line = line;
    }

    public InputException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }
}
