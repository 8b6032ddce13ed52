package dev.hushlint.rules.java;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.fixtures.FixtureHarness;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

class DebugFixtureTest {
    @Test
    void dump() {
        var root = FixtureHarness.fixturesRoot().resolve("java");
        Report r = new Scanner(BuiltInRules.ruleSet(), dev.hushlint.engine.scan.FileAccess.DEFAULT, System.out).scan(ScanRequest.of(root).withBaseDir(root).withThreads(1));
        r.notifications().forEach(n -> System.out.println("NOTE " + n));
        r.findings().forEach(f -> System.out.println("FIND " + f));
    }
}
