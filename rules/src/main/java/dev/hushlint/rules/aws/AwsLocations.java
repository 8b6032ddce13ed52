package dev.hushlint.rules.aws;

import dev.hushlint.engine.Location;
import dev.hushlint.rules.tree.Position;

import java.nio.file.Path;

/** Locations of record positions in the file the records came from. */
final class AwsLocations {

    private AwsLocations() {
    }

    static Location of(Path file, Position position) {
        return new Location(file, position.line(), position.column(), position.endLine(), position.endColumn());
    }
}
