package dev.hushlint.engine;

/**
 * The one place that decides how much of a secret may be shown: at most the first 4 characters, and
 * only of values of 16 characters or more (enough to show a provider prefix such as {@code AKIA} or
 * {@code ghp_}); shorter values are fully masked. The mask length does not reveal the value's length.
 */
public final class Redaction {

    private static final String MASK = "********";

    private Redaction() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return MASK;
        }
        if (secret.length() >= 16) {
            int shown = 4;
            // never show a surrogate half
            if (Character.isHighSurrogate(secret.charAt(shown - 1))) {
                shown--;
            }
            return secret.substring(0, shown) + MASK;
        }
        return MASK;
    }

    /** Replaces every occurrence of {@code secret} in {@code text} by its mask. */
    public static String maskIn(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, mask(secret));
    }
}
