package dev.hushlint.rules.iac;

import dev.hushlint.rules.secret.EnvironmentSecretJudge;
import dev.hushlint.rules.secret.EnvironmentSecretJudge.Verdict;
import dev.hushlint.rules.tree.Node;

import java.util.Map;
import java.util.Optional;

/**
 * Walks a template value to the literals it holds — the scalar itself, each alternative of an {@code !If},
 * the literal text of a {@code !Sub} or {@code !Join} — and asks the one environment judgement
 * ({@link EnvironmentSecretJudge}) about them; also recognises {@code {{resolve:…}}} dynamic references.
 */
final class EnvValues {

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
        EnvironmentSecretJudge judge = EnvironmentSecretJudge.standard();
        if (value instanceof Node.ScalarNode s && s.value() instanceof String text) {
            return judge.judgeValue(text, secretNamed);
        }
        Optional<Map.Entry<String, Node>> fn = Intrinsics.function(value);
        if (fn.isPresent() && (fn.get().getKey().equals("Fn::Sub") || fn.get().getKey().equals("Fn::Join"))) {
            for (String part : Intrinsics.strings(fn.get().getValue())) {
                Optional<Verdict> v = judge.judgeFragment(part, secretNamed);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }
}
