package dev.hushlint.rules.iam;

/** Classifies one ARN pattern against a family of secret resources. */
final class Scopes {

    private static final String OTHER_SERVICE_PROBE = "arn:aws:s3:::qz7probe-bucket/Kx3/object";

    private Scopes() {
    }

    /** Templates repeat the same few ARN patterns; bounded, cleared when full. */
    private static final java.util.concurrent.ConcurrentHashMap<String, ResourceScope> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    static ResourceScope classify(String arn, SecretAction.ResourceFamily family) {
        String key = family.ordinal() + arn;
        ResourceScope cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        ResourceScope scope = compute(arn, family);
        if (CACHE.size() > 10_000) {
            CACHE.clear();
        }
        CACHE.put(key, scope);
        return scope;
    }

    private static ResourceScope compute(String arn, SecretAction.ResourceFamily family) {
        String a = arn.strip();
        if (a.isEmpty()) {
            return ResourceScope.NOT_A_SECRET;
        }
        if (a.charAt(0) == ResourcePattern.OPEN) {
            // a value known only at deploy time (!Ref MySecret, a Terraform reference): one resource
            return a.indexOf('*') >= 0 ? ResourceScope.PREFIX : ResourceScope.SINGLE;
        }
        String n = normalise(a);
        String[] parts = n.split(":", 4);
        if (parts.length >= 3 && parts[0].equals("arn") && parts[2].indexOf('*') < 0 && parts[2].indexOf('?') < 0
                && parts[2].indexOf(ResourcePattern.OPEN) < 0 && !parts[2].equals(family.service())) {
            return ResourceScope.NOT_A_SECRET; // another service's ARN
        }
        if (n.indexOf('*') < 0 && n.indexOf('?') < 0) {
            // a concrete ARN: one member of the family, or not a member at all
            return Glob.matches(family.pattern(), n, false) ? ResourceScope.SINGLE : ResourceScope.NOT_A_SECRET;
        }
        boolean everyMember = family.probes().stream().allMatch(p -> Glob.matches(n, p, false));
        if (everyMember && Glob.matches(n, OTHER_SERVICE_PROBE, false)) {
            return ResourceScope.ALL;
        }
        if (everyMember) {
            return ResourceScope.ACCOUNT_WIDE;
        }
        if (Glob.intersects(n, family.pattern())) {
            return n.indexOf('*') >= 0 ? ResourceScope.PREFIX : ResourceScope.SINGLE;
        }
        return ResourceScope.NOT_A_SECRET;
    }

    /**
     * Puts a literal partition, region and account into the probes' fixed values, so that
     * {@code arn:aws-cn:…:eu-west-1:111122223333:secret:*} is as account-wide as {@code arn:aws:…:*:*:secret:*}.
     */
    static String normalise(String arn) {
        if (!arn.startsWith("arn:")) {
            return arn;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        if (literal(parts[1]) && parts[1].startsWith("aws")) {
            parts[1] = "aws";
        }
        if (literal(parts[3]) && !parts[3].isEmpty()) {
            parts[3] = "us-east-1";
        }
        if (literal(parts[4]) && !parts[4].isEmpty()) {
            parts[4] = "123456789012";
        }
        return String.join(":", parts);
    }

    private static boolean literal(String part) {
        return part.indexOf('*') < 0 && part.indexOf('?') < 0;
    }
}
