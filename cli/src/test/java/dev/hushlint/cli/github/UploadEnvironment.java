package dev.hushlint.cli.github;

import java.util.Map;

/** Lets tests outside this package give {@code github upload} its environment (a token) and restore it. */
public final class UploadEnvironment {

    private UploadEnvironment() {
    }

    public static void set(Map<String, String> variables) {
        UploadCommand.environment = variables::get;
    }

    public static void reset() {
        UploadCommand.environment = System::getenv;
    }
}
