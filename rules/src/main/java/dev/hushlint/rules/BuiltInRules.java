package dev.hushlint.rules;

import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleSet;
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
        return new RuleSet(readers(), indexers(), rules(), suppressors(), true);
    }

    static List<InputReader<?>> readers() {
        return List.of(
                new JavaSourceReader()
        );
    }

    static List<Indexer<?>> indexers() {
        return List.of(
        );
    }

    static List<Rule<?>> rules() {
        return List.of(
                new KnownFormatSecret()          // secret/known-format
        );
    }

    /** Finders of inline suppression markers (see docs/configuration.md). */
    static List<dev.hushlint.engine.suppress.Suppressor<?>> suppressors() {
        return List.of(
                new dev.hushlint.engine.suppress.CommentSuppressor(),   // markers in comments of any syntax
                new dev.hushlint.rules.java.JavaSuppressor()             // @SuppressWarnings("hushlint:…")
        );
    }
}
