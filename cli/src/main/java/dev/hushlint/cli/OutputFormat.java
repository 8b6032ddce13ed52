package dev.hushlint.cli;

/** Report formats. */
public enum OutputFormat {
    TEXT, JSON, SARIF
}
