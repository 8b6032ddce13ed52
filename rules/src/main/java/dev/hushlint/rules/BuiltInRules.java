package dev.hushlint.rules;

import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.rules.config.ConfigHardcodedCredential;
import dev.hushlint.rules.java.CredentialInUrl;
import dev.hushlint.rules.java.HardcodedCredential;
import dev.hushlint.rules.java.HardcodedCryptoKey;
import dev.hushlint.rules.java.JavaConstantIndexer;
import dev.hushlint.rules.java.JavaSourceReader;
import dev.hushlint.rules.java.LambdaHandlers;
import dev.hushlint.rules.java.LambdaSecretPerInvocation;
import dev.hushlint.rules.java.LambdaStaticAwsCredentials;
import dev.hushlint.rules.java.SecretLogged;
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
                new JavaConstantIndexer(),       // java/string-constant facts
                new LambdaHandlers()             // java/type-hierarchy
        );
    }

    static List<Rule<?>> rules() {
        return List.of(
                new ConfigHardcodedCredential(), // config/hardcoded-credential
                new CredentialInUrl(),           // java/credential-in-url
                new HardcodedCredential(),       // java/hardcoded-credential
                new HardcodedCryptoKey(),        // java/hardcoded-crypto-key
                new LambdaSecretPerInvocation(), // java/lambda-secret-per-invocation
                new LambdaStaticAwsCredentials(), // java/lambda-static-aws-credentials
                new SecretLogged(),              // java/secret-logged
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
