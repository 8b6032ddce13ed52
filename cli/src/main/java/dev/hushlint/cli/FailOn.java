package dev.hushlint.cli;

import dev.hushlint.engine.Severity;

/** The gate threshold; {@code none} never fails. */
public enum FailOn {
    CRITICAL(Severity.CRITICAL), HIGH(Severity.HIGH), MEDIUM(Severity.MEDIUM), LOW(Severity.LOW), NONE(null);

    private final Severity severity;

    FailOn(Severity severity) {
        this.severity = severity;
    }

    /** The lowest severity that fails the gate, or null for {@code none}. */
    public Severity severity() {
        return severity;
    }
}
