package dev.hushlint.engine;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * A message about the scan itself, not about the code: a file that could not be parsed or read, a file
 * skipped for its size, something a live scan could not check. SARIF {@code toolExecutionNotifications}.
 *
 * @param level error, warning or note
 * @param code  a short stable id, e.g. {@code parse-error}, {@code file-too-large}, {@code io-error}
 * @param file  the file concerned, or null
 * @param line  1-based line, or 0 when unknown
 */
public record Notification(Level level, String code, Path file, int line, String message)
        implements Comparable<Notification> {

    public enum Level {
        ERROR, WARNING, NOTE;

        public String sarif() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Comparator<Notification> ORDER = Comparator
            .comparing((Notification n) -> n.file == null ? "" : n.file.toString())
            .thenComparingInt(Notification::line)
            .thenComparing(Notification::code)
            .thenComparing(Notification::message);

    public static Notification warning(String code, Path file, int line, String message) {
        return new Notification(Level.WARNING, code, file, line, message);
    }

    public static Notification error(String code, Path file, int line, String message) {
        return new Notification(Level.ERROR, code, file, line, message);
    }

    public static Notification note(String code, Path file, int line, String message) {
        return new Notification(Level.NOTE, code, file, line, message);
    }

    @Override
    public int compareTo(Notification other) {
        return ORDER.compare(this, other);
    }
}
