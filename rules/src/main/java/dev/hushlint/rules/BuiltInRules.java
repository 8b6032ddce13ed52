package dev.hushlint.rules;

import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.rules.aws.IamExportIndexer;
import dev.hushlint.rules.aws.IamExportReader;
import dev.hushlint.rules.aws.LambdaEnvPlaintextSecret;
import dev.hushlint.rules.aws.LambdaEnvWithoutCmk;
import dev.hushlint.rules.aws.LambdaExportReader;
import dev.hushlint.rules.java.JavaSourceReader;
import dev.hushlint.rules.secret.KnownFormatSecret;

import java.util.List;

/**
 * Every built-in reader, indexer and rule, registered explicitly. Keep each list sorted (rules by id).
 * No classpath scanning: what is here is what runs.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static RuleSet ruleSet() {
        return new RuleSet(readers(), indexers(), rules());
    }

    static List<InputReader<?>> readers() {
        return List.of(
                new IamExportReader(),
                new JavaSourceReader(),
                new LambdaExportReader()
        );
    }

    static List<Indexer<?>> indexers() {
        return List.of(
                new IamExportIndexer()
        );
    }

    static List<Rule<?>> rules() {
        return List.of(
                new LambdaEnvPlaintextSecret(),  // aws/lambda-env-plaintext-secret
                new LambdaEnvWithoutCmk(),       // aws/lambda-env-without-cmk
                new KnownFormatSecret()          // secret/known-format
        );
    }
}
