package dev.hushlint.rules.settings;

import com.google.re2j.Matcher;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.secret.Entropy;
import dev.hushlint.rules.secret.SecretValues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule defined in {@code .hushlint.yml}: an RE2/J regex whose group {@code secret} is the value, found in text
 * files that match its globs, after a cheap keyword prefilter, above a minimum entropy, placeholders left out.
 */
public final class CustomRule implements Rule<TextFile> {

    private final Settings.CustomRuleSpec spec;
    private final RuleInfo info;
    private final PathGlobs files;
    private final Path root;

    CustomRule(Settings.CustomRuleSpec spec, Path root) {
        this.spec = spec;
        this.root = root;
        this.files = new PathGlobs(spec.files());
        this.info = RuleInfo.builder(spec.id())
                .name(pascal(spec.id()))
                .severity(spec.severity())
                .summary(spec.description())
                .help(spec.description() + "\n\nA custom rule defined in the project's `" + Settings.FILE_NAME + "`."
                        + "\n\nSuppress a finding with `# hushlint:ignore " + spec.id() + " <reason>` on the line above.")
                .cwe(798)
                .precision("medium")
                .build();
    }

    public Settings.CustomRuleSpec spec() {
        return spec;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public Class<TextFile> inputType() {
        return TextFile.class;
    }

    @Override
    public RuleResult check(TextFile file, ScanContext context) {
        if (!files.isEmpty() && !files.matches(root, context.baseDir(), file.path())) {
            return RuleResult.NONE;
        }
        return RuleResult.of(find(file));
    }

    /** Findings in the text, ignoring file globs: what {@code hushlint rules --test} runs on each example. */
    public List<Finding> find(TextFile file) {
        String text = file.text();
        if (!spec.keywords().isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (spec.keywords().stream().noneMatch(lower::contains)) {
                return List.of();
            }
        }
        List<Finding> out = new ArrayList<>();
        Matcher m = spec.regex().matcher(text);
        while (m.find()) {
            String value = m.group("secret");
            if (value == null || value.isEmpty() || m.end() == m.start()) {
                continue;
            }
            if (Entropy.shannon(value) < spec.minEntropy() || SecretValues.isPlaceholder(value)) {
                continue;
            }
            int start = m.start("secret");
            out.add(Finding.builder(info)
                    .location(file.location(start, m.end("secret")))
                    .message(spec.description() + " found in " + file.fileName())
                    .secret(value)
                    .build());
        }
        return out;
    }

    private static String pascal(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[/-]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
