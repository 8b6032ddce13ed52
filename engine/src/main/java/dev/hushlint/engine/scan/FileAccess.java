package dev.hushlint.engine.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the scanner reads a file's bytes: a seam so tests can simulate unreadable or vanishing files. */
@FunctionalInterface
public interface FileAccess {

    FileAccess DEFAULT = Files::readAllBytes;

    byte[] read(Path file) throws IOException;
}
