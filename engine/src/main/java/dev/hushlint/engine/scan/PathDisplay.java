package dev.hushlint.engine.scan;

import java.nio.file.Path;

/** How reports name files: relative to the base directory with {@code /}, or absolute when outside it. */
public final class PathDisplay {

    private PathDisplay() {
    }

    public static String of(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(baseDir) && !abs.equals(baseDir)) {
            return baseDir.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString().replace('\\', '/');
    }

    public static boolean inside(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(baseDir) && !abs.equals(baseDir);
    }
}
