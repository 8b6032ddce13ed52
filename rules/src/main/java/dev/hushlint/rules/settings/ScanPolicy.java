package dev.hushlint.rules.settings;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.scan.PathDisplay;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.suppress.Baseline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that tames a scan, in one place for the CLI and the Maven plugin: the configuration (rules, paths,
 * test code, allow-lists, custom rules), the inline-suppression switch and the baseline.
 *
 * <pre>{@code
 * ScanPolicy policy = ScanPolicy.of(Settings.load(path), Baseline.read(file), true);
 * Report raw = new Scanner(policy.ruleSet(BuiltInRules.ruleSet())).scan(policy.request(request));
 * ScanPolicy.Applied applied = policy.apply(raw);   // applied.report() goes to the writers and the gate
 * }</pre>
 */
public final class ScanPolicy {

    /**
     * The report after the policy, with counts for a summary line.
     *
     * @param allowListed findings dropped by the configuration's allow-lists, path filters or test-code setting
     * @param baseline    the baseline's counts, or null when no baseline was given
     */
    public record Applied(Report report, int allowListed, Baseline.Outcome baseline) {
    }

    private final Settings settings;
    private final Baseline baseline;
    private final boolean inlineIgnores;

    private ScanPolicy(Settings settings, Baseline baseline, boolean inlineIgnores) {
        this.settings = settings;
        this.baseline = baseline;
        this.inlineIgnores = inlineIgnores;
    }

    /**
     * @param settings      the configuration ({@link Settings#none()} for none)
     * @param baseline      accepted findings, or null
     * @param inlineIgnores false to forbid inline suppressions ({@code --no-inline-ignores}); the configuration
     *                      can forbid them too ({@code inlineIgnores: false}), never allow them back
     */
    public static ScanPolicy of(Settings settings, Baseline baseline, boolean inlineIgnores) {
        return new ScanPolicy(settings, baseline, inlineIgnores && settings.inlineIgnores());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The rules to run: the built-ins the configuration leaves enabled, plus its custom rules, with inline
     * suppressions allowed or not.
     *
     * @throws ConfigException when the configuration names a rule that does not exist, or a custom rule reuses
     *                         a built-in id
     */
    public RuleSet ruleSet(RuleSet builtIns) throws ConfigException {
        Set<String> known = new TreeSet<>();
        builtIns.infos().forEach(r -> {
            known.add(r.id());
            known.add(r.family() + "/*");
        });
        List<CustomRule> custom = customRules();
        for (CustomRule c : custom) {
            if (known.contains(c.info().id())) {
                throw new ConfigException(settings.file(), c.spec().line(),
                        "custom rule id '" + c.info().id() + "' is already a built-in rule", "choose another id, e.g. custom/...");
            }
            known.add(c.info().id());
            known.add(c.info().family() + "/*");
        }
        List<Settings.RuleRef> named = new ArrayList<>(settings.disabled());
        named.addAll(settings.enabled());
        named.addAll(settings.severities().keySet());
        for (Settings.RuleRef ref : named) {
            if (!known.contains(ref.id())) {
                throw new ConfigException(settings.file(), ref.line(), "no rule or family named '" + ref.id() + "'",
                        "'hushlint rules' lists every rule id");
            }
        }
        RuleSet all = custom.isEmpty() ? builtIns : builtIns.withRules(custom);
        return all.filter(r -> settings.ruleEnabled(r.id())).withInlineSuppressions(inlineIgnores);
    }

    /** The custom rules of the configuration, e.g. for {@code hushlint rules --test}. */
    public List<CustomRule> customRules() {
        return settings.customRules().stream().map(spec -> new CustomRule(spec, settings.root())).toList();
    }

    /**
     * The request with the configuration's excluded paths left out of the walk, when the configuration lies under
     * the base directory (elsewhere, findings in excluded paths are dropped after the scan instead).
     */
    public ScanRequest request(ScanRequest request) {
        Path root = settings.root();
        if (root == null || settings.exclude().isEmpty() || !root.startsWith(request.baseDir())) {
            return request;
        }
        String prefix = root.equals(request.baseDir()) ? ""
                : request.baseDir().relativize(root).toString().replace('\\', '/') + "/";
        List<String> excludes = new ArrayList<>(request.excludes());
        for (String glob : settings.exclude()) {
            String g = glob.startsWith("./") ? glob.substring(2) : glob;
            List<String> forms = new ArrayList<>(List.of(g.contains("/") ? g : "**/" + g));
            if (g.startsWith("**/")) {
                forms.add(g.substring(3));
            }
            for (String form : List.copyOf(forms)) {
                if (form.endsWith("/**")) {
                    // the directory itself too, so the walk skips it instead of visiting every file below
                    forms.add(form.substring(0, form.length() - 3));
                }
            }
            forms.forEach(f -> excludes.add(prefix + f));
        }
        return request.withExcludes(excludes);
    }

    /**
     * Applies the configuration to a finished report (path filters, allow-lists, severities, test code), then the
     * baseline. Inline suppressions were applied by the scanner.
     */
    public Applied apply(Report report) {
        Path root = settings.root();
        Path base = report.baseDir();
        PathGlobs include = new PathGlobs(settings.include());
        PathGlobs exclude = new PathGlobs(settings.exclude());
        PathGlobs tests = new PathGlobs(settings.testPaths());
        List<Finding> kept = new ArrayList<>();
        int dropped = 0;
        for (Finding f : report.findings()) {
            Path file = f.location().file();
            boolean outOfScope = (!include.isEmpty() && !include.matches(root, base, file))
                    || exclude.matches(root, base, file);
            boolean inTests = tests.matches(root, base, file);
            if (outOfScope || allowListed(f, report.baseDir()) || (inTests && settings.testIgnore())
                    || isOwnExample(f)) {
                dropped++;
                continue;
            }
            Severity severity = settings.severityFor(f.ruleId()).orElse(f.severity());
            if (inTests && settings.testSeverity() != null && severity.atLeast(settings.testSeverity())) {
                severity = settings.testSeverity();
            }
            kept.add(severity == f.severity() ? f : f.withSeverity(severity));
        }
        Report out = report.withFindings(kept);
        if (dropped > 0) {
            List<Notification> notes = new ArrayList<>(out.notifications());
            notes.add(Notification.note("allow-listed", null, 0, dropped + (dropped == 1 ? " finding" : " findings")
                    + " left out by " + (settings.file() == null ? "the configuration" : settings.file().getFileName())
                    + " (allow-lists, path filters or test-code settings)"));
            notes.sort(null);
            out = out.withNotifications(notes);
        }
        Baseline.Outcome outcome = null;
        if (baseline != null) {
            outcome = baseline.apply(out);
            out = outcome.report();
        }
        return new Applied(out, dropped, outcome);
    }

    /** A custom rule's example value, found in the configuration file that defines it: test data, not a leak. */
    private boolean isOwnExample(Finding f) {
        if (settings.file() == null || f.secret() == null || f.secret().isEmpty()
                || !f.location().file().equals(settings.file().toAbsolutePath().normalize())) {
            return false;
        }
        for (Settings.CustomRuleSpec spec : settings.customRules()) {
            for (String example : spec.truePositives()) {
                if (example.contains(f.secret())) {
                    return true;
                }
            }
            for (String example : spec.falsePositives()) {
                if (example.contains(f.secret())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allowListed(Finding f, Path baseDir) {
        String value = f.secret();
        if (value != null && !value.isEmpty()) {
            if (settings.allowLiterals().contains(value)) {
                return true;
            }
            for (com.google.re2j.Pattern p : settings.allowValues()) {
                if (p.matcher(value).find()) {
                    return true;
                }
            }
        }
        if (!settings.allowPaths().isEmpty()) {
            String path = PathDisplay.of(baseDir, f.location().file());
            for (com.google.re2j.Pattern p : settings.allowPaths()) {
                if (p.matcher(path).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
