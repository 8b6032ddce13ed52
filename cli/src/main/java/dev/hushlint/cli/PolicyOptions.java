package dev.hushlint.cli;

import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.suppress.Baseline;
import dev.hushlint.engine.suppress.BaselineException;
import dev.hushlint.rules.BuiltInRules;
import dev.hushlint.rules.settings.ConfigException;
import dev.hushlint.rules.settings.ScanPolicy;
import dev.hushlint.rules.settings.Settings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The options that tame a scan: which configuration file, whether inline suppressions count. Turns a bad
 * configuration or baseline into a one-line usage error (exit 2).
 */
public final class PolicyOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "configuration file (default: .hushlint.yml in each directory scanned, never above it)")
    public Path config;

    @Option(names = "--no-inline-ignores",
            description = "ignore every inline suppression (hushlint:ignore comments, @SuppressWarnings, template metadata)")
    public boolean noInlineIgnores;

    /** The configuration that applies to a scan of these roots. */
    public Settings settings(List<Path> roots) {
        try {
            if (config != null) {
                return Settings.load(config);
            }
            Optional<Path> found = Settings.find(roots);
            return found.isPresent() ? Settings.load(found.get()) : Settings.none();
        } catch (ConfigException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The policy for a scan of these roots, with the baseline file when one is given. */
    public ScanPolicy policy(List<Path> roots, Path baselineFile) {
        Baseline baseline = null;
        if (baselineFile != null) {
            try {
                baseline = Baseline.read(baselineFile);
            } catch (BaselineException e) {
                throw new UsageError(e.getMessage());
            }
        }
        return ScanPolicy.of(settings(roots), baseline, !noInlineIgnores);
    }

    /** The rules the policy runs. */
    public static RuleSet ruleSet(ScanPolicy policy) {
        try {
            return policy.ruleSet(BuiltInRules.ruleSet());
        } catch (ConfigException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
