package dev.hushlint.cli.github;

import dev.hushlint.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code hushlint github …}: GitHub integration (upload to code scanning). */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = "GitHub integration: upload SARIF to GitHub code scanning.",
        subcommands = {UploadCommand.class})
public final class GithubCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }
}
