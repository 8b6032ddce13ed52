package dev.hushlint.engine.scan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text: honours UTF-8/16/32 byte-order marks, otherwise reads UTF-8 leniently (malformed
 * bytes become U+FFFD). Content with a NUL byte and no UTF-16/32 mark is binary.
 */
public final class TextDecoder {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private TextDecoder() {
    }

    /** Returns the decoded text, or {@code null} for binary content. */
    public static String decode(byte[] bytes) {
        int n = bytes.length;
        if (n >= 4 && bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xFF) == 0xFE && (bytes[3] & 0xFF) == 0xFF) {
            return lenient(bytes, 4, UTF_32BE);
        }
        if (n >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
            return lenient(bytes, 4, UTF_32LE);
        }
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return lenient(bytes, 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return lenient(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return lenient(bytes, 2, StandardCharsets.UTF_16LE);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        return lenient(bytes, 0, StandardCharsets.UTF_8);
    }

    private static String lenient(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            // unreachable with REPLACE; fall back to the JDK's own lenient path
            return new String(bytes, offset, bytes.length - offset, charset);
        }
    }
}
