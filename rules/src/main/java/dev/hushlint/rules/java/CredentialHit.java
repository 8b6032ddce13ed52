package dev.hushlint.rules.java;

import dev.hushlint.engine.Location;

/**
 * One literal that reaches a credential, as the shared analysis found it; the rules turn hits of their own
 * kind into findings. {@code toString} leaves the secret out.
 *
 * @param ruleId          the rule that reports it
 * @param location        the literal
 * @param logicalPosition enclosing type and member, and the variable or sink — never the value
 * @param message         names the sink or the name, never the value
 * @param secret          the raw value, for de-duplication and masking only
 * @param sink            the catalogue sink id, or null
 */
record CredentialHit(String ruleId, Location location, String logicalPosition, String message, String secret,
                     String sink) {

    @Override
    public String toString() {
        return "CredentialHit[" + ruleId + " " + location.startLine() + " " + logicalPosition + " " + message + "]";
    }
}
