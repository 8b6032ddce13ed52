package dev.hushlint.rules.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judgements about a candidate value, shared by every rule: is it a placeholder, a reference to a secret
 * held elsewhere, a vendor's documentation example, or public material — i.e. not a leaked secret?
 * <p>
 * Placeholder words count only as whole words (bounded by separators, or by camelCase humps and digits in short
 * runs), never as letters inside a long random value: {@code k8TodoX3mQ9vLp2RwZt7} is not a placeholder.
 */
public final class SecretValues {

    /** A slash-separated name: a secret NAME or parameter PATH ({@code prod/db/password}). */
    private static final Pattern SECRET_PATH = Pattern.compile("/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.{}$-]+)+/?");
    private static final Pattern RANDOM_RUN = Pattern.compile("[A-Za-z0-9+]{20,}");

    private static final Pattern TEMPLATE_REFERENCE = Pattern.compile(
            "^\\s*(\\$\\{[^}]*}|\\$\\([^)]*\\)|\\{\\{[^}]*}}|%\\([^)]*\\)s?|%[A-Za-z_][A-Za-z0-9_]*%|\\$[A-Za-z_][A-Za-z0-9_]*|<[^<>]+>|\\{[A-Za-z_][^{}]*}|ENC\\(.*\\)|\\{cipher}.*|#\\{[^}]*})\\s*$");
    /** Words that on their own mark a value as a stand-in. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of(
            "changeme", "changeit", "replaceme", "placeholder", "dummy", "redacted", "example", "examples",
            "fixme", "todo", "tbd", "sample", "xxx", "xxxx", "xxxxx", "xxxxxx", "yourkey", "yourtoken",
            "yoursecret", "yourpassword", "notasecret", "notreal", "removed", "masked", "obfuscated");
    /** Phrases over the value's words (lower case, single spaces). */
    private static final Pattern PLACEHOLDER_PHRASES = Pattern.compile(
            "(?:^| )(?:change me|replace me|replace this|your (?:own )?(?:[a-z]+ )?(?:password|passwd|secret|token|key|api ?key|"
                    + "access ?key|secret ?key|client ?secret|pat|credentials?)|insert (?:[a-z]+ )?here|goes here|put your|"
                    + "enter your|add your|not a real|fake (?:[a-z]+ )?(?:password|secret|token|key)|test only|"
                    + "do not use|some (?:secret|token|password|key))(?: |$)");
    private static final Pattern MASKED = Pattern.compile("^[*xX•#._-]+$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:.*");
    private static final Pattern PASSWORD_HASH = Pattern.compile(
            "^(?:\\{bcrypt}|\\{argon2}|\\{scrypt}|\\{pbkdf2}|\\{sha256}|\\{SSHA}|\\{SHA}|\\{MD5})?(?:"
                    + "\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}"
                    + "|\\$argon2(?:id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+"
                    + "|\\$(?:5|6)\\$(?:rounds=\\d+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{43,86}"
                    + "|\\$scrypt\\$[^$\\s]+\\$[^$\\s]+\\$[^$\\s]+"
                    + "|\\$pbkdf2-sha(?:1|256|512)\\$\\d+\\$[./A-Za-z0-9+=]+\\$[./A-Za-z0-9+=]+)$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
    private static final Pattern PUBLIC_PEM = Pattern.compile(
            "^-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL|CERTIFICATE REQUEST|"
                    + "NEW CERTIFICATE REQUEST|PGP PUBLIC KEY BLOCK|PGP SIGNATURE|SSH2 PUBLIC KEY|EC PARAMETERS|"
                    + "DH PARAMETERS)-----");
    private static final Pattern SSH_PUBLIC_KEY = Pattern.compile(
            "^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\\d{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com) AAAA[A-Za-z0-9+/=]+.*");
    private static final Pattern TWILIO_ACCOUNT_SID = Pattern.compile("^AC[0-9a-f]{32}$");
    private static final Pattern AGE_PUBLIC_KEY = Pattern.compile("^age1[02-9ac-hj-np-z]{58}$");

    /** Exact values published in vendors' documentation. */
    private static final Set<String> DOCUMENTATION_VALUES = Set.of(
            // AWS IAM user guide
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
            // Azure Storage emulator (Azurite) well-known account key
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            // Stripe API reference test keys
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
            "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
            // jwt.io's default token
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    /** Token bodies that GitHub's and others' documentation reuse behind several prefixes. */
    private static final List<String> DOCUMENTATION_BODIES = List.of("16C7e42F292c6912E7710c838347Ae178B4a");

    private SecretValues() {
    }

    /** {@code ${VAR}}, {@code <token>}, {@code {{resolve:…}}}, {@code ENC(…)}, {@code {cipher}…}, {@code %VAR%} … */
    public static boolean isReference(String value) {
        return value != null && TEMPLATE_REFERENCE.matcher(value).matches();
    }

    /**
     * Obvious placeholders: empty, masked ({@code ****}, {@code xxxx}), references ({@code ${VAR}}), a placeholder
     * word or phrase as a whole word ({@code changeme}, {@code REPLACE_ME}, {@code your-api-key}, {@code TODO}),
     * or repetitive/sequential values. A placeholder word inside a random-looking run of letters does not count.
     */
    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String v = unquote(value.strip());
        if (v.isEmpty() || MASKED.matcher(v).matches() || isReference(v)) {
            return true;
        }
        if (v.contains("...") || v.contains("\u2026") || hasMaskedSegment(v) || hasPlaceholderWords(v)) {
            return true;
        }
        return isRepetitive(v);
    }

    /** A segment (between separators) of 4+ mask characters only: {@code ghp_XXXXXXXX}, {@code sk_live_****}. */
    private static boolean hasMaskedSegment(String v) {
        int run = 0;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : ' ';
            if (c == 'x' || c == 'X' || c == '*' || c == '\u2022') {
                run++;
            } else if (Character.isLetterOrDigit(c)) {
                run = -1_000_000; // a segment mixing mask and real characters is not masked
            } else {
                if (run >= 4) {
                    return true;
                }
                run = 0;
            }
        }
        return false;
    }

    /** Whether the value's words (split at separators, and at camelCase humps in short wordy runs) mark a stand-in. */
    static boolean hasPlaceholderWords(String v) {
        List<String> words = words(v);
        if (words.isEmpty()) {
            return false;
        }
        StringBuilder joined = new StringBuilder();
        StringBuilder glued = new StringBuilder();
        for (String w : words) {
            if (PLACEHOLDER_WORDS.contains(w)) {
                return true;
            }
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(w);
            glued.append(w);
        }
        if (words.size() > 1 && words.size() <= 4 && PLACEHOLDER_WORDS.contains(glued.toString())) {
            return true; // change_me, REPLACE-ME, your_token
        }
        return PLACEHOLDER_PHRASES.matcher(joined).find();
    }

    /** Lower-case words: runs of letters/digits between separators; short letter-only runs split at camelCase. */
    private static List<String> words(String v) {
        List<String> words = new ArrayList<>();
        int n = v.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(v.charAt(i))) {
                i++;
            }
            int start = i;
            boolean lettersOnly = true;
            while (i < n && Character.isLetterOrDigit(v.charAt(i))) {
                lettersOnly &= Character.isLetter(v.charAt(i));
                i++;
            }
            if (start == i) {
                break;
            }
            String run = v.substring(start, i);
            if (lettersOnly && run.length() <= 32) {
                splitCamel(run, words);
            } else if (run.length() <= 16) {
                // a short mixed run such as changeme123 or Todo1: its letter parts are words
                int part = 0;
                for (int j = 1; j <= run.length(); j++) {
                    if (j == run.length() || Character.isDigit(run.charAt(j)) != Character.isDigit(run.charAt(j - 1))) {
                        String piece = run.substring(part, j);
                        if (Character.isDigit(piece.charAt(0))) {
                            words.add(piece);
                        } else {
                            splitCamel(piece, words);
                        }
                        part = j;
                    }
                }
            } else {
                words.add(run.toLowerCase(Locale.ROOT)); // a long random run is one opaque word
            }
        }
        return words;
    }

    private static void splitCamel(String run, List<String> words) {
        int start = 0;
        for (int i = 1; i < run.length(); i++) {
            char prev = run.charAt(i - 1);
            char c = run.charAt(i);
            boolean hump = Character.isLowerCase(prev) && Character.isUpperCase(c);
            boolean acronymEnd = i + 1 < run.length() && Character.isUpperCase(prev) && Character.isUpperCase(c)
                    && Character.isLowerCase(run.charAt(i + 1));
            if (hump || acronymEnd) {
                words.add(run.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            }
        }
        words.add(run.substring(start).toLowerCase(Locale.ROOT));
    }

    /**
     * A token whose body is a stand-in although its prefix is real: {@code ghp_xxxx…}, {@code sk_live_0000…},
     * {@code xoxb-000-000-XXXX…}, {@code AKIA1234567890ABCDEF}: a masked or repetitive longest segment, a run of
     * 6+ identical characters, {@code xxxx}/{@code ****}/{@code ...} inside, or an ascending run of 6+.
     * A random token has such runs with negligible probability.
     */
    public static boolean isTokenShapedPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String v = value.strip();
        String longest = "";
        int n = v.length();
        int segStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || !Character.isLetterOrDigit(v.charAt(i))) {
                if (i - segStart > longest.length()) {
                    longest = v.substring(segStart, i);
                }
                segStart = i + 1;
            }
        }
        if (longest.length() >= 6 && (MASKED.matcher(longest).matches() || isRepetitive(longest))) {
            return true;
        }
        int same = 1;
        int ascending = 1;
        int masked = 0;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (i > 0) {
                char p = v.charAt(i - 1);
                same = c == p ? same + 1 : 1;
                ascending = Character.isLetterOrDigit(c) && c == p + 1 ? ascending + 1 : 1;
            }
            masked = c == 'x' || c == 'X' || c == '*' || c == '•' ? masked + 1 : 0;
            if (same >= 6 || ascending >= 6 || masked >= 4 || (same >= 3 && c == '.')) {
                return true;
            }
        }
        return false;
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
        return SECRET_PATH.matcher(v).matches() && !RANDOM_RUN.matcher(v).find();
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value.strip()).matches();
    }

    /** A hex digest of a usual length (MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512): a hash, not a key. */
    public static boolean isHexHash(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        int n = v.length();
        return (n == 32 || n == 40 || n == 56 || n == 64 || n == 96 || n == 128) && HEX.matcher(v).matches();
    }

    /** A one-way password hash (bcrypt, argon2, sha-crypt, scrypt, pbkdf2; with an optional Spring {id} prefix). */
    public static boolean isPasswordHash(String value) {
        return value != null && PASSWORD_HASH.matcher(value.strip()).matches();
    }

    /**
     * Material meant to be public: publishable keys ({@code pk_live_…}), account SIDs, public keys and
     * certificates (PEM, OpenSSH, age), password hashes.
     */
    public static boolean isPublicMaterial(String value) {
        if (value == null) {
            return false;
        }
        String v = unquote(value.strip());
        return v.startsWith("pk_live_") || v.startsWith("pk_test_")
                || TWILIO_ACCOUNT_SID.matcher(v).matches()
                || PUBLIC_PEM.matcher(v).find()
                || SSH_PUBLIC_KEY.matcher(v).matches()
                || AGE_PUBLIC_KEY.matcher(v).matches()
                || isPasswordHash(v);
    }

    /**
     * The vendors' documentation examples: the published values themselves (AWS's {@code AKIAIOSFODNN7EXAMPLE}
     * pair, Stripe's API-reference test keys, jwt.io's token), AWS-style values ending in {@code EXAMPLE} or
     * {@code EXAMPLEKEY}, and any JWT whose payload is jwt.io's John Doe sample.
     */
    public static boolean isDocumentationExample(String value) {
        if (value == null) {
            return false;
        }
        String v = unquote(value.strip());
        if (DOCUMENTATION_VALUES.contains(v) || v.endsWith("EXAMPLE") || v.endsWith("EXAMPLEKEY")) {
            return true;
        }
        for (String body : DOCUMENTATION_BODIES) {
            if (v.contains(body)) {
                return true;
            }
        }
        return isJwtIoSample(v);
    }

    /** Keys that jwt.io and JWT libraries' READMEs sign their sample tokens with. */
    private static final List<String> SAMPLE_JWT_KEYS = List.of("your-256-bit-secret", "your-384-bit-secret",
            "your-512-bit-secret", "secret");

    /**
     * A documentation sample JWT: jwt.io's John Doe payload or a README's {@code {"some":"payload"}}, whatever the
     * signature; or an HMAC token whose signature verifies with a documentation key ({@code your-256-bit-secret},
     * {@code secret}) — the key is published, so the token proves nothing.
     */
    static boolean isJwtIoSample(String v) {
        if (!v.startsWith("eyJ")) {
            return false;
        }
        String[] parts = v.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        String payload = decodeBase64Url(parts[1]);
        if (payload == null) {
            return false;
        }
        String compact = payload.replace(" ", "");
        if ((payload.contains("John Doe") && payload.contains("1234567890")) || compact.equals("{\"some\":\"payload\"}")) {
            return true;
        }
        return parts.length == 3 && signedWithSampleKey(parts[0], parts[1], parts[2]);
    }

    private static boolean signedWithSampleKey(String header, String payload, String signature) {
        String json = decodeBase64Url(header);
        if (json == null) {
            return false;
        }
        String alg = json.contains("\"HS256\"") ? "HmacSHA256" : json.contains("\"HS384\"") ? "HmacSHA384"
                : json.contains("\"HS512\"") ? "HmacSHA512" : null;
        if (alg == null) {
            return false;
        }
        byte[] signed = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        for (String key : SAMPLE_JWT_KEYS) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance(alg);
                mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), alg));
                String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed));
                if (expected.equals(signature)) {
                    return true;
                }
            } catch (java.security.GeneralSecurityException e) {
                return false; // HMAC is always present in the JDK; be conservative if not
            }
        }
        return false;
    }

    /** Decodes one base64url segment (padding optional) as UTF-8; null when it is not base64url. */
    static String decodeBase64Url(String segment) {
        try {
            return new String(Base64.getUrlDecoder().decode(segment.replace("=", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2) {
            char first = v.charAt(0);
            char last = v.charAt(v.length() - 1);
            if ((first == '"' || first == '\'' || first == '`') && last == first) {
                return v.substring(1, v.length() - 1).strip();
            }
        }
        return v;
    }
}
