package dev.hushlint.rules.config;

import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.TextFile;

/** Placeholder while the config rule is written. */
public final class ConfigHardcodedCredential implements Rule<TextFile> {
    public static final RuleInfo INFO = RuleInfo.builder("config/hardcoded-credential").name("ConfigHardcodedCredential")
            .severity(Severity.HIGH).summary("x").help("x").cwe(798).build();
    @Override public RuleInfo info() { return INFO; }
    @Override public Class<TextFile> inputType() { return TextFile.class; }
    @Override public RuleResult check(TextFile f, ScanContext c) { return RuleResult.NONE; }
}
