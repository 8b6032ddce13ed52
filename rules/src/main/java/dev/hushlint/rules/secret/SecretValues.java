package dev.hushlint.rules.secret;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judgements about a candidate value, shared by every rule: is it a placeholder, a reference to a secret
 * held elsewhere, a vendor's documentation example, or public material — i.e. not a leaked secret?
 */
public final class SecretValues {

    private static final Pattern TEMPLATE_REFERENCE = Pattern.compile(
            "^\\s*(\\$\\{[^}]*}|\\$\\([^)]*\\)|\\{\\{[^}]*}}|%\\([^)]*\\)s?|%[A-Za-z_][A-Za-z0-9_]*%|\\$[A-Za-z_][A-Za-z0-9_]*|<[^<>]+>|\\{[A-Za-z_][^{}]*}|ENC\\(.*\\)|\\{cipher}.*|#\\{[^}]*})\\s*$");
    private static final Pattern PLACEHOLDER_WORDS = Pattern.compile(
            "(?i).*(change[_-]?me|changeit|replace[_-]?me|your[_-]?(own[_-]?)?(password|secret|token|key|api[_-]?key)|"
                    + "placeholder|dummy|redacted|example|fixme|todo|insert[_-]?here|put[_-]?your|enter[_-]?your|"
                    + "not[_-]?a[_-]?real|fake[_-]?(password|secret|token|key)).*");
    private static final Pattern MASKED = Pattern.compile("^[*xX•#._-]+$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:.*");
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    private SecretValues() {
    }

    /** {@code ${VAR}}, {@code <token>}, {@code {{resolve:…}}}, {@code ENC(…)}, {@code {cipher}…}, {@code %VAR%} … */
    public static boolean isReference(String value) {
        return value != null && TEMPLATE_REFERENCE.matcher(value).matches();
    }

    /** Obvious placeholders: changeme, REPLACE_ME, xxxx, ****, your-api-key, …EXAMPLE. */
    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String v = value.strip();
        if (v.isEmpty() || MASKED.matcher(v).matches() || isReference(v)) {
            return true;
        }
        if (PLACEHOLDER_WORDS.matcher(v).matches()) {
            return true;
        }
        return isRepetitive(v);
    }

    /** A run of one character, or a short repeated unit ({@code abcabcabc}), or a sequence ({@code 12345678}). */
    public static boolean isRepetitive(String v) {
        int n = v.length();
        if (n == 0) {
            return true;
        }
        for (int unit = 1; unit <= Math.min(4, n / 2); unit++) {
            boolean repeats = true;
            for (int i = unit; i < n && repeats; i++) {
                repeats = v.charAt(i) == v.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        if (n >= 6) {
            boolean up = true;
            boolean down = true;
            for (int i = 1; i < n; i++) {
                up &= v.charAt(i) == v.charAt(i - 1) + 1;
                down &= v.charAt(i) == v.charAt(i - 1) - 1;
            }
            return up || down;
        }
        return false;
    }

    /** A secret's identity rather than its value: an ARN, or a path-like name ({@code prod/db/password}). */
    public static boolean isSecretIdentifier(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (ARN.matcher(v).matches()) {
            return true;
        }
        // a slash-separated name of lower-case words: a secret NAME or parameter PATH
        return v.matches("/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.{}$-]+)+/?") && !v.matches(".*[A-Za-z0-9+]{20,}.*");
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value.strip()).matches();
    }

    public static boolean isPasswordHash(String value) {
        return value != null && BCRYPT.matcher(value.strip()).matches();
    }

    /** The vendors' documentation examples: AWS's …EXAMPLE pair and friends. */
    public static boolean isDocumentationExample(String value) {
        if (value == null) {
            return false;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.contains("EXAMPLE") || value.equals("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }
}
