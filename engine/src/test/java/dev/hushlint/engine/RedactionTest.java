package dev.hushlint.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void showsAtMostFourCharactersOfLongValues() {
        assertThat(Redaction.mask("AKIAZ4J7QW3R5T6Y2UPV")).isEqualTo("AKIA********");
    }

    @Test
    void masksShortValuesFully() {
        assertThat(Redaction.mask("hunter2")).isEqualTo("********");
        assertThat(Redaction.mask("fifteen-chars-x")).isEqualTo("********");
        assertThat(Redaction.mask("")).isEqualTo("********");
    }

    @Test
    void masksEveryOccurrenceInText() {
        assertThat(Redaction.maskIn("a=hunter2 b=hunter2", "hunter2")).isEqualTo("a=******** b=********");
    }

    @Test
    void severityMapsToSarif() {
        assertThat(Severity.CRITICAL.sarifLevel()).isEqualTo("error");
        assertThat(Severity.HIGH.sarifLevel()).isEqualTo("error");
        assertThat(Severity.MEDIUM.sarifLevel()).isEqualTo("warning");
        assertThat(Severity.LOW.sarifLevel()).isEqualTo("note");
        assertThat(Severity.CRITICAL.securitySeverity()).isEqualTo("9.5");
        assertThat(Severity.LOW.securitySeverity()).isEqualTo("2.0");
        assertThat(Severity.HIGH.atLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
    }
}
