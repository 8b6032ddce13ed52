package dev.hushlint.rules.secret;

/**
 * Java source text with its {@code \}{@code uXXXX} escapes translated (JLS 3.3), and the way back to the raw
 * offsets: the compiler sees {@code "\}{@code u0041KIA…"} as {@code "AKIA…"}, so a lexical detector must too.
 */
record JavaUnicodeEscapes(String text, int[] rawOffsets) {

    /** The translated text, or null when the source holds no unicode escape (the common case: nothing to map). */
    static JavaUnicodeEscapes translate(String raw) {
        if (raw.indexOf("\\u") < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int[] offsets = new int[raw.length() + 1];
        int i = 0;
        int n = 0;
        boolean any = false;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int escapeEnd = c == '\\' && precededByEvenBackslashes(raw, i) ? escapeEnd(raw, i) : -1;
            offsets[n++] = i;
            if (escapeEnd > 0) {
                out.append((char) Integer.parseInt(raw.substring(escapeEnd - 4, escapeEnd), 16));
                i = escapeEnd;
                any = true;
            } else {
                out.append(c);
                i++;
            }
        }
        offsets[n] = raw.length();
        if (!any) {
            return null;
        }
        int[] trimmed = new int[n + 1];
        System.arraycopy(offsets, 0, trimmed, 0, n + 1);
        return new JavaUnicodeEscapes(out.toString(), trimmed);
    }

    /** The raw offset of an offset in the translated text (a match end maps to the end of its last escape). */
    int rawOffset(int translatedOffset) {
        return rawOffsets[translatedOffset];
    }

    /** A backslash starts an escape only when it is not itself escaped by an odd run of backslashes before it. */
    private static boolean precededByEvenBackslashes(String raw, int at) {
        int run = 0;
        for (int j = at - 1; j >= 0 && raw.charAt(j) == '\\'; j--) {
            run++;
        }
        return run % 2 == 0;
    }

    /** The end of the escape at {@code at} ({@code \}, one or more {@code u}, four hex digits), or -1. */
    private static int escapeEnd(String raw, int at) {
        int j = at + 1;
        if (j >= raw.length() || raw.charAt(j) != 'u') {
            return -1;
        }
        while (j < raw.length() && raw.charAt(j) == 'u') {
            j++;
        }
        if (j + 4 > raw.length()) {
            return -1;
        }
        for (int k = j; k < j + 4; k++) {
            if (Character.digit(raw.charAt(k), 16) < 0) {
                return -1;
            }
        }
        return j + 4;
    }
}
