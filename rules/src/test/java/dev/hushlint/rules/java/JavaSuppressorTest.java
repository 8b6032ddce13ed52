package dev.hushlint.rules.java;

import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.suppress.SuppressionMarker;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class JavaSuppressorTest {

    private static List<SuppressionMarker> markers(String code) {
        return new JavaSuppressor().markers(new JavaSource(TextFile.of("A.java", code)));
    }

    @Test
    void eachDeclarationKindIsCoveredOverItsWholeRange() {
        List<SuppressionMarker> markers = markers("""
                @SuppressWarnings("hushlint:java/a") // whole class
                class A {
                    @SuppressWarnings({"unchecked", "hushlint:java/b"})
                    String field = "x";

                    @SuppressWarnings(value = "hushlint:java/c") // method
                    void m(@SuppressWarnings("hushlint:java/d") String p) {
                        @SuppressWarnings("hushlint:java/e")
                        String local = "y";
                    }
                    @SuppressWarnings("unchecked")
                    void n() {
                    }
                }
                """);
        assertThat(markers).extracting(m -> m.ruleIds().first(), SuppressionMarker::line, SuppressionMarker::fromLine,
                        SuppressionMarker::toLine, SuppressionMarker::reason)
                .containsExactlyInAnyOrder(
                        tuple("java/a", 1, 1, 14, "whole class"),
                        tuple("java/b", 3, 3, 4, ""),
                        tuple("java/c", 6, 6, 10, "method"),
                        tuple("java/d", 7, 7, 7, ""),
                        tuple("java/e", 8, 8, 9, ""));
    }

    @Test
    void aFileThatDoesNotParseHasNoAnnotationMarkers() {
        assertThat(markers("@SuppressWarnings(\"hushlint:java/a\") class {")).isEmpty();
    }
}
