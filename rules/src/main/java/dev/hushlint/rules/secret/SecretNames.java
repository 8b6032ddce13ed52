package dev.hushlint.rules.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one shared vocabulary of "secret-named" identifiers, used by the Java, config, IaC and Lambda rules.
 *
 * <p>A name is split into words (camelCase, snake_case, kebab-case, dots, spaces). It is secret-named when
 * it holds a secret word or phrase:
 * <ul>
 *   <li>words: password, passwd, pwd, passphrase, passcode, pass (only as the last word: {@code dbPass}),
 *       secret(s), token, apikey, credential(s), creds, privatekey, secretkey, signingkey, accesskey,
 *       authtoken, bearer, clientsecret, masterkey, encryptionkey, hmackey, sharedkey …</li>
 *   <li>phrases: api key, access key, private key, secret key, signing key, client secret, auth token,
 *       master key, encryption key, account key, subscription key, access token, refresh token, session key …</li>
 * </ul>
 * and it is not a reference to or a setting of a secret. Documented exclusions:
 * <ul>
 *   <li>a word after the secret word that makes the name a reference or a setting: NAME, ID (but an
 *       "access key id" is a credential), ARN, PATH, PARAM, URL, ENDPOINT, LENGTH, TTL, FILE, ENV, KEY
 *       ({@code PASSWORD_KEY} is a property key), LABEL, PROMPT, REGEX, POLICY, ENCODER, HASH …
 *       ({@code DB_SECRET_ARN}, {@code SECRET_ID}, {@code TOKEN_TTL}, {@code PASSWORD_ENV},
 *       {@code PasswordMinLength}, {@code secretsManagerClient});</li>
 *   <li>a first word that makes the name a question or a count: is, has, use, needs, num, max, min …
 *       ({@code isPasswordSet}, {@code maxTokens});</li>
 *   <li>tokens that are not credentials: pagination, lexer and idempotency tokens ({@code nextToken},
 *       {@code continuationToken}, {@code clientToken}, {@code lastToken}).</li>
 * </ul>
 */
public final class SecretNames {

    /** Single words that name a secret. */
    private static final Set<String> SECRET_WORDS = setOf(
            "password", "passwd", "pwd", "passphrase", "passcode", "pass", "secret", "secrets", "token",
            "apikey", "credential", "credentials", "creds", "privatekey", "secretkey", "signingkey",
            "accesskey", "authtoken", "bearer", "jwtsecret", "clientsecret", "masterkey", "encryptionkey",
            "hmackey", "sharedkey", "webhooksecret", "apitoken", "accesstoken", "secretaccesskey", "apisecret",
            "appsecret", "sessiontoken", "authkey", "keystorepass", "storepass", "keypass");

    /** Two-word phrases that name a secret ("api key", "private key", …). */
    private static final Set<String> SECRET_PHRASES = setOf(
            "api key", "access key", "private key", "secret key", "signing key", "client secret", "auth token",
            "master key", "encryption key", "hmac key", "shared key", "account key", "app key", "session key",
            "service key", "consumer secret", "api secret", "app secret", "access token", "refresh token",
            "id token", "auth key", "license key", "storage key", "sas token", "subscription key", "cipher key",
            "jwt key", "mac key", "aes key", "crypto key", "decryption key", "store pass", "key pass");

    /** A word after the secret word that turns a secret name into a reference to it, or a setting about it. */
    private static final Set<String> REFERENCE_SUFFIXES = setOf(
            "name", "names", "id", "ids", "arn", "arns", "path", "paths", "param", "params", "parameter",
            "parameters", "url", "uri", "endpoint", "length", "len", "ttl", "file", "filename", "files", "env",
            "var", "variable", "key", "keys", "prop", "props", "property", "properties", "label", "field",
            "header", "policy", "rotation", "version", "type", "types", "format", "hint", "prompt", "regex",
            "pattern", "count", "size", "min", "max", "expiry", "expiration", "timeout", "location", "dir",
            "prefix", "suffix", "ref", "reference", "selector", "provider", "providers", "manager", "service",
            "client", "validator", "encoder", "decoder", "hash", "hashed", "digest", "mask", "masked",
            "placeholder", "enabled", "required", "expires", "expired", "lifetime", "age", "source", "store",
            "storepath", "column", "attribute", "attr", "message", "msg", "error", "changed", "reset", "check",
            "rule", "rules", "strength", "separator", "delimiter", "char", "chars", "kind", "mode", "level",
            "status", "state", "index", "idx", "offset", "pos", "position", "iterator", "list", "map", "set",
            "table", "cache", "buffer", "stream", "reader", "writer", "parser", "builder", "factory",
            "handler", "callback", "listener", "spec", "algorithm", "alg", "scheme", "method", "impl", "class",
            "option", "options", "flag", "config", "configuration", "settings", "request", "response",
            "result", "info", "metadata", "exception", "text", "title", "description", "desc", "doc", "help",
            "usage", "tooltip", "caption", "button", "dialog", "input", "box", "view", "panel", "form",
            "page", "screen", "template", "tag", "generator", "verifier", "utils", "util", "helper",
            "holder", "resolver", "loader", "lookup", "fetcher", "retriever", "repository", "repo", "dao",
            "entity", "dto", "event", "request", "policies", "grant", "scope", "scopes", "audience", "issuer",
            "uses", "used", "usage", "count", "secs", "seconds", "minutes", "millis", "ms", "days", "hours",
            "duration", "interval", "window", "limit", "quota", "stats", "metric", "metrics", "recipe",
            "encrypted", "encryption", "kms", "arn");

    /** A first word that makes the name a question, a count or a flag. */
    private static final Set<String> NON_VALUE_PREFIXES = setOf(
            "is", "has", "have", "should", "can", "use", "uses", "needs", "need", "require", "requires",
            "enable", "disable", "allow", "no", "num", "max", "min", "validate", "check", "verify", "show",
            "hide", "mask", "print", "log", "expected", "missing", "invalid", "bad", "wrong", "reset",
            "change", "forgot", "forgotten");

    /** Words before "token" that make it a pagination, lexer or idempotency token, not a credential. */
    private static final Set<String> NON_CREDENTIAL_TOKEN_QUALIFIERS = setOf(
            "next", "continuation", "pagination", "page", "paging", "cancellation", "cancel", "idempotency",
            "client", "sync", "last", "first", "current", "cur", "prev", "previous", "start", "end", "eof",
            "stop", "lookahead", "lexer", "parser", "string", "char", "word", "syntax", "marker", "resume",
            "change", "batch", "cursor", "csrf", "xsrf", "request", "correlation", "trace", "unique", "nonce");

    private SecretNames() {
    }

    private static Set<String> setOf(String... words) {
        return Set.copyOf(new java.util.HashSet<>(java.util.Arrays.asList(words)));
    }

    /** True when the identifier names a secret value itself, not a reference to one or a setting of one. */
    public static boolean isSecretName(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return false;
        }
        List<String> words = words(identifier);
        if (words.isEmpty()) {
            return false;
        }
        int secretAt = secretWordIndex(words);
        if (secretAt < 0) {
            return false;
        }
        if (NON_VALUE_PREFIXES.contains(words.get(0)) && secretAt > 0) {
            return false;
        }
        String secretWord = words.get(secretAt);
        if (secretWord.equals("token") && secretAt > 0
                && NON_CREDENTIAL_TOKEN_QUALIFIERS.contains(words.get(secretAt - 1))) {
            return false;
        }
        String last = words.get(words.size() - 1);
        // "access key id" is a credential (an AWS access key id), not a reference
        if (last.equals("id") && words.size() >= 3 && words.get(words.size() - 2).equals("key")
                && words.get(words.size() - 3).equals("access")) {
            return true;
        }
        if (last.equals("id") && words.size() >= 2 && words.get(words.size() - 2).equals("accesskey")) {
            return true;
        }
        // a reference suffix after the secret word: SECRET_ARN, PASSWORD_ENV, TOKEN_TTL
        for (int i = secretAt + 1; i < words.size(); i++) {
            if (REFERENCE_SUFFIXES.contains(words.get(i)) && !isPartOfPhrase(words, i)) {
                return false;
            }
        }
        return true;
    }

    /** True when a secret word occurs at all, even as a reference ({@code DB_SECRET_ARN}). */
    public static boolean mentionsSecret(String identifier) {
        return identifier != null && secretWordIndex(words(identifier)) >= 0;
    }

    /**
     * True when the secret word is one of the password family (password, passwd, pwd, passphrase, passcode,
     * pass): such names are weaker evidence than "api key" or "secret", and the word also names the concept
     * in UI code.
     */
    public static boolean isPasswordName(String identifier) {
        if (!isSecretName(identifier)) {
            return false;
        }
        for (String w : words(identifier)) {
            if (w.startsWith("pass") || w.equals("pwd") || w.endsWith("pass")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPartOfPhrase(List<String> words, int i) {
        // "key" in "api key", "private key" is the secret word itself, not a suffix
        return i > 0 && SECRET_PHRASES.contains(words.get(i - 1) + " " + words.get(i));
    }

    /** Index of the last word that makes the name secret, or -1. */
    private static int secretWordIndex(List<String> words) {
        int found = -1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w) && !(w.equals("pass") && i + 1 < words.size())) {
                found = i;
            } else if (i > 0 && SECRET_PHRASES.contains(words.get(i - 1) + " " + w)) {
                found = i;
            }
        }
        return found;
    }

    /** Splits camelCase, snake_case, kebab-case, dotted and spaced names into lower-case words. */
    public static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = identifier.length();
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(words, cur);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0) {
                char prev = identifier.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(identifier.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(words, cur);
                }
            }
            cur.append(Character.toLowerCase(c));
        }
        flush(words, cur);
        return words;
    }

    private static void flush(List<String> words, StringBuilder cur) {
        if (cur.length() > 0) {
            words.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}
