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
 * ({@code iac/lambda-env-plaintext-secret}) and the live/export rule ({@code aws/lambda-env-plaintext-secret}):
 * <ol>
 *   <li>a known-format token anywhere in the value (a provider token: critical);</li>
 *   <li>credentials inside a URL value ({@code postgres://app:s3cr3t@db:5432/x});</li>
 *   <li>a secret-named variable ({@link #isSecretName}) with a literal value: not empty, not a placeholder,
 *       a reference ({@code ${…}}, {@code {{resolve:…}}}), an ARN or path naming a secret, or a flag
 *       ({@code true}, {@code none} …). A documentation example under a secret name still counts.</li>
 * </ol>
 * {@code iac/lambda-env-plaintext-secret} judges whole literal values the same way (a test holds the two
 * together).
 * Callers pass values already resolved as far as they can; what cannot be resolved (an intrinsic function)
 * is not a plaintext value and should not be passed here.
 */
public final class EnvironmentSecretJudge {

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
     * A verdict. {@code secret} is the offending part of the value (the token, the URL password, or the whole
     * value): in memory only, for {@code Finding.secret}; {@link #toString()} leaves it out.
     *
     * @param patternId   the token pattern id for {@link Kind#KNOWN_FORMAT}, else ""
     * @param description human words for messages ("GitHub token", "password in a URL", "secret-named variable")
     */
    public record Verdict(Kind kind, String secret, String patternId, String description) {
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
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<SecretMatch> token = detector.findIn(value);
        if (token.isPresent()) {
            return Optional.of(new Verdict(Kind.KNOWN_FORMAT, token.get().value(), token.get().pattern().id(),
                    token.get().pattern().description()));
        }
        Optional<String> urlPassword = urlPassword(value);
        if (urlPassword.isPresent()) {
            return Optional.of(new Verdict(Kind.URL_CREDENTIALS, urlPassword.get(), "", "credentials inside a URL"));
        }
        if (!isSecretName(name)) {
            return Optional.empty();
        }
        String literal = value.strip();
        if (value.contains("{{resolve:") || value.contains("${ssm:") || value.contains("${env:")
                || INTERPOLATION.matcher(value).find()) {
            // a dynamic reference or a deployment tool's variable left in place: not a literal
            return Optional.empty();
        }
        if (SecretValues.isDocumentationExample(literal)) {
            // secrets do not belong in the environment, whatever they are
            return Optional.of(new Verdict(Kind.SECRET_NAME, literal, "", "a documentation example, still a literal"));
        }
        if (NOT_SECRETS.contains(literal.toLowerCase(Locale.ROOT)) || SecretValues.isPlaceholder(literal)
                || SecretValues.isReference(literal) || SecretValues.isSecretIdentifier(literal)
                || literal.startsWith("arn:")) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Kind.SECRET_NAME, literal, "", "secret-named variable"));
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
     * {@link SecretNames#isSecretName} applied to a variable name as deployments write them: a glued secret
     * word is split off first ({@code DBPASSWORD}), and a path is judged by its last segment
     * ({@code /myapp/api_key}).
     */
    public static boolean isSecretName(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String n = name.strip();
        int slash = n.replaceAll("/+$", "").lastIndexOf('/');
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
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
}
