package dev.hushlint.cli;

import dev.hushlint.rules.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hushlint init [DIR]}: writes a commented starter {@code .hushlint.yml}. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter " + Settings.FILE_NAME + " (it changes nothing until you edit it).")
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "the project directory (default: .)")
    Path dir;

    @Option(names = "--force", description = "overwrite an existing " + Settings.FILE_NAME)
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UsageError("not a directory: " + dir);
        }
        Path file = dir.resolve(Settings.FILE_NAME);
        if (Files.exists(file) && !force) {
            throw new UsageError(file + " already exists (use --force to overwrite it)");
        }
        try {
            Files.writeString(file, Settings.starter(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot write " + file + ": " + e.getClass().getSimpleName());
        }
        spec.commandLine().getErr().println("wrote " + file);
        spec.commandLine().getErr().flush();
        return Main.OK;
    }
}
