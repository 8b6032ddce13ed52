package dev.hushlint.cli;

import dev.hushlint.engine.scan.ScanListener;

import java.io.PrintWriter;

/**
 * A one-line progress indicator on standard error, shown only on a terminal and only once a scan has run
 * for more than a second; it erases itself when done.
 */
final class Progress implements ScanListener {

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private volatile long lastDraw;
    private volatile boolean drawn;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void fileDone(int done, int total) {
        long now = System.nanoTime();
        if (now - start < 1_000_000_000L || now - lastDraw < 100_000_000L) {
            return;
        }
        synchronized (this) {
            lastDraw = now;
            drawn = true;
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            err.print("\rhushlint: scanning " + done + "/" + total + " files (" + percent + "%)");
            err.flush();
        }
    }

    void finish() {
        if (drawn) {
            err.print("\r\u001B[2K");
            err.flush();
        }
    }
}
