package dev.hushlint.rules;

import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.suppress.CommentSuppressor;
import dev.hushlint.engine.suppress.Suppressor;
import dev.hushlint.rules.aws.AwsLambdaEnvPlaintextSecret;
import dev.hushlint.rules.aws.AwsLambdaEnvWithoutCmk;
import dev.hushlint.rules.aws.AwsLambdaRoleSecretAccessWildcard;
import dev.hushlint.rules.aws.IamExportIndexer;
import dev.hushlint.rules.aws.IamExportReader;
import dev.hushlint.rules.aws.LambdaExportReader;
import dev.hushlint.rules.config.ConfigHardcodedCredential;
import dev.hushlint.rules.iac.HardcodedSecretValue;
import dev.hushlint.rules.iac.LambdaEnvPlaintextSecret;
import dev.hushlint.rules.iac.LambdaEnvResolvedSecret;
import dev.hushlint.rules.iac.LambdaEnvWithoutCmk;
import dev.hushlint.rules.iac.PublicSecretPolicy;
import dev.hushlint.rules.iac.SecretAccessWildcard;
import dev.hushlint.rules.iac.SecretParameterWithoutNoEcho;
import dev.hushlint.rules.iac.SecretWithoutCmk;
import dev.hushlint.rules.iac.SecretWithoutRotation;
import dev.hushlint.rules.iac.TemplateMetadataSuppressor;
import dev.hushlint.rules.iac.TemplateReader;
import dev.hushlint.rules.iac.TerraformIndexer;
import dev.hushlint.rules.java.CredentialInUrl;
import dev.hushlint.rules.java.HardcodedCredential;
import dev.hushlint.rules.java.HardcodedCryptoKey;
import dev.hushlint.rules.java.JavaConstantIndexer;
import dev.hushlint.rules.java.JavaSourceReader;
import dev.hushlint.rules.java.JavaSuppressor;
import dev.hushlint.rules.java.LambdaHandlers;
import dev.hushlint.rules.java.LambdaSecretPerInvocation;
import dev.hushlint.rules.java.LambdaStaticAwsCredentials;
import dev.hushlint.rules.java.SecretLogged;
import dev.hushlint.rules.secret.KnownFormatSecret;

import java.util.List;

/**
 * Every built-in reader, indexer, rule and suppressor, registered explicitly. Keep each list sorted (rules
 * by id). No classpath scanning: what is here is what runs.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static RuleSet ruleSet() {
        return new RuleSet(readers(), indexers(), rules(), suppressors(), true);
    }

    static List<InputReader<?>> readers() {
        return List.of(
                new IamExportReader(),               // aws iam get-account-authorization-details → IamExport
                new JavaSourceReader(),              // *.java → JavaSource
                new LambdaExportReader(),            // aws lambda list-functions / get-function(-configuration) → LambdaExport
                new TemplateReader()                 // CloudFormation/SAM/CDK, Serverless, Terraform → Template
        );
    }

    static List<Indexer<?>> indexers() {
        return List.of(
                new IamExportIndexer(),              // IAM roles and managed policies from exports, by ARN
                new JavaConstantIndexer(),           // static final String constants across files
                new LambdaHandlers(),                // class hierarchy: which classes are Lambda handlers
                new TerraformIndexer()               // facts linking the files of one Terraform directory
        );
    }

    static List<Rule<?>> rules() {
        return List.of(
                new AwsLambdaEnvPlaintextSecret(),   // aws/lambda-env-plaintext-secret
                new AwsLambdaEnvWithoutCmk(),        // aws/lambda-env-without-cmk
                new AwsLambdaRoleSecretAccessWildcard(), // aws/lambda-role-secret-access-wildcard
                new ConfigHardcodedCredential(),     // config/hardcoded-credential
                new HardcodedSecretValue(),          // iac/hardcoded-secret-value
                new LambdaEnvPlaintextSecret(),      // iac/lambda-env-plaintext-secret
                new LambdaEnvResolvedSecret(),       // iac/lambda-env-resolved-secret
                new LambdaEnvWithoutCmk(),           // iac/lambda-env-without-cmk
                new PublicSecretPolicy(),            // iac/public-secret-policy
                new SecretAccessWildcard(),          // iac/secret-access-wildcard
                new SecretParameterWithoutNoEcho(),  // iac/secret-parameter-without-noecho
                new SecretWithoutCmk(),              // iac/secret-without-cmk
                new SecretWithoutRotation(),         // iac/secret-without-rotation
                new CredentialInUrl(),               // java/credential-in-url
                new HardcodedCredential(),           // java/hardcoded-credential
                new HardcodedCryptoKey(),            // java/hardcoded-crypto-key
                new LambdaSecretPerInvocation(),     // java/lambda-secret-per-invocation
                new LambdaStaticAwsCredentials(),    // java/lambda-static-aws-credentials
                new SecretLogged(),                  // java/secret-logged
                new KnownFormatSecret()              // secret/known-format
        );
    }

    /** Finders of inline suppression markers (see docs/configuration.md). */
    static List<Suppressor<?>> suppressors() {
        return List.of(
                new CommentSuppressor(),             // ignore markers in comments of any syntax
                new JavaSuppressor(),                // @SuppressWarnings("hushlint:…")
                new TemplateMetadataSuppressor()     // Metadata: hushlint: ignore: [{id, reason}] on a resource
        );
    }
}
