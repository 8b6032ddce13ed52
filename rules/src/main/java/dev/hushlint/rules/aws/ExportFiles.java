package dev.hushlint.rules.aws;

import dev.hushlint.engine.InputException;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.JsonTree;
import dev.hushlint.rules.tree.Node;

/** Parsing shared by the export readers. */
final class ExportFiles {

    private ExportFiles() {
    }

    static Node parse(TextFile file) throws InputException {
        return JsonTree.parse(file.text());
    }
}
