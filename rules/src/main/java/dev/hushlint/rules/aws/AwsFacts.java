package dev.hushlint.rules.aws;

import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.ScanContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM side of an account as the scan knows it: roles and managed policies from every export of the
 * scan (or from the live scan), looked up by ARN. The first file that describes an ARN wins.
 */
public final class AwsFacts {

    public static final FactKey<IamRole> ROLES = new FactKey<>("aws/iam-role", IamRole.class);
    public static final FactKey<ManagedPolicy> MANAGED_POLICIES = new FactKey<>("aws/managed-policy", ManagedPolicy.class);

    private final Map<String, IamRole> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();

    private AwsFacts(List<IamRole> roleList, List<ManagedPolicy> policyList) {
        roleList.forEach(r -> roles.putIfAbsent(r.arn(), r));
        policyList.forEach(p -> policies.putIfAbsent(p.arn(), p));
    }

    public static AwsFacts of(ScanContext context) {
        return new AwsFacts(context.facts(ROLES), context.facts(MANAGED_POLICIES));
    }

    public static AwsFacts of(List<IamRole> roles, List<ManagedPolicy> policies) {
        return new AwsFacts(roles, policies);
    }

    public Optional<IamRole> role(String arn) {
        return Optional.ofNullable(roles.get(arn));
    }

    public Optional<ManagedPolicy> managedPolicy(String arn) {
        return Optional.ofNullable(policies.get(arn));
    }

    public boolean isEmpty() {
        return roles.isEmpty() && policies.isEmpty();
    }
}
