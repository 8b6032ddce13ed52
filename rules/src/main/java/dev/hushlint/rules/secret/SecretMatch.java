package dev.hushlint.rules.secret;

/**
 * A secret found in a text: which pattern, where ({@code [start, end)} of the secret itself), and the value.
 * {@code toString} leaves the value out.
 */
public record SecretMatch(SecretPattern pattern, int start, int end, String value) {

    @Override
    public String toString() {
        return "SecretMatch[" + pattern.id() + " " + start + ".." + end + "]";
    }
}
