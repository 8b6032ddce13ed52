package dev.hushlint.rules.secret;

/**
 * A secret found in a text: which pattern, where ({@code [start, end)} of the secret itself), the value, and
 * whether a published checksum confirms it. {@code toString} leaves the value out.
 */
public record SecretMatch(SecretPattern pattern, int start, int end, String value, boolean checksumValid) {

    public SecretMatch(SecretPattern pattern, int start, int end, String value) {
        this(pattern, start, end, value, false);
    }

    @Override
    public String toString() {
        return "SecretMatch[" + pattern.id() + " " + start + ".." + end + (checksumValid ? " checksum" : "") + "]";
    }
}
