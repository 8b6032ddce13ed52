package dev.hushlint.engine.scan;

import dev.hushlint.engine.Notification;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the files to scan. Skips build and VCS directories at any depth, never follows symbolic links,
 * and leaves out files over the size limit (with a notification). {@code .gitignore} is honoured only on
 * request: ignored files such as {@code .env} still leak on build machines.
 */
public final class FileWalker {

    /** Directory names skipped at any depth. {@code cdk.out} is scanned: it holds synthesized templates. */
    public static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", "target", "node_modules", "build", ".gradle", ".venv");

    /** The outcome of a walk: files in sorted order, and what was left out. */
    public record Walk(List<Path> files, List<Notification> notifications, int skipped) {
    }

    private final ScanRequest request;
    private final List<PathMatcher> excludes;

    public FileWalker(ScanRequest request) {
        this.request = request;
        this.excludes = request.excludes().stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    public Walk walk() {
        TreeSet<Path> files = new TreeSet<>();
        List<Notification> notifications = new ArrayList<>();
        int[] skipped = {0};
        for (Path root : request.roots()) {
            if (Files.isSymbolicLink(root)) {
                skipped[0]++;
                continue;
            }
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                notifications.add(Notification.error("not-found", root, 0, "no such file or directory: " + root));
                continue;
            }
            if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
                consider(root, notifications, skipped, files);
                continue;
            }
            GitIgnore ignores = request.respectGitignore() ? GitIgnore.empty() : null;
            try {
                Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            private final List<GitIgnore> stack = new ArrayList<>();

                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                if (!dir.equals(root) && SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                if (!dir.equals(root) && excluded(dir)) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                if (ignores != null) {
                                    GitIgnore parent = stack.isEmpty() ? ignores : stack.get(stack.size() - 1);
                                    if (!dir.equals(root) && parent.ignored(dir, true)) {
                                        return FileVisitResult.SKIP_SUBTREE;
                                    }
                                    stack.add(parent.withFile(dir.resolve(".gitignore")));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                                if (ignores != null && !stack.isEmpty()) {
                                    stack.remove(stack.size() - 1);
                                }
                                if (e != null) {
                                    notifications.add(Notification.warning("io-error", dir, 0,
                                            "could not list directory: " + describe(e)));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (!attrs.isRegularFile()) {
                                    if (attrs.isSymbolicLink()) {
                                        skipped[0]++;
                                    }
                                    return FileVisitResult.CONTINUE;
                                }
                                if (ignores != null && stack.get(stack.size() - 1).ignored(file, false)) {
                                    return FileVisitResult.CONTINUE;
                                }
                                if (!excluded(file)) {
                                    consider(file, notifications, skipped, files);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                notifications.add(Notification.warning("io-error", file, 0,
                                        "could not read: " + describe(e)));
                                skipped[0]++;
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                notifications.add(Notification.error("io-error", root, 0, "could not walk: " + describe(e)));
            }
        }
        return new Walk(List.copyOf(files), notifications, skipped[0]);
    }

    private void consider(Path file, List<Notification> notifications, int[] skipped, TreeSet<Path> files) {
        try {
            long size = Files.size(file);
            if (size > request.maxFileSize()) {
                notifications.add(Notification.note("file-too-large", file, 0,
                        "skipped: " + size + " bytes is over the limit of " + request.maxFileSize() + " bytes"));
                skipped[0]++;
                return;
            }
        } catch (IOException e) {
            notifications.add(Notification.warning("io-error", file, 0, "could not read: " + describe(e)));
            skipped[0]++;
            return;
        }
        files.add(file);
    }

    private boolean excluded(Path path) {
        if (excludes.isEmpty()) {
            return false;
        }
        Path relative = path.startsWith(request.baseDir()) ? request.baseDir().relativize(path) : path;
        for (PathMatcher m : excludes) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        // only the file system's own reason ("Permission denied"): another exception's message may quote file content
        String detail = e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : null;
        return kind.isEmpty() ? "input/output error" : kind.toLowerCase(java.util.Locale.ROOT)
                + (detail == null ? "" : " (" + detail + ")");
    }
}
