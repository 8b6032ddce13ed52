package dev.hushlint.engine.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how.
 *
 * @param roots            files or directories to scan
 * @param baseDir          paths are reported relative to it
 * @param threads          worker threads (at least 1)
 * @param maxFileSize      files larger than this many bytes are skipped with a notification
 * @param respectGitignore honour {@code .gitignore} files below each root
 * @param excludes         glob patterns (relative to the base directory) of paths to leave out
 */
public record ScanRequest(List<Path> roots, Path baseDir, int threads, long maxFileSize,
                          boolean respectGitignore, List<String> excludes) {

    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    public ScanRequest {
        roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("max file size must be positive");
        }
        excludes = List.copyOf(excludes);
    }

    public static ScanRequest of(Path... roots) {
        return new ScanRequest(List.of(roots), Path.of("").toAbsolutePath(),
                Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_SIZE, false, List.of());
    }

    public ScanRequest withBaseDir(Path dir) {
        return new ScanRequest(roots, dir, threads, maxFileSize, respectGitignore, excludes);
    }

    public ScanRequest withThreads(int n) {
        return new ScanRequest(roots, baseDir, n, maxFileSize, respectGitignore, excludes);
    }

    public ScanRequest withMaxFileSize(long bytes) {
        return new ScanRequest(roots, baseDir, threads, bytes, respectGitignore, excludes);
    }

    public ScanRequest withRespectGitignore(boolean respect) {
        return new ScanRequest(roots, baseDir, threads, maxFileSize, respect, excludes);
    }

    public ScanRequest withExcludes(List<String> globs) {
        return new ScanRequest(roots, baseDir, threads, maxFileSize, respectGitignore, globs);
    }
}
