package dev.hushlint.rules.iam;

/** What a statement's {@code Condition} does to its reach. */
public enum ConditionStrength {
    /** No condition. */
    NONE,
    /** Conditions that do not narrow which secrets or callers ({@code aws:SecureTransport}, {@code aws:CurrentTime} …). */
    WEAK,
    /** A condition that narrows to tagged secrets, a source, an organisation or a service ({@code kms:ViaService} …). */
    RESTRICTING
}
