package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink catalogue is data, large enough, and every entry is exercised by a fixture. */
class CredentialSinksTest {

    @Test
    void catalogueHoldsAtLeastEightyCredentialParameters() {
        assertThat(CredentialSinks.all()).hasSizeGreaterThanOrEqualTo(80);
        Set<String> ids = new HashSet<>();
        for (CredentialSink sink : CredentialSinks.all()) {
            assertThat(ids.add(sink.id())).as("duplicate sink " + sink.id()).isTrue();
            assertThat(sink.parameter()).isLessThan(sink.arity() < 0 ? 8 : sink.arity());
            assertThat(sink.packages()).isNotEmpty();
        }
    }

    @Test
    void everySinkIsHitByAFixture() {
        List<Finding> findings = FixtureHarness.check(BuiltInRules.ruleSet(),
                FixtureHarness.fixturesRoot().resolve("java")).report().findings();
        Set<String> hit = new TreeSet<>();
        for (Finding f : findings) {
            String sink = f.properties().get("sink");
            if (sink != null) {
                hit.add(sink);
            }
        }
        Set<String> missing = new TreeSet<>();
        for (CredentialSink sink : CredentialSinks.all()) {
            if (!hit.contains(sink.id())) {
                missing.add(sink.id());
            }
        }
        assertThat(missing).as("catalogue sinks with no fixture finding").isEmpty();
    }
}
