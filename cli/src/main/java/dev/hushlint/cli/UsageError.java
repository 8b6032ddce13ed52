package dev.hushlint.cli;

/** A user's mistake in arguments or configuration: printed as one line, exit code 2, no stack trace. */
public final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
