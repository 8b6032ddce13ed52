package dev.hushlint.cli;

/** Whether we talk to a person: standard streams attached to a terminal, and TERM is not dumb. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
