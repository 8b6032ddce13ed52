package dev.hushlint.rules.secret;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pattern's own true examples are found by the detector, and its false examples are not. */
class SecretPatternsTest {

    private final SecretDetector detector = SecretDetector.standard();

    @TestFactory
    Stream<DynamicTest> trueExamplesAreFound() {
        return SecretPatterns.all().stream().flatMap(p -> p.trueExamples().stream().map(example ->
                DynamicTest.dynamicTest(p.id() + " finds a true example", () ->
                        assertThat(detector.find(example)).as(p.id())
                                .anyMatch(m -> m.pattern().id().equals(p.id())))));
    }

    @TestFactory
    Stream<DynamicTest> falseExamplesAreNotFound() {
        return SecretPatterns.all().stream().flatMap(p -> p.falseExamples().stream().map(example ->
                DynamicTest.dynamicTest(p.id() + " ignores a false example", () ->
                        assertThat(detector.find(example)).as(p.id())
                                .noneMatch(m -> m.pattern().id().equals(p.id())))));
    }

    @Test
    void everyPatternHasExamplesAndAUniqueId() {
        Set<String> ids = new HashSet<>();
        for (SecretPattern p : SecretPatterns.all()) {
            assertThat(ids.add(p.id())).as("unique id " + p.id()).isTrue();
            assertThat(p.trueExamples()).as(p.id() + " true examples").isNotEmpty();
            assertThat(p.falseExamples()).as(p.id() + " false examples").isNotEmpty();
        }
    }
}
