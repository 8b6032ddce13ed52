package dev.hushlint.rules.java;

import dev.hushlint.rules.secret.SecretNames;

import java.util.BitSet;
import java.util.Locale;
import java.util.Set;

/**
 * The cheap lexical pass that decides whether a Java file can hold a hardcoded credential at all, so that
 * most files are never parsed. One linear scan over the characters, aware of comments, string and char
 * literals and text blocks. A file is a candidate when, in code (not comments):
 * <ul>
 *   <li>a secret-named identifier stands within a couple of lines of a literal or a constant-like name
 *       ({@code password = "…"}, {@code setPassword(DB_PW)});</li>
 *   <li>a literal naming a credential key stands beside another literal ({@code put("password", "…")});</li>
 *   <li>a credential API's class is named and the file has a literal ({@code new SecretKeySpec(…)});</li>
 *   <li>a literal looks like a URL with user-info, a {@code password=} parameter, a JAAS line or an
 *       account-key connection string (for {@link #mayHoldUrlCredential()} too).</li>
 * </ul>
 */
public final class JavaLexicon {

    /** Simple names too common to mark a file on their own: they need an import of a catalogue package. */
    private static final Set<String> GENERIC_OWNERS = Set.of("User", "Store", "Session", "Connection", "Email",
            "Credentials", "Algorithm", "Keys", "DSL", "Transport", "DataSource", "GitHub", "Jwts", "JwtBuilder",
            "JwtParser", "Jedis", "SendGrid", "Twilio", "KeyParameter", "Flyway");

    private final BitSet literalLines = new BitSet();
    private final BitSet constantLines = new BitSet();
    private final BitSet secretIdentifierLines = new BitSet();
    private final BitSet secretKeyLiteralLines = new BitSet();
    private final BitSet urlStartLines = new BitSet();
    private final BitSet urlRestLines = new BitSet();
    private final int[] literalsPerLine;
    private final BitSet valueLiteralLines = new BitSet();
    private final BitSet continuedLines = new BitSet();
    private final BitSet sinkLines = new BitSet();
    private boolean sinkOwner;
    private boolean anyLiteral;
    private boolean urlCredential;
    private boolean secretValueLiteral;
    private boolean secretParameter;
    private boolean argumentValueLiteral;

    private JavaLexicon(int lines) {
        literalsPerLine = new int[lines + 2];
    }

    public static JavaLexicon of(String source) {
        // a lone \r ends a line too (old Mac files): without this a // comment would hide the rest of the file
        String text = source.indexOf('\r') < 0 ? source : source.replaceAll("\r(?!\n)", "\n");
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        JavaLexicon lexicon = new JavaLexicon(lines);
        lexicon.scan(text);
        return lexicon;
    }

    /** True when the file may hold a hardcoded credential or key (the AST rules parse only then). */
    public boolean mayHoldCredential() {
        return reason() != null;
    }

    /** Why the file is a candidate (for the benchmark probe), or null. */
    String reason() {
        if (secretValueLiteral) {
            return "secret-shaped literal";
        }
        if (secretParameter && argumentValueLiteral) {
            return "secret-named parameter and a literal argument";
        }
        if (urlCredential) {
            return "url-or-connection-string";
        }
        if (sinkOwner && anyLiteral) {
            for (int line = sinkLines.nextSetBit(0); line >= 0; line = sinkLines.nextSetBit(line + 1)) {
                if (valueLiteralLines.get(line) || valueLiteralLines.get(line + 1) || (line > 0 && valueLiteralLines.get(line - 1))) {
                    return "sink at line " + (line + 1);
                }
            }
        }
        for (int line = secretIdentifierLines.nextSetBit(0); line >= 0; line = secretIdentifierLines.nextSetBit(line + 1)) {
            if (nearLiteral(line) || constantLines.get(line)) {
                return "secret name at line " + (line + 1);
            }
        }
        for (int line = secretKeyLiteralLines.nextSetBit(0); line >= 0; line = secretKeyLiteralLines.nextSetBit(line + 1)) {
            if (valueLiteralsPerLine(line) || constantLines.get(line)) {
                return "credential key literal at line " + (line + 1);
            }
        }
        return null;
    }

    /** True when a literal may hold a URL with a password (alone or concatenated with others). */
    public boolean mayHoldUrlCredential() {
        if (urlCredential) {
            return true;
        }
        for (int line = urlStartLines.nextSetBit(0); line >= 0; line = urlStartLines.nextSetBit(line + 1)) {
            if (urlRestLines.get(line) || urlRestLines.get(line + 1) || urlRestLines.get(line + 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value-like literal (not a message, not an algorithm name) in the same statement: on the line, or on the
     * next lines while the statement is visibly continued ({@code =}, {@code (}, {@code ,}, {@code +} at the end).
     */
    private boolean nearLiteral(int line) {
        for (int l = line; l < line + 3; l++) {
            if (valueLiteralLines.get(l)) {
                return true;
            }
            if (!continuedLines.get(l)) {
                return false;
            }
        }
        return false;
    }

    private boolean valueLiteralsPerLine(int line) {
        return literalsPerLine[line] >= 2 && valueLiteralLines.get(line);
    }

    private void scan(String source) {
        char[] text = source.toCharArray();
        int n = text.length;
        int line = 0;
        int i = 0;
        boolean sawImportOfSinkPackage = false;
        char previous = ';';
        while (i < n) {
            char c = text[i];
            if (c > ' ' && c != '"' && c != '/') {
                previous = c;
            }
            if (c == '\n') {
                if (previous == '=' || previous == '(' || previous == ',' || previous == '+' || previous == '?' || previous == ':') {
                    // the statement goes on: a literal at the start of the next line is still an argument
                    continuedLines.set(line);
                } else {
                    previous = ';';
                }
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
                while (i < n && text[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
                i += 2;
                while (i < n && !(text[i] == '*' && i + 1 < n && text[i + 1] == '/')) {
                    if (text[i] == '\n') {
                        line++;
                    }
                    i++;
                }
                i += 2;
            } else if (c == '"' && i + 2 < n && text[i + 1] == '"' && text[i + 2] == '"') {
                int start = i + 3;
                int startLine = line;
                i = start;
                while (i < n && !(text[i] == '"' && i + 2 < n && text[i + 1] == '"' && text[i + 2] == '"'
                        && text[i - 1] != '\\')) {
                    if (text[i] == '\n') {
                        line++;
                    }
                    i++;
                }
                literal(source, start, Math.min(i, n), startLine, false);
                i += 3;
            } else if (c == '"' || c == '\'') {
                int start = i + 1;
                i = start;
                while (i < n && text[i] != c && text[i] != '\n') {
                    if (text[i] == '\\') {
                        i++;
                    }
                    i++;
                }
                if (c == '"') {
                    literal(source, start, Math.min(i, n), line, previous == '(' || previous == ',');
                } else {
                    literalsPerLine[line]++;
                }
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text[i])) {
                    i++;
                }
                int length = i - start;
                boolean upper = Character.isUpperCase(c);
                boolean stem = length >= 3 && hasSecretStem(text, start, i);
                if (!stem && !upper && !(c == 'i' && length == 6)) {
                    continue;
                }
                String word = new String(text, start, length);
                if (word.equals("import") || word.equals("package")) {
                    int end = source.indexOf(';', i);
                    if (end > 0 && word.equals("import") && importsSinkPackage(source.substring(i, end).strip())) {
                        sawImportOfSinkPackage = true;
                    }
                    if (end > 0 && source.indexOf('\n', i) > end) {
                        i = end;
                    }
                    continue;
                }
                identifier(word, line);
                if (previous != '.' && isParameterEnd(text, i) && hasSecretStem(word) && isDeclaredAfterType(text, start)
                        && SecretNames.isSecretName(word)) {
                    // a parameter named like a secret: a literal passed to it anywhere in the file counts
                    secretParameter = true;
                }
            } else {
                i++;
            }
        }
        if (sawImportOfSinkPackage) {
            sinkOwner = true;
            // a third-party sink may be called through a variable: every line that calls something counts
            sinkLines.or(valueLiteralLines);
        }
    }

    private void identifier(String word, int line) {
        if (word.length() >= 3 && isConstantLike(word) && !(hasSecretStem(word) && SecretNames.isSecretName(word))) {
            constantLines.set(line);
        }
        if (CredentialSinks.owners().contains(word) && !GENERIC_OWNERS.contains(word)) {
            sinkOwner = true;
            sinkLines.set(line);
        }
        if (word.equals("toCharArray") || word.equals("getBytes")) {
            valueLiteralLines.set(line);
        }
        boolean typeName = Character.isUpperCase(word.charAt(0)) && !isConstantLike(word) && !word.equals(word.toUpperCase(Locale.ROOT));
        if (!typeName && word.length() >= 3 && hasSecretStem(word) && SecretNames.isSecretName(word)) {
            secretIdentifierLines.set(line);
        }
    }

    private void literal(String text, int start, int end, int line, boolean argument) {
        anyLiteral = true;
        literalsPerLine[line]++;
        int length = end - start;
        if (length <= 1 || length > 4000) {
            return;
        }
        String content = text.substring(start, end);
        boolean message = content.indexOf(' ') >= 0 && !content.startsWith("-----") && !content.contains("LoginModule")
                && !content.regionMatches(true, 0, "basic ", 0, 6) && !content.regionMatches(true, 0, "bearer ", 0, 7);
        if (!message && !isAlgorithmName(content) && !CredentialSinks.owners().contains(content)) {
            valueLiteralLines.set(line);
            if (argument && length >= 6 && looksLikeAValue(content)) {
                argumentValueLiteral = true;
            }
        }
        if (argument && length <= 80 && content.indexOf(' ') < 0 && isKeyShaped(content) && hasSecretStem(content) && SecretNames.isSecretName(content)) {
            secretKeyLiteralLines.set(line);
        }
        int scheme = content.indexOf("://");
        if (scheme >= 0) {
            urlStartLines.set(line);
            int at = content.indexOf('@', scheme);
            int space = content.indexOf(' ', scheme);
            if (at > 0 && (space < 0 || at < space)) {
                urlCredential = true;
            }
        }
        if (content.indexOf('@') >= 0 || content.indexOf('=') >= 0) {
            urlRestLines.set(line);
        }
        String lower = content.toLowerCase(Locale.ROOT);
        boolean spaced = content.indexOf(' ') >= 0;
        if (((lower.contains("password=") || lower.contains("pwd=")) && (!spaced || content.indexOf(';') >= 0))
                || (lower.contains("loginmodule") && lower.contains("password")) || lower.contains("accountkey=") || lower.contains("sharedaccesskey=")
                || (lower.contains(":thin:") && lower.contains("@"))) {
            urlCredential = true;
        }
        if ((content.startsWith("-----BEGIN") && content.contains("PRIVATE KEY")) || AUTH_VALUE.matcher(content).matches()) {
            secretValueLiteral = true;
        }
    }

    private static final String[] SINK_PACKAGES = CredentialSinks.all().stream()
            .flatMap(s -> s.packages().stream())
            .filter(p -> !p.startsWith("java.") && !p.startsWith("javax."))
            .map(p -> p + ".").distinct().sorted().toArray(String[]::new);

    private static boolean importsSinkPackage(String imported) {
        String name = imported.startsWith("static ") ? imported.substring(7).strip() : imported;
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return false;
        }
        for (String pkg : SINK_PACKAGES) {
            if (name.startsWith(pkg)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern ALGORITHM = java.util.regex.Pattern.compile(
            "(?i)^[A-Z][A-Za-z0-9/_.-]{0,40}$");
    private static final java.util.regex.Pattern ALGORITHM_WORD = java.util.regex.Pattern.compile(
            "(?i).*(aes|des|rsa|^ec|dsa|hmac|sha|md5|md2|pbe|pbkdf|arcfour|blowfish|rc2|rc4|chacha|tls|ssl|pkcs|jks|"
                    + "x\\.?509|sun|gcm|cbc|ecb|padding|nopadding|oaep|diffie|^dh|kerberos|ntlm|x25519|x448|ed25519|ed448|"
                    + "xdh|eddsa|ecdh|raw|pkix|pem|der|utf-?8|ascii|iso-8859).*");

    private static final String[] ALGORITHM_WORDS = {"aes", "des", "rsa", "dsa", "hmac", "sha", "md5", "md2", "pbe",
            "pbkdf", "arcfour", "blowfish", "rc2", "rc4", "chacha", "tls", "ssl", "pkcs", "jks", "x509", "x.509", "sun",
            "gcm", "cbc", "ecb", "padding", "nopadding", "oaep", "diffie", "kerberos", "ntlm", "x25519", "x448",
            "ed25519", "ed448", "xdh", "eddsa", "ecdh", "raw", "pkix", "pem", "der", "utf8", "utf-8", "ascii", "iso-8859"};

    /** An algorithm, provider, encoding or format name: not a value a credential sink cares about. */
    static boolean isAlgorithmName(String content) {
        // ALGORITHM then ALGORITHM_WORD, without the regex engine (this runs on every literal of every file):
        // the first admits only ASCII letters, digits and /_.- so lower-casing ASCII is exact
        int n = content.length();
        if (n < 1 || n > 41 || !isAsciiLetter(content.charAt(0))) {
            return false;
        }
        char[] lower = new char[n];
        for (int k = 0; k < n; k++) {
            char ch = content.charAt(k);
            if (!(isAsciiLetter(ch) || (ch >= '0' && ch <= '9') || ch == '/' || ch == '_' || ch == '.' || ch == '-')) {
                return false;
            }
            lower[k] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
        }
        String folded = new String(lower);
        if (folded.startsWith("ec") || folded.startsWith("dh")) {
            return true;
        }
        for (String word : ALGORITHM_WORDS) {
            if (folded.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }

    /** The regex form of {@link #isAlgorithmName}, kept as its specification (the test compares the two). */
    static boolean isAlgorithmNameByRegex(String content) {
        return ALGORITHM.matcher(content).matches() && ALGORITHM_WORD.matcher(content).matches();
    }

    private static final java.util.regex.Pattern AUTH_VALUE = java.util.regex.Pattern.compile(
            "^(Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{8,}$");

    /** A property key, env name or header: lower-case start, or with separators ({@code db.password}, {@code DB_PASSWORD}). */
    private static boolean isKeyShaped(String content) {
        return Character.isLowerCase(content.charAt(0)) || content.indexOf('.') > 0 || content.indexOf('_') > 0
                || content.indexOf('-') > 0;
    }

    private static boolean isConstantLike(String word) {
        boolean letter = false;
        for (int k = 0; k < word.length(); k++) {
            char ch = word.charAt(k);
            if (Character.isLowerCase(ch)) {
                return false;
            }
            letter |= Character.isLetter(ch);
        }
        return letter && word.indexOf('_') > 0;
    }

    /** Mixed letters and digits or symbols, no dots: not a property name, a word or a number. */
    private static boolean looksLikeAValue(String content) {
        boolean letter = false;
        boolean other = false;
        for (int k = 0; k < content.length(); k++) {
            char ch = content.charAt(k);
            if (ch == '.' || ch == '/' || ch == '%' || ch == '{' || ch == '$' || ch == '<') {
                return false;
            }
            if (Character.isLetter(ch)) {
                letter = true;
            } else {
                other = true;
            }
        }
        return letter && other;
    }

    /** The identifier is followed by {@code ,} or {@code )}: the end of a parameter (or argument). */
    private static boolean isParameterEnd(char[] t, int end) {
        int k = end;
        while (k < t.length && (t[k] == ' ' || t[k] == '\t')) {
            k++;
        }
        return k < t.length && (t[k] == ',' || t[k] == ')');
    }

    /** The identifier follows a type ({@code String password}, {@code char[] pw}): a declaration, not a use. */
    private static boolean isDeclaredAfterType(char[] t, int start) {
        int k = start - 1;
        while (k >= 0 && (t[k] == ' ' || t[k] == '\t')) {
            k--;
        }
        return k >= 0 && k < start - 1 && (Character.isJavaIdentifierPart(t[k]) || t[k] == ']' || t[k] == '>');
    }

    /** {@link #hasSecretStem(String)} on a region of characters, without allocating. */
    private static boolean hasSecretStem(char[] t, int from, int to) {
        for (int k = from; k + 2 < to; k++) {
            int a = t[k] | 0x20;
            int b = t[k + 1] | 0x20;
            int c = t[k + 2] | 0x20;
            if ((a == 'p' && ((b == 'a' && c == 's') || (b == 'w' && c == 'd')))
                    || (a == 's' && b == 'e' && c == 'c') || (a == 't' && b == 'o' && c == 'k')
                    || (a == 'k' && b == 'e' && c == 'y') || (a == 'c' && b == 'r' && c == 'e')
                    || (a == 'b' && b == 'e' && c == 'a')) {
                return true;
            }
        }
        return false;
    }

    /** A fast test before the full vocabulary check. */
    static boolean hasSecretStem(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.contains("pass") || lower.contains("pwd") || lower.contains("secret") || lower.contains("token")
                || lower.contains("key") || lower.contains("cred") || lower.contains("bearer");
    }
}
