package dev.hushlint.rules.secret;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 *   <li>a secret-named variable ({@link SecretNames}) with a non-empty value that is not a placeholder,
 *       a reference ({@code ${…}}, {@code {{resolve:…}}}), an ARN or path naming a secret, a URL without
 *       credentials, a password hash, or a flag.</li>
 * </ol>
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
            "\\b[a-zA-Z][a-zA-Z0-9+.-]*://([^:@/\\s]*):([^@/\\s]+)@[^\\s/]+");
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S+$");
    private static final Set<String> FLAGS = Set.of("true", "false", "yes", "no", "on", "off", "none", "null",
            "nil", "enabled", "disabled", "required", "optional", "empty", "n/a", "na", "unset", "default");
    private static final EnvironmentSecretJudge STANDARD = new EnvironmentSecretJudge(SecretDetector.standard());

    private final SecretDetector detector;

    public EnvironmentSecretJudge(SecretDetector detector) {
        this.detector = detector;
    }

    public static EnvironmentSecretJudge standard() {
        return STANDARD;
    }

    /** The verdict on one variable, empty when its value is not a plaintext secret. */
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
            return Optional.of(new Verdict(Kind.URL_CREDENTIALS, urlPassword.get(), "", "password in a URL"));
        }
        if (SecretNames.isSecretName(name) && isPlainValue(value)) {
            return Optional.of(new Verdict(Kind.SECRET_NAME, value, "", "secret-named variable"));
        }
        return Optional.empty();
    }

    /** The non-placeholder password of the first URL in the value that carries one. */
    public static Optional<String> urlPassword(String value) {
        Matcher m = URL_CREDENTIALS.matcher(value);
        while (m.find()) {
            String password = m.group(2);
            String decoded;
            try {
                decoded = URLDecoder.decode(password.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = password;
            }
            if (!SecretValues.isPlaceholder(decoded) && !SecretValues.isReference(password)
                    && !password.startsWith("$") && !SecretValues.isDocumentationExample(decoded)) {
                return Optional.of(password);
            }
        }
        return Optional.empty();
    }

    /**
     * True when a value under a secret-named variable is a literal secret rather than a placeholder, a
     * reference, a name, a URL without credentials, a hash or a flag.
     */
    public static boolean isPlainValue(String value) {
        String v = value.strip();
        if (v.length() < 3 || SecretValues.isPlaceholder(v) || SecretValues.isReference(v)
                || SecretValues.isSecretIdentifier(v) || SecretValues.isDocumentationExample(v)
                || SecretValues.isPasswordHash(v) || FLAGS.contains(v.toLowerCase(Locale.ROOT))) {
            return false;
        }
        // a dynamic reference left in place (resolved later by the platform) is not plaintext
        if (v.contains("{{resolve:") || v.startsWith("${ssm:") || v.startsWith("${secretsmanager:")) {
            return false;
        }
        return !URL.matcher(v).matches();
    }
}
