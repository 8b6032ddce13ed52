package dev.hushlint.rules.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * What a principal (a role with all its inline and managed policies) can do with secrets: the grants of
 * every Allow statement, minus what unconditional Deny statements of the same documents take away.
 * A conditional Deny subtracts nothing (it may not apply), so the result errs toward access.
 */
public record PrincipalAnalysis(List<SecretGrant> grants) {

    public PrincipalAnalysis {
        grants = List.copyOf(grants);
    }

    /** Combines every policy of one principal. */
    public static PrincipalAnalysis combine(List<PolicyDocument> documents) {
        List<Statement> denies = new ArrayList<>();
        for (PolicyDocument d : documents) {
            for (Statement s : d.statements()) {
                if (s.effect() == Statement.Effect.DENY && s.conditions() == ConditionStrength.NONE) {
                    denies.add(s);
                }
            }
        }
        List<SecretGrant> grants = new ArrayList<>();
        for (PolicyDocument d : documents) {
            for (SecretGrant grant : PolicyAnalyzer.analyze(d)) {
                SecretGrant remaining = subtract(grant, denies);
                if (remaining != null) {
                    grants.add(remaining);
                }
            }
        }
        return new PrincipalAnalysis(grants);
    }

    /** The broadest scope at which the principal can use a capability. */
    public ResourceScope scope(SecretCapability capability) {
        return grants.stream().map(g -> g.scope(capability)).reduce(ResourceScope.NOT_A_SECRET, ResourceScope::broadest);
    }

    /** Can the principal read secrets at least this broadly? */
    public boolean canRead(ResourceScope atLeast) {
        ResourceScope s = scope(SecretCapability.READ);
        return s != ResourceScope.NOT_A_SECRET && s.compareTo(atLeast) >= 0;
    }

    private static SecretGrant subtract(SecretGrant grant, List<Statement> denies) {
        List<ActionAccess> kept = new ArrayList<>();
        for (ActionAccess access : grant.access()) {
            if (access.scope() == ResourceScope.NOT_A_SECRET) {
                continue;
            }
            List<ResourcePattern> reached = new ArrayList<>(access.reached());
            for (Statement deny : denies) {
                if (deny.covers(access.action())) {
                    reached.removeIf(r -> denies(deny, r));
                }
            }
            if (reached.isEmpty()) {
                continue;
            }
            ResourceScope scope = ResourceScope.NOT_A_SECRET;
            for (ResourcePattern r : reached) {
                ResourceScope s = r.display().startsWith("NotResource ") ? access.scope()
                        : Scopes.classify(r.arn(), access.action().family());
                scope = ResourceScope.broadest(scope, s);
            }
            kept.add(new ActionAccess(access.action(), scope, reached));
        }
        return kept.isEmpty() ? null : new SecretGrant(grant.statement(), grant.source(), kept);
    }

    /** Does a Deny statement's resource set contain the allowed resource pattern? */
    private static boolean denies(Statement deny, ResourcePattern allowed) {
        String a = Scopes.normalise(allowed.arn());
        if (deny.notResource()) {
            return deny.resources().stream().noneMatch(r -> Glob.intersects(Scopes.normalise(r.arn()), a));
        }
        // a pattern contains another when it matches the other's text, wildcards read as plain characters
        return deny.resources().stream().anyMatch(r -> Glob.matches(Scopes.normalise(r.arn()), a, false));
    }
}
