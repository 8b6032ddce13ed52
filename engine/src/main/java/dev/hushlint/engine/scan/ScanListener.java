package dev.hushlint.engine.scan;

/** Progress callbacks, e.g. for a progress bar. Called from worker threads. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
    };

    /** The walk is done: {@code total} files will be read. */
    default void started(int total) {
    }

    /** One more file is done (in the rule pass). */
    default void fileDone(int done, int total) {
    }
}
