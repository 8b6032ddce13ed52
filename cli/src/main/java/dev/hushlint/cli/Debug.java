package dev.hushlint.cli;

import picocli.CommandLine;

/** Whether {@code --debug} was given anywhere on the command line. */
final class Debug {

    private Debug() {
    }

    static boolean enabled(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
            if (r.subcommand() == null) {
                break;
            }
        }
        return false;
    }
}
