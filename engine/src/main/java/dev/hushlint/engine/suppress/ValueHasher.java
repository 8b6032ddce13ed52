package dev.hushlint.engine.suppress;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The salted, slow hash a baseline stores instead of a secret: PBKDF2 with HMAC-SHA256 from the JDK. The salt is
 * random per baseline file, so a hash cannot be looked up in a table, and the iteration count makes each guess
 * of a password cost as much as this many HMACs.
 *
 * @param salt       random bytes stored in the baseline
 * @param iterations PBKDF2 iterations stored in the baseline (older files keep theirs)
 */
public record ValueHasher(byte[] salt, int iterations) {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /**
     * Each guess costs an attacker 10,000 HMAC-SHA256 rounds; a scan pays it once per distinct accepted value, on
     * all cores (measured: 2.5 ms of CPU per value, so about 1.3 s for 1,000 values on 2 cores; see
     * docs/configuration.md). {@code baseline create --hash-iterations} raises it; each file keeps its own count.
     */
    public static final int DEFAULT_ITERATIONS = 10_000;
    public static final int MIN_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    public ValueHasher {
        salt = salt.clone();
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("too few iterations: " + iterations);
        }
    }

    public static ValueHasher random() {
        return random(DEFAULT_ITERATIONS);
    }

    /** A fresh random salt with the given iteration count (at least {@link #MIN_ITERATIONS}). */
    public static ValueHasher random(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new ValueHasher(salt, iterations);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Base64 of the PBKDF2 hash of the value. */
    public String hash(String value) {
        char[] chars = value.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueHasher other && iterations == other.iterations && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + iterations;
    }

    @Override
    public String toString() {
        return "ValueHasher[" + ALGORITHM + ", " + iterations + " iterations]";
    }
}
