package dev.hushlint.rules.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one shared vocabulary of "secret-named" identifiers, used by the Java, config, IaC and Lambda rules.
 *
 * <p>A name is split into words (camelCase, snake_case, kebab-case, dots). It is secret-named when it holds
 * a secret word (password, passwd, pwd, passphrase, secret, token, api key, access key, private key, client
 * secret, credential(s), auth token, signing key …) and does not end in a word that makes it a reference to
 * or a setting of a secret: NAME, ID (except access key id), ARN, PATH, PARAM, URL, ENDPOINT, LENGTH, TTL,
 * FILE, ENV … ({@code DB_SECRET_ARN}, {@code SECRET_ID}, {@code TOKEN_TTL}, {@code PASSWORD_ENV},
 * {@code PasswordMinLength} are not secrets).
 */
public final class SecretNames {

    /** Single words that name a secret. */
    private static final Set<String> SECRET_WORDS = Set.of(
            "password", "passwd", "pwd", "passphrase", "passcode", "pass", "secret", "secrets", "token",
            "apikey", "credential", "credentials", "creds", "privatekey", "secretkey", "signingkey",
            "accesskey", "authtoken", "bearer", "jwtsecret", "clientsecret", "masterkey", "encryptionkey",
            "hmackey", "sharedkey", "webhooksecret");

    /** Two-word phrases that name a secret ("api key", "private key", …). */
    private static final Set<String> SECRET_PHRASES = Set.of(
            "api key", "access key", "private key", "secret key", "signing key", "client secret", "auth token",
            "master key", "encryption key", "hmac key", "shared key", "account key", "app key", "session key",
            "service key", "consumer secret", "api secret", "app secret", "access token", "refresh token",
            "id token", "auth key", "license key", "storage key", "primary key secret", "sas token");

    /** A trailing word that turns a secret name into a reference to it, or a setting about it. */
    private static final Set<String> REFERENCE_SUFFIXES = Set.of(
            "name", "names", "id", "ids", "arn", "arns", "path", "paths", "param", "params", "parameter",
            "url", "uri", "endpoint", "length", "len", "ttl", "file", "filename", "env", "var", "variable",
            "key", "keys", "prop", "property", "label", "field", "header", "policy", "rotation", "version",
            "type", "format", "hint", "prompt", "regex", "pattern", "count", "size", "min", "max", "expiry",
            "expiration", "timeout", "location", "dir", "prefix", "suffix", "ref", "reference", "selector",
            "provider", "manager", "service", "client", "validator", "encoder", "hash", "hashed", "digest",
            "mask", "masked", "placeholder", "enabled", "required", "expires", "expired", "lifetime", "age",
            "source", "store", "storepath", "column", "attribute", "attr", "message", "msg", "error",
            "changed", "reset", "check", "rule", "rules", "strength");

    private SecretNames() {
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
        String last = words.get(words.size() - 1);
        // "access key id" is a credential (an AWS access key id), not a reference
        if (last.equals("id") && words.size() >= 3 && words.get(words.size() - 2).equals("key")
                && words.get(words.size() - 3).equals("access")) {
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
        // glue common compounds written as one word: "apikey" stays, "passwd" stays
        return words;
    }

    private static void flush(List<String> words, StringBuilder cur) {
        if (cur.length() > 0) {
            words.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}
