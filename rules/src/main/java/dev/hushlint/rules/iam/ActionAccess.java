package dev.hushlint.rules.iam;

import java.util.List;

/**
 * One catalogued action a statement allows, and what it reaches.
 *
 * @param reached the statement's resources that can be this action's secrets (empty when scope is
 *                {@link ResourceScope#NOT_A_SECRET})
 */
public record ActionAccess(SecretAction action, ResourceScope scope, List<ResourcePattern> reached) {

    public ActionAccess {
        reached = List.copyOf(reached);
    }

    public SecretCapability capability() {
        return action.capability();
    }
}
