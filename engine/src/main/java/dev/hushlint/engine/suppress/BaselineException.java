package dev.hushlint.engine.suppress;

import java.io.Serial;

/** A baseline file that cannot be read or is not a hushlint baseline: a user error, reported in one line. */
public final class BaselineException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }
}
