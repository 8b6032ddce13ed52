package dev.hushlint.rules.iac;

import dev.hushlint.engine.Location;
import dev.hushlint.rules.tree.Position;

/** Findings on structured inputs point at the whole line of the offending element. */
final class Locations {

    private Locations() {
    }

    static Location of(Template template, Position position) {
        int lines = template.file().lineCount();
        int line = Math.min(Math.max(1, position.line()), lines);
        return template.file().lineLocation(line);
    }
}
