package dev.hushlint.rules.secret;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judgements about a literal that reaches a credential, shared by the Java and config rules. Three levels
 * of evidence, from the strongest context to the weakest:
 * <ol>
 *   <li>{@link #isCredentialArgument}: the literal is passed to a credential-taking API or stored under a
 *       credential key. As in CodeQL and find-sec-bugs, a weak literal ({@code "password"}, {@code "123456"})
 *       is still a hardcoded credential; only templated placeholders ({@code ${…}}, {@code <…>},
 *       {@code changeme}, {@code REPLACE_ME}, runs of {@code x}), empty values, hashes, vendors' documentation
 *       examples and well-known public defaults ({@code changeit}, the JDK cacerts password) are not.</li>
 *   <li>{@link #isPlausibleSecretValue}: the literal is only assigned to a secret-named variable. The name
 *       alone is weak evidence, so the value must look like a secret: not a property key
 *       ({@code db.password}), an environment-variable or secret name ({@code DB_PASSWORD},
 *       {@code prod/db/password}), the variable's own name ({@code KEYSTORE_PASSWORD_ENV = "keystorepasswordenv"}),
 *       a UI label or message (has spaces), a regex, a format string, a URL or file, a header name.</li>
 *   <li>{@link #isStrongSecret}: in test code only real-format or random-looking values count
 *       ({@code "test"} and {@code "password"} under {@code src/test} are not findings).</li>
 * </ol>
 */
public final class CredentialValues {

    private static final Pattern MASK_LIKE = Pattern.compile("^[*xX•#._-]+$");
    private static final Set<String> NON_VALUES = Set.copyOf(java.util.Arrays.asList(
            "null", "none", "nil", "undefined", "n/a", "na", "true", "false", "yes", "no", "empty", "unset",
            "default", "unknown", "changeit", "required", "optional", "hidden", "secret", "password", "passwd",
            "pwd", "token", "apikey", "api_key", "api-key", "credentials", "credential", "bearer", "basic",
            "authorization", "digest", "negotiate", "secret_key", "secretkey", "private_key", "privatekey"));
    private static final Pattern DOTTED_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+$");
    private static final Pattern ALPHA_DOTTED = Pattern.compile("^[A-Za-z]+(\\.[A-Za-z-]+)+$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$");
    private static final Pattern LETTERS_IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z_-]*$");
    private static final Pattern SECRET_SUBSTRING = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|credential|passphrase|private[_-]?key|access[_-]?key).*");
    private static final Pattern REGEX_LIKE = Pattern.compile(
            ".*(\\\\[dDwWsSbB.]|\\[\\^|\\(\\?|\\.\\*|\\.\\+|\\[[a-zA-Z0-9]-[a-zA-Z0-9]]|\\{\\d+(,\\d*)?}).*|^\\^.*|.*[^\\\\]\\$$");
    private static final Pattern FORMAT_LIKE = Pattern.compile(".*(%[sdfx]|%\\d+\\$s|\\{\\d+}|\\{}).*");
    private static final Pattern FILE_LIKE = Pattern.compile(
            "(?i)^(classpath:|file:|/|\\./|\\.\\./|~/).*|.*\\.(jks|p12|pfx|pem|key|crt|cer|der|keystore|truststore|txt|properties|json|ya?ml|xml|conf|cfg|env)$");
    private static final Pattern TOKEN_PREFIX = Pattern.compile("^[A-Za-z0-9]{1,12}(?:[_-][A-Za-z0-9]{1,8})?[_-](.{2,})$");
    private static final Pattern FORMAT_SPECIFIER = Pattern.compile("^(%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z]|\\{\\d*}|\\{\\}|\\?|:\\w+)$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private CredentialValues() {
    }

    /** Never a credential, whatever the context: empty, a template or mask, a placeholder word, a hash, a doc example. */
    public static boolean isNeverASecret(String value) {
        if (value == null) {
            return true;
        }
        String v = value.strip();
        if (v.isEmpty() || SecretValues.isReference(v) || MASK_LIKE.matcher(v).matches()) {
            return true;
        }
        if (FORMAT_SPECIFIER.matcher(v).matches() || v.endsWith("...") || v.endsWith("…")) {
            // a format argument (%s, {0}, {}) or a value cut short in documentation (sk-proj-...)
            return true;
        }
        Matcher prefixed = TOKEN_PREFIX.matcher(v);
        if (prefixed.matches() && MASK_LIKE.matcher(prefixed.group(1)).matches()) {
            // a token-shaped placeholder: ghp_xxxxxxxx, sk_live_XXXXXXXX
            return true;
        }
        if (NON_VALUES.contains(v.toLowerCase(Locale.ROOT)) && !v.equals("password") && !v.equals("secret")) {
            return true;
        }
        // placeholder words (changeme, REPLACE_ME, your-api-key …), but not a weak password such as 123456
        if (SecretValues.isPlaceholder(v) && !SecretValues.isRepetitive(v)) {
            return true;
        }
        return SecretValues.isPasswordHash(v) || SecretValues.isDocumentationExample(v)
                || v.startsWith("arn:aws") || v.startsWith("{bcrypt}") || v.startsWith("{pbkdf2}")
                || v.startsWith("{scrypt}") || v.startsWith("{argon2}") || v.startsWith("{sha256}");
    }

    /** A literal passed to a credential API or stored under a credential key: any non-placeholder value counts. */
    public static boolean isCredentialArgument(String value) {
        return !isNeverASecret(value);
    }

    /**
     * A literal assigned to a variable, field, return value or key named {@code name}: counts only when it
     * looks like a secret value rather than a name, key, label, message, pattern, file or URL.
     */
    public static boolean isPlausibleSecretValue(String value, String name) {
        if (isNeverASecret(value)) {
            return false;
        }
        String v = value.strip();
        if (v.startsWith("-----BEGIN ")) {
            return true;
        }
        if (v.length() < 4 || SecretValues.isRepetitive(v) || NON_VALUES.contains(v.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (looksLikeName(v, name)) {
            return false;
        }
        if (v.contains("://") || FILE_LIKE.matcher(v).matches() || SecretValues.isSecretIdentifier(v)) {
            return false;
        }
        if (REGEX_LIKE.matcher(v).matches() || FORMAT_LIKE.matcher(v).matches()) {
            return false;
        }
        if (DIGITS.matcher(v).matches() && v.length() < 6) {
            return false;
        }
        if (name != null && SecretNames.isPasswordName(name)
                && (SecretValues.isUuid(v) || (HEX.matcher(v).matches() && isHashLength(v.length())))) {
            // a stored digest or a generated id, not the password itself
            return false;
        }
        return true;
    }

    /** A property key, an environment-variable or header name, or the variable's own name as a value. */
    public static boolean looksLikeName(String value, String name) {
        String v = value.strip();
        if (DOTTED_KEY.matcher(v).matches() && (SECRET_SUBSTRING.matcher(v).matches() || ALPHA_DOTTED.matcher(v).matches())) {
            return true;
        }
        if (ENV_NAME.matcher(v).matches()) {
            return true;
        }
        if (LETTERS_IDENTIFIER.matcher(v).matches() && SECRET_SUBSTRING.matcher(v).matches()) {
            return true;
        }
        if (name != null) {
            String normalizedValue = normalize(v);
            String normalizedName = normalize(name);
            return !normalizedValue.isEmpty() && (normalizedValue.equals(normalizedName)
                    || (normalizedValue.length() >= 4 && LETTERS_IDENTIFIER.matcher(v).matches()
                    && normalizedName.contains(normalizedValue)));
        }
        return false;
    }

    /** Real-format or random-looking: what still counts in test code. */
    public static boolean isStrongSecret(String value) {
        if (isNeverASecret(value)) {
            return false;
        }
        String v = value.strip();
        if (v.startsWith("-----BEGIN ") || SecretDetector.standard().findIn(v).isPresent()) {
            return true;
        }
        if (v.length() < 20 || v.chars().anyMatch(Character::isWhitespace) || SecretValues.isUuid(v)
                || SecretValues.isRepetitive(v)) {
            return false;
        }
        boolean letter = v.chars().anyMatch(Character::isLetter);
        boolean digit = v.chars().anyMatch(Character::isDigit);
        return letter && digit && Entropy.shannon(v) >= 4.0;
    }

    private static boolean isHashLength(int n) {
        return n == 32 || n == 40 || n == 56 || n == 64 || n == 96 || n == 128;
    }

    private static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
