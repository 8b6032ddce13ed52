package dev.hushlint.rules.iam;

import dev.hushlint.rules.tree.Position;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS managed policies known to grant access to every secret, recognised by ARN
 * ({@code arn:aws:iam::aws:policy/AdministratorAccess}, any partition) or by bare name (SAM {@code Policies}).
 * Their documents are represented by the statements that matter here, not copied.
 */
public final class ManagedPolicies {

    private record Known(List<String> actions, boolean notAction) {
    }

    private static final Map<String, Known> KNOWN = Map.of(
            "AdministratorAccess", new Known(List.of("*"), false),
            "PowerUserAccess", new Known(List.of("iam:*", "organizations:*", "account:*"), true),
            "SecretsManagerReadWrite", new Known(List.of("secretsmanager:*"), false));

    private ManagedPolicies() {
    }

    /** The policy name when the ARN or name is one of the known AWS managed policies. */
    public static Optional<String> knownName(String arnOrName) {
        if (arnOrName == null) {
            return Optional.empty();
        }
        String v = arnOrName.strip();
        String name;
        int marker = v.indexOf(":iam::aws:policy/");
        if (marker >= 0 && v.startsWith("arn:")) {
            name = v.substring(marker + ":iam::aws:policy/".length());
        } else if (!v.contains(":") && !v.contains("/")) {
            name = v;
        } else {
            return Optional.empty();
        }
        return KNOWN.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** The known policy as a document whose statement stands at the reference's position. */
    public static Optional<PolicyDocument> document(String arnOrName, Position at) {
        return knownName(arnOrName).map(name -> {
            Known known = KNOWN.get(name);
            Statement statement = new Statement(name, 0, Statement.Effect.ALLOW, known.actions(), known.notAction(),
                    List.of(ResourcePattern.literal("*")), false, true, null, false, null, ConditionStrength.NONE, at);
            return new PolicyDocument("managed policy " + name, List.of(statement));
        });
    }
}
