package dev.hushlint.cli.github;

/**
 * Why an upload did not go through, with the exit code it gives. Messages never hold the token (it is
 * only ever put into a request header).
 */
final class UploadFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit code: rejected by GitHub (a 4xx), or over one of GitHub's limits before upload. */
    static final int REJECTED = 1;
    /** Exit code: a usage or configuration error. */
    static final int USAGE = 2;
    /** Exit code: network failure, or 5xx after retries. */
    static final int UNAVAILABLE = 3;

    private final int exitCode;

    UploadFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
