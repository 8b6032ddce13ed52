package dev.hushlint.rules.iac;

import dev.hushlint.rules.secret.SecretNames;

import java.util.List;
import java.util.Set;

/**
 * Which resource properties hold a credential by their place: {@code MasterUserPassword}, {@code Password},
 * {@code AuthToken}, {@code SecretToken}, Terraform {@code password}/{@code master_password} … Judged on the
 * property name's last words, so settings about a password ({@code PasswordPolicy},
 * {@code ManageMasterUserPassword}: a boolean) and Cognito's {@code TokenValidityUnits.AccessToken} (a unit)
 * are not credentials.
 */
final class CredentialProperties {

    private static final Set<String> LAST_WORDS = Set.of("password", "passwd", "passphrase");
    private static final Set<String> LAST_TWO = Set.of("auth token", "secret token", "client secret", "private key",
            "secret key", "access key", "shared key", "oauth token", "shared secret", "api secret", "bind password");
    private static final Set<String> NOT_CREDENTIALS = Set.of("managemasteruserpassword", "passwordpolicy");

    private CredentialProperties() {
    }

    static boolean isCredentialProperty(String key) {
        if (key == null) {
            return false;
        }
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (NOT_CREDENTIALS.contains(lower) || !(lower.contains("pass") || lower.contains("token")
                || lower.contains("secret") || lower.contains("key"))) {
            return false; // most property names: no need to split into words
        }
        List<String> words = SecretNames.words(key);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (LAST_WORDS.contains(last)) {
            return true;
        }
        return words.size() >= 2 && LAST_TWO.contains(words.get(words.size() - 2) + " " + last);
    }
}
