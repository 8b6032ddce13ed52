package dev.hushlint.rules.iac;

import dev.hushlint.rules.secret.Entropy;
import dev.hushlint.rules.secret.SecretDetector;
import dev.hushlint.rules.secret.SecretMatch;
import dev.hushlint.rules.secret.SecretValues;
import dev.hushlint.rules.tree.Node;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Judgements of template values: literal secrets, dynamic references, credentials in URLs. */
final class EnvValues {

    /** Why a value is a plaintext secret; {@code secret} is the raw value (for masking), never printed. */
    record Verdict(String reason, String secret, boolean knownFormat) {
    }

    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://([^:/@\\s]+):([^@/\\s]+)@[^\\s]+");
    private static final Pattern PLAIN_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^@\\s]+");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[^}]*}|#\\{[^}]*}|\\{\\{[^}]*}}");
    private static final Set<String> NOT_SECRETS = Set.of("true", "false", "yes", "no", "on", "off", "null", "none",
            "nil", "enabled", "disabled", "n/a", "na", "tbd", "todo", "-");

    private EnvValues() {
    }

    static boolean resolvesSecret(Node value) {
        return Intrinsics.strings(value).stream().anyMatch(s -> s.contains("{{resolve:secretsmanager:")
                || s.contains("{{resolve:ssm-secure:"));
    }

    static boolean resolvesPlainSsm(Node value) {
        return Intrinsics.strings(value).stream().anyMatch(s -> s.contains("{{resolve:ssm:"));
    }

    /**
     * A literal secret in a value: a known-format token anywhere (also inside Sub/Join), credentials in a URL,
     * or — when the place is secret-named — any real literal (documentation examples included).
     */
    static Optional<Verdict> plaintextSecret(Node value, boolean secretNamed) {
        for (Node alternative : Intrinsics.alternatives(value)) {
            Optional<Verdict> v = judge(alternative, secretNamed);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> judge(Node value, boolean secretNamed) {
        if (value instanceof Node.ScalarNode s && s.value() instanceof String text) {
            return literal(text, secretNamed, true);
        }
        Optional<Map.Entry<String, Node>> fn = Intrinsics.function(value);
        if (fn.isPresent() && (fn.get().getKey().equals("Fn::Sub") || fn.get().getKey().equals("Fn::Join"))) {
            for (String part : Intrinsics.strings(fn.get().getValue())) {
                Optional<Verdict> v = literal(part, secretNamed, false);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param whole true when the string is the entire value (not a fragment of Sub/Join)
     */
    private static Optional<Verdict> literal(String text, boolean secretNamed, boolean whole) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<SecretMatch> token = SecretDetector.standard().findIn(text);
        if (token.isPresent()) {
            return Optional.of(new Verdict("a " + token.get().pattern().description(), token.get().value(), true));
        }
        Matcher url = URL_CREDENTIALS.matcher(text);
        while (url.find()) {
            String password = url.group(2);
            if (!password.contains("${") && !password.contains("{{") && !SecretValues.isPlaceholder(password)) {
                return Optional.of(new Verdict("credentials inside a URL", password, false));
            }
        }
        if (!secretNamed) {
            return Optional.empty();
        }
        String literal = whole ? text.strip() : INTERPOLATION.matcher(text).replaceAll("").strip();
        if (literal.isEmpty() || text.contains("{{resolve:") || text.contains("${ssm:") || text.contains("${env:")) {
            return Optional.empty();
        }
        if (whole && INTERPOLATION.matcher(text).find()) {
            // a variable of the deployment tool (Serverless ${opt:…}, ${file(…)}, ${cf:…}): not a literal
            return Optional.empty();
        }
        if (!whole && (literal.length() < 8 || Entropy.shannon(literal) < 3.0 || !literal.matches(".*\\d.*")
                || literal.matches("[A-Za-z0-9_./:-]*[/:.][A-Za-z0-9_./:-]*"))) {
            return Optional.empty(); // a fragment like "-password" or ":db/" is glue, not a secret
        }
        if (SecretValues.isDocumentationExample(literal)) {
            return Optional.of(new Verdict("a literal value (a documentation example is still a literal here)", literal, false));
        }
        if (literal.length() < 6 || literal.chars().anyMatch(Character::isWhitespace) || PLAIN_URL.matcher(literal).matches()) {
            return Optional.empty(); // a flag, a word, a sentence or a URL without credentials
        }
        if (NOT_SECRETS.contains(literal.toLowerCase(Locale.ROOT)) || SecretValues.isPlaceholder(literal)
                || SecretValues.isReference(literal) || SecretValues.isSecretIdentifier(literal)
                || literal.startsWith("arn:")) {
            return Optional.empty();
        }
        return Optional.of(new Verdict("a literal value", literal, false));
    }
}
