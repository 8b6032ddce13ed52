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

    /** Surroundings a token meets in real files: quotes, markup, assignments, URLs, comments, CRLF. */
    private static final java.util.List<String> SURROUNDINGS = java.util.List.of("\"%s\"", "'%s'", "`%s`",
            "<value>%s</value>", "key: %s\n", "KEY=%s\r\n", "https://api.acme.dev/v1?token=%s&page=2", "(%s)", "[%s]",
            "{\"k\":\"%s\"}", "%s,next", " \t%s\r\n", "// %s", "# %s", "%s");

    @TestFactory
    Stream<DynamicTest> contextFreeTokensAreFoundInCommonSurroundings() {
        return SecretPatterns.all().stream().flatMap(p -> p.trueExamples().stream()
                .flatMap(example -> detector.find(example).stream().filter(m -> m.pattern() == p).limit(1))
                .filter(m -> {
                    java.util.regex.Matcher alone = p.regex().matcher(m.value());
                    return alone.find() && alone.group(p.secretGroup()).equals(m.value()); // needs no context
                })
                .flatMap(m -> SURROUNDINGS.stream().map(template -> DynamicTest.dynamicTest(
                        p.id() + " in " + template.replace("\n", "\\n").replace("\r", "\\r"), () ->
                                assertThat(detector.find(template.formatted(m.value()))).as(p.id() + " in " + template)
                                        .anyMatch(found -> found.pattern().id().equals(p.id())
                                                && found.value().equals(m.value()))))));
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
