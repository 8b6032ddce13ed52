package dev.hushlint.rules.iam;

/** How many secrets a grant's resources reach, narrowest first (so {@code compareTo} orders by breadth). */
public enum ResourceScope {
    /** No resource of the statement can be a secret (an S3 ARN for a secret action, {@code NotResource: "*"}). */
    NOT_A_SECRET,
    /** One named secret, parameter or key ({@code !Ref MySecret}, a full ARN). */
    SINGLE,
    /** A name prefix ({@code …:secret:prod/orders/*}, {@code …:parameter/app/*}). */
    PREFIX,
    /** Every secret of an account ({@code arn:aws:secretsmanager:*:*:secret:*}, {@code …:parameter/*}). */
    ACCOUNT_WIDE,
    /** Every resource: {@code "*"}. */
    ALL;

    /** Account-wide or everything: the scopes a least-privilege review rejects. */
    public boolean isBroad() {
        return this == ACCOUNT_WIDE || this == ALL;
    }

    public String describe() {
        return switch (this) {
            case NOT_A_SECRET -> "no secret";
            case SINGLE -> "a single secret";
            case PREFIX -> "secrets under a name prefix";
            case ACCOUNT_WIDE -> "every secret of the account";
            case ALL -> "every resource (\"*\")";
        };
    }

    static ResourceScope broadest(ResourceScope a, ResourceScope b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
