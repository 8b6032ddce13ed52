package dev.hushlint.rules.java;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written fast paths of the lexical prefilters agree with the plain forms they replace. */
class LexicalFastPathsTest {

    private static final String ALPHABET = "aAbcCdDeEhHkKlmMnoOpPrRsStTwWxyY0123456789/_.-: \"=@\u212A\u0130\u0131\u017F";

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of("AES/GCM/NoPadding", "HmacSHA256", "ECDH", "dh", "DHE", "PKCS12",
                "X.509", "x509", "UTF-8", "utf8", "ISO-8859-1", "SunJCE", "hunter2", "s3cr3t-Pa55", "ec", "Ec2Key",
                "abc", "A", "", "a".repeat(41), "a".repeat(42) + "aes", "aes".repeat(14), "raw\n", "jks ", "\u212Aey",
                "pa\u017Fsword", "prİvateKey", "my_api_key", "PASSWD", "creds", "Secret", "tok", "passphrase"));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(48);
            for (int k = 0; k < length; k++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(b.toString());
        }
        for (String word : List.of("aes", "x.509", "utf-8", "iso-8859", "nopadding", "passw", "secret", "api_key", "token")) {
            samples.add("Ab" + word.toUpperCase(Locale.ROOT) + "9");
            samples.add(word + "/x");
        }
        return samples;
    }

    @Test
    void algorithmNameAgreesWithItsRegex() {
        int algorithms = 0;
        for (String s : samples()) {
            assertEquals(JavaLexicon.isAlgorithmNameByRegex(s), JavaLexicon.isAlgorithmName(s), s);
            algorithms += JavaLexicon.isAlgorithmName(s) ? 1 : 0;
        }
        assertTrue(algorithms > 15, "the samples hold algorithm names");
    }

    @Test
    void stemScanNeverMissesAStemOfTheLowerCasedText() {
        int stems = 0;
        for (String s : samples()) {
            boolean exact = SecretLogged.mentionsStem(s.toLowerCase(Locale.ROOT));
            if (exact) {
                stems++;
                assertTrue(SecretLogged.mayMentionStem(s), s);
            }
        }
        assertTrue(stems > 20, "the samples hold secret stems");
    }
}
