package dev.hushlint.engine;

import java.util.Locale;

/** How bad a finding is. Ordered from most to least severe. */
public enum Severity {
    CRITICAL("error", "9.5"),
    HIGH("error", "8.0"),
    MEDIUM("warning", "5.5"),
    LOW("note", "2.0");

    private final String sarifLevel;
    private final String securitySeverity;

    Severity(String sarifLevel, String securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** SARIF {@code level}: error, warning or note. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** GitHub's {@code security-severity}, a number written as a string, kept clear of band boundaries. */
    public String securitySeverity() {
        return securitySeverity;
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code critical|high|medium|low} case-insensitively. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium or low)");
        }
    }
}
