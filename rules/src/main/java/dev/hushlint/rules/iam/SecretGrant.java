package dev.hushlint.rules.iam;

import dev.hushlint.rules.tree.Position;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one Allow statement grants on secrets: one entry per catalogued action it allows, each with the
 * broadest scope it reaches. A grant whose actions reach no secret resource has scope
 * {@link ResourceScope#NOT_A_SECRET} (e.g. {@code "*"} on an S3 bucket ARN).
 *
 * @param statement the Allow statement
 * @param source    the document it belongs to ({@link PolicyDocument#source()})
 * @param access    per catalogued action, in catalogue order
 */
public record SecretGrant(Statement statement, String source, List<ActionAccess> access) {

    public SecretGrant {
        access = List.copyOf(access);
    }

    public Position position() {
        return statement.position();
    }

    /** Capabilities on resources that can be secrets. */
    public Set<SecretCapability> capabilities() {
        Set<SecretCapability> out = EnumSet.noneOf(SecretCapability.class);
        for (ActionAccess a : access) {
            if (a.scope() != ResourceScope.NOT_A_SECRET) {
                out.add(a.capability());
            }
        }
        return out;
    }

    /** The broadest scope any granted action reaches. */
    public ResourceScope scope() {
        return access.stream().map(ActionAccess::scope).reduce(ResourceScope.NOT_A_SECRET, ResourceScope::broadest);
    }

    /** The broadest scope reached with one capability. */
    public ResourceScope scope(SecretCapability capability) {
        return access.stream().filter(a -> a.capability() == capability).map(ActionAccess::scope)
                .reduce(ResourceScope.NOT_A_SECRET, ResourceScope::broadest);
    }

    public ConditionStrength conditions() {
        return statement.conditions();
    }

    /** Catalogued actions that reach at least the given scope, e.g. reading actions on broad resources. */
    public List<String> actions(SecretCapability capability, ResourceScope atLeast) {
        return access.stream()
                .filter(a -> a.capability() == capability && a.scope() != ResourceScope.NOT_A_SECRET
                        && a.scope().compareTo(atLeast) >= 0)
                .map(a -> a.action().name()).toList();
    }

    /** Catalogued actions that reach a secret at all. */
    public List<String> actions() {
        return access.stream().filter(a -> a.scope() != ResourceScope.NOT_A_SECRET).map(a -> a.action().name()).toList();
    }

    /**
     * True when the statement allows every catalogued action of a service ({@code secretsmanager:*}, {@code *},
     * a NotAction that spares it) on some resource of that service: full control, delete and replace included.
     */
    public boolean fullControl(String service) {
        List<SecretAction> all = SecretAction.ofService(service);
        return !all.isEmpty() && all.stream().allMatch(action -> access.stream()
                .anyMatch(a -> a.action().equals(action) && a.scope() != ResourceScope.NOT_A_SECRET));
    }
}
