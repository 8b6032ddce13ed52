package dev.hushlint.rules.iac;

import dev.hushlint.rules.secret.SecretNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared secret-name vocabulary ({@link SecretNames}) applied to names as templates write them:
 * environment variables and SSM parameter names often glue words together ({@code DBPASSWORD},
 * {@code MYSECRET}) or are paths ({@code /myapp/api_key}), so a glued secret word is split off first and a
 * path is judged by its last segment.
 */
final class SecretNaming {

    private static final List<String> GLUED = List.of("password", "passwd", "secret", "token", "apikey", "privatekey",
            "secretkey", "accesskey", "credentials", "credential", "passphrase");

    private SecretNaming() {
    }

    /**
     * Settings of the AWS Parameters and Secrets Lambda Extension ({@code PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL},
     * {@code SECRETS_MANAGER_TTL}): configuration about secrets, common in serverless templates.
     */
    private static boolean isExtensionSetting(String name) {
        String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("PARAMETERS_SECRETS_EXTENSION_") || upper.startsWith("SECRETS_MANAGER_")
                || upper.startsWith("SSM_PARAMETER_STORE_");
    }

    static boolean isSecretName(String name) {
        if (name == null || name.isBlank() || isExtensionSetting(name)) {
            return false;
        }
        String n = name.strip();
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        int slash = n.lastIndexOf('/');
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        if (SecretNames.isSecretName(n)) {
            return true;
        }
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (String w : SecretNames.words(n)) {
            String split = null;
            for (String glued : GLUED) {
                if (w.length() > glued.length() && w.endsWith(glued)) {
                    split = w.substring(0, w.length() - glued.length()) + "_" + glued;
                    break;
                }
            }
            words.add(split == null ? w : split);
            changed |= split != null;
        }
        return changed && SecretNames.isSecretName(String.join("_", words));
    }
}
