package dev.hushlint.rules.iam;

import dev.hushlint.rules.tree.Node;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a statement's {@code Condition}: does it really narrow who may read which secret? Keys that pin
 * the secret (resource tags, secret id), the caller's source, account or organisation, or the calling
 * service ({@code kms:ViaService}) restrict; transport, time, MFA or region do not. A restricting key only
 * counts with a positive operator, a value other than {@code *}, and no {@code IfExists}.
 */
final class Conditions {

    private static final List<String> RESTRICTING_PREFIXES = List.of(
            "secretsmanager:resourcetag/", "aws:resourcetag/", "ssm:resourcetag/", "kms:resourcetag/",
            "kms:encryptioncontext:", "aws:principaltag/");
    private static final List<String> RESTRICTING_KEYS = List.of(
            "secretsmanager:secretid", "secretsmanager:resource/allowrotationlambdaarn",
            "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourceip", "aws:vpcsourceip", "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalarn",
            "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalservicename",
            "aws:userid", "aws:username", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast",
            "aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths", "kms:viaservice",
            "kms:calleraccount", "kms:encryptioncontextkeys", "kms:granteeprincipal", "lambda:sourcefunctionarn",
            "ssm:sourceinstancearn");

    private Conditions() {
    }

    static ConditionStrength classify(Node condition) {
        if (!(condition instanceof Node.MapNode operators) || operators.entries().isEmpty()) {
            return ConditionStrength.NONE;
        }
        for (Map.Entry<String, Node> op : operators.entries().entrySet()) {
            String operator = op.getKey().toLowerCase(Locale.ROOT);
            boolean positive = !operator.contains("not") && !operator.endsWith("ifexists") && !operator.equals("null")
                    && !operator.equals("bool");
            if (!positive || !(op.getValue() instanceof Node.MapNode keys)) {
                continue;
            }
            for (Map.Entry<String, Node> key : keys.entries().entrySet()) {
                if (restrictingKey(key.getKey()) && !anyValueIsWildcard(key.getValue())) {
                    return ConditionStrength.RESTRICTING;
                }
            }
        }
        return ConditionStrength.WEAK;
    }

    static boolean restrictingKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return RESTRICTING_KEYS.contains(k) || RESTRICTING_PREFIXES.stream().anyMatch(k::startsWith);
    }

    private static boolean anyValueIsWildcard(Node values) {
        for (String v : ResourcePattern.resolve(values, 0)) {
            if (v.strip().equals("*") || v.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
