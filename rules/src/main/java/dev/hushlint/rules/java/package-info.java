/**
 * Java source rules.
 *
 * <p>The literal rules ({@code java/hardcoded-credential}, {@code java/hardcoded-crypto-key},
 * {@code java/credential-in-url}) work in two phases so that most files are never parsed:
 * <ol>
 *   <li>{@link dev.hushlint.rules.java.JavaLexicon}: one linear pass over the characters (comments, strings
 *       and text blocks understood) decides whether a credential can stand next to a literal;</li>
 *   <li>only then {@link dev.hushlint.rules.java.JavaSource#unit()} parses the file, and one
 *       {@code CredentialFinder} walk (shared by the three rules through {@link dev.hushlint.rules.java.JavaSource#derived})
 *       follows literals through constants ({@code ConstantEvaluator}) into the sink catalogue
 *       ({@link dev.hushlint.rules.java.CredentialSinks}), secret-named names, credential keys, lookups'
 *       fallbacks, comparisons, annotations and URLs.</li>
 * </ol>
 * Constants of other files come from {@link dev.hushlint.rules.java.JavaConstantIndexer}, which reads
 * {@code static final String} declarations lexically in the index pass.
 */
package dev.hushlint.rules.java;
