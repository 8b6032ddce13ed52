package dev.hushlint.engine.report;

import dev.hushlint.engine.scan.PathDisplay;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** File URIs as SARIF wants them: relative (percent-encoded) under the base directory, absolute {@code file:} outside. */
final class Uris {

    private Uris() {
    }

    /** The base directory as an absolute file URI ending in a slash. */
    static String baseUri(Path baseDir) {
        String uri = baseDir.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    static boolean relative(Path baseDir, Path file) {
        return PathDisplay.inside(baseDir, file);
    }

    /** A relative URI reference for files under the base directory, else an absolute file URI. */
    static String of(Path baseDir, Path file) {
        if (!relative(baseDir, file)) {
            return file.toAbsolutePath().normalize().toUri().toASCIIString();
        }
        String rel = PathDisplay.of(baseDir, file);
        try {
            return new URI(null, null, rel, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URI of " + rel, e);
        }
    }
}
