package dev.hushlint.engine;

import java.nio.file.Path;
import java.util.List;

/** Read-only facts about the whole scan, available to every rule in the rule pass. */
public interface ScanContext {

    /** Every fact recorded under the key in the index pass, in a deterministic order (by file). */
    <T> List<T> facts(FactKey<T> key);

    /** The directory relative to which paths are reported. */
    Path baseDir();

    /** A context with no facts, for tests and single-file checks. */
    static ScanContext empty(Path baseDir) {
        return new ScanContext() {
            @Override
            public <T> List<T> facts(FactKey<T> key) {
                return List.of();
            }

            @Override
            public Path baseDir() {
                return baseDir;
            }
        };
    }
}
