package dev.hushlint.rules.settings;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Globs relative to a configuration file's directory, as people write them: a glob without {@code /} matches the
 * file name at any depth ({@code *.properties}), and a leading double-star-slash also matches at the top
 * ({@code **}{@code /src/test/**} matches {@code src/test/A.java}).
 */
final class PathGlobs {

    private final List<PathMatcher> matchers;

    PathGlobs(List<String> globs) {
        this.matchers = globs.stream().flatMap(g -> {
            String pattern = g.startsWith("./") ? g.substring(2) : g;
            if (!pattern.contains("/")) {
                pattern = "**/" + pattern;
            }
            String top = pattern.startsWith("**/") ? pattern.substring(3) : null;
            return (top == null ? List.of(pattern) : List.of(pattern, top)).stream();
        }).map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    boolean isEmpty() {
        return matchers.isEmpty();
    }

    /**
     * Whether the file (absolute) matches, relative to the configuration's directory when the file is in it, else
     * relative to the base directory (a configuration kept elsewhere and named with {@code --config}).
     */
    boolean matches(Path root, Path baseDir, Path file) {
        Path anchor = root != null && file.startsWith(root) ? root
                : baseDir != null && file.startsWith(baseDir) ? baseDir : null;
        if (anchor == null) {
            return false;
        }
        Path relative = anchor.relativize(file);
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }
}
