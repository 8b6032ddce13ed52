package dev.hushlint.rules;

import dev.hushlint.fixtures.FixtureHarness;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture under test-fixtures/fixtures, scanned with every built-in rule, against its inline expectations. */
class FixturesTest {

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsMarkers() {
        FixtureHarness.Outcome outcome = FixtureHarness.check(BuiltInRules.ruleSet(), FixtureHarness.fixturesRoot());
        assertThat(outcome.verdicts()).isNotEmpty();
        return outcome.verdicts().stream().map(v -> DynamicTest.dynamicTest(v.file(),
                () -> assertThat(v.problems()).as(v.file()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> theDemoProjectReportsExactlyItsSeededProblems() {
        FixtureHarness.Outcome outcome = FixtureHarness.check(BuiltInRules.ruleSet(),
                FixtureHarness.fixturesModule().resolve("demo"));
        return outcome.verdicts().stream().map(v -> DynamicTest.dynamicTest("demo/" + v.file(),
                () -> assertThat(v.problems()).as(v.file()).isEmpty()));
    }
}
