package dev.hushlint.rules.settings;

import java.io.Serial;
import java.nio.file.Path;

/**
 * A configuration file the user must fix: where (file and line), what is wrong, and how to fix it. Shown as
 * one message, never as a stack trace.
 */
public final class ConfigException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;
    private final String hint;

    public ConfigException(Path file, int line, String problem, String hint) {
        super(format(file, line, problem, hint));
        this.file = file;
        this.line = line;
        this.problem = problem;
        this.hint = hint;
    }

    private static String format(Path file, int line, String problem, String hint) {
        return file + (line > 0 ? ":" + line : "") + ": " + problem + (hint == null || hint.isEmpty() ? "" : " (hint: " + hint + ")");
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    public String hint() {
        return hint;
    }
}
