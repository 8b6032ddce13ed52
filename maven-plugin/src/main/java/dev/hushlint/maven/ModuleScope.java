package dev.hushlint.maven;

import dev.hushlint.engine.scan.FileWalker;
import dev.hushlint.engine.scan.ScanRequest;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * What one module scans: its base directory, minus the directories of its child modules (each scans its
 * own, so nothing is scanned twice), minus its build directory, minus test sources when asked. User
 * includes and excludes are globs relative to the module's base directory; the engine's excludes are
 * relative to the scan's base directory, so each is prefixed with the module's path from there.
 */
record ModuleScope(Path moduleDir, Path baseDir, List<Path> childModuleDirs, List<Path> leftOutDirs,
                   List<String> includes, List<String> excludes) {

    ModuleScope {
        moduleDir = moduleDir.toAbsolutePath().normalize();
        baseDir = baseDir.toAbsolutePath().normalize();
        childModuleDirs = childModuleDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        leftOutDirs = leftOutDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }

    /** The engine's exclude globs, relative to the base directory. */
    List<String> engineExcludes() {
        List<String> globs = new ArrayList<>();
        for (Path dir : childModuleDirs) {
            if (dir.startsWith(moduleDir) && !dir.equals(moduleDir)) {
                globs.add(glob(dir));
            }
        }
        for (Path dir : leftOutDirs) {
            if (dir.startsWith(moduleDir) && !dir.equals(moduleDir)) {
                globs.add(glob(dir));
            }
        }
        String prefix = moduleDir.equals(baseDir) ? "" : glob(moduleDir) + "/";
        for (String pattern : excludes) {
            globs.add(prefix + stripLeadingSlash(pattern));
        }
        return globs;
    }

    /** The request for this module; with includes, the roots are the matching files. */
    ScanRequest request(int threads) {
        ScanRequest request = new ScanRequest(List.of(moduleDir), baseDir, threads, ScanRequest.DEFAULT_MAX_FILE_SIZE,
                false, engineExcludes());
        if (includes.isEmpty() || !Files.isDirectory(moduleDir)) {
            return request;
        }
        List<PathMatcher> matchers = includes.stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + stripLeadingSlash(p)))
                .toList();
        List<Path> files = new FileWalker(request).walk().files().stream()
                .filter(f -> matchers.stream().anyMatch(m -> m.matches(moduleDir.relativize(f))))
                .toList();
        return new ScanRequest(files, baseDir, threads, request.maxFileSize(), false, request.excludes());
    }

    private String glob(Path dir) {
        String path = dir.startsWith(baseDir) ? baseDir.relativize(dir).toString() : dir.toString();
        StringBuilder sb = new StringBuilder();
        for (char c : path.replace('\\', '/').toCharArray()) {
            if ("\\*?[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String stripLeadingSlash(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
