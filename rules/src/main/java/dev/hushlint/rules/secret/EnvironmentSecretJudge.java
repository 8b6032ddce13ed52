package dev.hushlint.rules.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one judgement of "this environment variable holds a plaintext secret", shared by the IaC rule
 * ({@code iac/lambda-env-plaintext-secret}, which walks templates to the literals and passes them here) and the
 * live/export rule ({@code aws/lambda-env-plaintext-secret}, on resolved values):
 * <ol>
 *   <li>a known-format token anywhere in the value (a provider token: critical);</li>
 *   <li>credentials inside a URL value ({@code postgres://app:s3cr3t@db:5432/x});</li>
 *   <li>a secret-named variable ({@link #isSecretName}) with a literal value. A documentation example under a
 *       secret name still counts: secrets do not belong in the environment, whatever they are.</li>
 * </ol>
 * Not a plaintext secret under a secret name: an empty value; a dynamic reference or a deployment tool's
 * variable ({@code {{resolve:…}}}, {@code ${ssm:…}}, {@code ${env:…}}, {@code ${…}}); a placeholder; a secret's
 * name, ARN or path; a flag ({@code true}, {@code none} …); a value under 6 characters; a value with whitespace
 * (a sentence such as "Bearer token from the caller"); a URL without credentials (an issuer, an endpoint).
 * Settings of the Parameters and Secrets Lambda Extension ({@code SECRETS_MANAGER_TTL}) are not secret names.
 */
public final class EnvironmentSecretJudge {

    private static final Pattern DIGIT = Pattern.compile("\\d");
    /** Path- or host-like glue between interpolations ({@code :db/}, {@code .example.com}). */
    private static final Pattern GLUE = Pattern.compile("[A-Za-z0-9_./:-]*[/:.][A-Za-z0-9_./:-]*");

    /** Why a value counts as a plaintext secret. */
    public enum Kind {
        /** A provider-format token (AWS key, GitHub token, PEM key …). */
        KNOWN_FORMAT,
        /** A password inside a URL's user-info. */
        URL_CREDENTIALS,
        /** A plain value under a secret-named variable. */
        SECRET_NAME
    }

    /**
     * A verdict. {@code secret} is the offending part of the value (the token, the URL password, or the
     * literal): in memory only, for {@code Finding.secret}; {@link #toString()} leaves it out.
     *
     * @param patternId            the token pattern id for {@link Kind#KNOWN_FORMAT}, else ""
     * @param description          human words for messages ("GitHub token", "credentials inside a URL",
     *                             "secret-named variable")
     * @param documentationExample a {@link Kind#SECRET_NAME} literal that is a documentation example
     */
    public record Verdict(Kind kind, String secret, String patternId, String description,
                          boolean documentationExample) {
        /** A provider-format token: the caller raises the severity to critical. */
        public boolean providerToken() {
            return kind == Kind.KNOWN_FORMAT;
        }

        @Override
        public String toString() {
            return "Verdict[" + kind + " " + patternId + "]";
        }
    }

    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://([^:/@\\s]+):([^@/\\s]+)@[^\\s]+");
    private static final Pattern PLAIN_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^@\\s]+");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[^}]*}|#\\{[^}]*}|\\{\\{[^}]*}}");
    private static final Set<String> NOT_SECRETS = Set.of("true", "false", "yes", "no", "on", "off", "null", "none",
            "nil", "enabled", "disabled", "n/a", "na", "tbd", "todo", "-");
    /** Secret words that environment variable names often glue to another word ({@code DBPASSWORD}). */
    private static final List<String> GLUED = List.of("password", "passwd", "secret", "token", "apikey", "privatekey",
            "secretkey", "accesskey", "credentials", "credential", "passphrase");
    private static final EnvironmentSecretJudge STANDARD = new EnvironmentSecretJudge(SecretDetector.standard());

    private final SecretDetector detector;

    public EnvironmentSecretJudge(SecretDetector detector) {
        this.detector = detector;
    }

    public static EnvironmentSecretJudge standard() {
        return STANDARD;
    }

    /** The verdict on one variable with a resolved value, empty when the value is not a plaintext secret. */
    public Optional<Verdict> judge(String name, String value) {
        return judgeValue(value, isSecretName(name));
    }

    /**
     * The verdict on a whole value whose place the caller has already named, e.g. a template parameter's
     * default that feeds a secret-named variable.
     */
    public Optional<Verdict> judgeValue(String value, boolean secretNamed) {
        return literal(value, secretNamed, true);
    }

    /**
     * The verdict on a literal piece of a value composed at deploy time (the text of a {@code !Sub} with its
     * {@code ${…}} left in, one part of a {@code !Join}): tokens and URL credentials count as in a whole value;
     * under a secret name only a piece that looks random counts, since most pieces are glue ({@code -password},
     * {@code :db/}).
     */
    public Optional<Verdict> judgeFragment(String fragment, boolean secretNamed) {
        return literal(fragment, secretNamed, false);
    }

    private Optional<Verdict> literal(String text, boolean secretNamed, boolean whole) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<SecretMatch> token = detector.findIn(text);
        if (token.isPresent()) {
            return Optional.of(new Verdict(Kind.KNOWN_FORMAT, token.get().value(), token.get().pattern().id(),
                    token.get().pattern().description(), false));
        }
        Optional<String> urlPassword = urlPassword(text);
        if (urlPassword.isPresent()) {
            return Optional.of(new Verdict(Kind.URL_CREDENTIALS, urlPassword.get(), "", "credentials inside a URL", false));
        }
        if (!secretNamed) {
            return Optional.empty();
        }
        String literal = whole ? text.strip() : INTERPOLATION.matcher(text).replaceAll("").strip();
        if (literal.isEmpty() || text.contains("{{resolve:") || text.contains("${ssm:") || text.contains("${env:")) {
            return Optional.empty();
        }
        if (whole && INTERPOLATION.matcher(text).find()) {
            // a dynamic reference or a deployment tool's variable (${opt:…}, ${file(…)}) left in place: not a literal
            return Optional.empty();
        }
        if (!whole && (literal.length() < 8 || Entropy.shannon(literal) < 3.0 || !DIGIT.matcher(literal).find()
                || GLUE.matcher(literal).matches())) {
            return Optional.empty(); // a fragment like "-password" or ":db/" is glue, not a secret
        }
        if (SecretValues.isDocumentationExample(literal)) {
            return Optional.of(new Verdict(Kind.SECRET_NAME, literal, "", "a documentation example, still a literal", true));
        }
        if (literal.length() < 6 || literal.chars().anyMatch(Character::isWhitespace) || PLAIN_URL.matcher(literal).matches()) {
            return Optional.empty(); // a flag, a word, a sentence or a URL without credentials
        }
        if (NOT_SECRETS.contains(literal.toLowerCase(Locale.ROOT)) || SecretValues.isPlaceholder(literal)
                || SecretValues.isReference(literal) || SecretValues.isSecretIdentifier(literal)
                || literal.startsWith("arn:")) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Kind.SECRET_NAME, literal, "", "secret-named variable", false));
    }

    /** The non-placeholder password of the first URL in the value that carries one. */
    public static Optional<String> urlPassword(String value) {
        Matcher url = URL_CREDENTIALS.matcher(value);
        while (url.find()) {
            String password = url.group(2);
            if (!password.contains("${") && !password.contains("{{") && !SecretValues.isPlaceholder(password)) {
                return Optional.of(password);
            }
        }
        return Optional.empty();
    }

    /**
     * {@link SecretNames#isSecretName} applied to a variable or parameter name as deployments write them: a glued
     * secret word is split off first ({@code DBPASSWORD}), and a path is judged by its last segment
     * ({@code /myapp/api_key/}). Settings of the AWS Parameters and Secrets Lambda Extension
     * ({@code PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL}, {@code SECRETS_MANAGER_TTL}) are configuration about
     * secrets, not secrets.
     */
    public static boolean isSecretName(String name) {
        if (name == null || name.isBlank() || isExtensionSetting(name)) {
            return false;
        }
        String n = name.strip();
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        n = n.substring(n.lastIndexOf('/') + 1);
        if (SecretNames.isSecretName(n)) {
            return true;
        }
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (String w : SecretNames.words(n)) {
            String split = null;
            for (String glued : GLUED) {
                if (w.length() > glued.length() && w.endsWith(glued)) {
                    split = w.substring(0, w.length() - glued.length()) + "_" + glued;
                    break;
                }
            }
            words.add(split == null ? w : split);
            changed |= split != null;
        }
        return changed && SecretNames.isSecretName(String.join("_", words));
    }

    private static boolean isExtensionSetting(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("PARAMETERS_SECRETS_EXTENSION_") || upper.startsWith("SECRETS_MANAGER_")
                || upper.startsWith("SSM_PARAMETER_STORE_");
    }
}
