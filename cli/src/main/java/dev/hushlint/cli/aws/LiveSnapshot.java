package dev.hushlint.cli.aws;

import dev.hushlint.engine.Notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a live scan read, before any judgement: functions (with their real environment values, in memory
 * only), the roles and managed policies they use, and what could not be read.
 *
 * @param regionsListed       (account, region) pairs whose functions were listed in full
 * @param regionsFailed       pairs that failed entirely or in part
 * @param iamCallsWithoutCache IAM calls the scan would have made fetching each function's role and policies anew
 */
public record LiveSnapshot(List<Function> functions, SortedMap<String, Role> roles, SortedMap<String, Policy> policies,
                           List<Notification> notifications, int regionsListed, int regionsFailed,
                           SortedMap<String, Long> apiCalls, long iamCallsWithoutCache) {

    public LiveSnapshot {
        functions = List.copyOf(functions);
        roles = Collections.unmodifiableSortedMap(new TreeMap<>(roles));
        policies = Collections.unmodifiableSortedMap(new TreeMap<>(policies));
        notifications = List.copyOf(notifications);
        apiCalls = Collections.unmodifiableSortedMap(new TreeMap<>(apiCalls));
    }

    /** True when not one region could be listed and no function was read: the scan checked nothing. */
    public boolean checkedNothing() {
        return regionsListed == 0 && functions.isEmpty();
    }

    public long iamCalls() {
        return apiCalls.entrySet().stream().filter(e -> e.getKey().startsWith("Iam:")).mapToLong(Map.Entry::getValue).sum();
    }

    /** A function as Lambda returned it. {@code environment} holds secrets: {@link #toString()} leaves it out. */
    public record Function(String account, String region, String name, String arn, String roleArn, String kmsKeyArn,
                           Map<String, String> environment, SortedMap<String, String> tags) {
        public Function {
            environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
            tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        }

        public Function withTags(Map<String, String> newTags) {
            return new Function(account, region, name, arn, roleArn, kmsKeyArn, environment, new TreeMap<>(newTags));
        }

        @Override
        public String toString() {
            return "Function[" + arn + ", " + environment.size() + " variables]";
        }
    }

    /** A role's inline policies (decoded JSON text, by name) and attached managed policies (ARN → name). */
    public record Role(String arn, String name, Map<String, String> inlinePolicies, Map<String, String> attachedPolicies,
                       int calls) {
        public Role {
            inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
            attachedPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(attachedPolicies));
        }
    }

    /** A managed policy with its default version's decoded document. */
    public record Policy(String arn, String name, String defaultVersionId, String document, int calls) {
    }
}
