package dev.hushlint.rules.settings;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import dev.hushlint.rules.tree.Node.ScalarNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code .hushlint.yml} configuration, validated on load: an unknown key, a wrong type or a bad regex is a
 * {@link ConfigException} naming the file, the line and a hint. Path globs are relative to the directory the
 * file is in. User regexes are RE2/J patterns: matching time is linear in the input, so no pattern can hang a
 * scan. See docs/configuration.md.
 */
public final class Settings {

    public static final String FILE_NAME = ".hushlint.yml";

    /** A rule id or family ({@code java/*}) named in the file, with its line. */
    public record RuleRef(String id, int line) {
        public boolean matches(String ruleId) {
            return id.equals(ruleId) || (id.endsWith("/*") && ruleId.startsWith(id.substring(0, id.length() - 1)));
        }
    }

    /** A custom rule as written. */
    public record CustomRuleSpec(String id, String description, Pattern regex, List<String> keywords,
                                 double minEntropy, Severity severity, List<String> files,
                                 List<String> truePositives, List<String> falsePositives, int line) {
    }

    private static final Set<String> TOP = Set.of("version", "inlineIgnores", "rules", "paths", "tests", "allow",
            "customRules");
    private static final Set<String> RULES = Set.of("disable", "enable", "severity");
    private static final Set<String> PATHS = Set.of("include", "exclude");
    private static final Set<String> TESTS = Set.of("paths", "severity");
    private static final Set<String> ALLOW = Set.of("values", "paths", "literals");
    private static final Set<String> CUSTOM = Set.of("id", "description", "regex", "keywords", "minEntropy",
            "severity", "files", "examples");
    private static final Set<String> EXAMPLES = Set.of("positive", "negative");
    private static final java.util.regex.Pattern RULE_ID = java.util.regex.Pattern.compile("[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*");
    private static final java.util.regex.Pattern RULE_REF = java.util.regex.Pattern.compile("[a-z0-9]+/(\\*|[a-z0-9]+(-[a-z0-9]+)*)");
    static final List<String> DEFAULT_TEST_PATHS = List.of("**/src/test/**");

    private final Path file;
    private final Path root;
    private boolean inlineIgnores = true;
    private final List<RuleRef> disabled = new ArrayList<>();
    private final List<RuleRef> enabled = new ArrayList<>();
    private final Map<RuleRef, Severity> severities = new LinkedHashMap<>();
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private List<String> testPaths = List.of();
    private Severity testSeverity;
    private boolean testIgnore;
    private final List<Pattern> allowValues = new ArrayList<>();
    private final List<Pattern> allowPaths = new ArrayList<>();
    private final Set<String> allowLiterals = new LinkedHashSet<>();
    private final List<CustomRuleSpec> customRules = new ArrayList<>();

    private Settings(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    /** No configuration: every built-in rule at its default severity, nothing allow-listed. */
    public static Settings none() {
        return new Settings(null, null);
    }

    /** Reads and validates a configuration file. */
    public static Settings load(Path file) throws ConfigException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file, 0, "configuration file not found", "check the path given to --config");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, "not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getClass().getSimpleName(), null);
        }
        return parse(file, text);
    }

    /** Validates configuration text; {@code file} names it in messages and its directory anchors path globs. */
    public static Settings parse(Path file, String text) throws ConfigException {
        Path abs = file.toAbsolutePath().normalize();
        Settings s = new Settings(file, abs.getParent());
        Node root = LocatedYaml.read(file, text);
        if (root == null) {
            return s;
        }
        new Loader(s).load(root);
        return s;
    }

    /**
     * The configuration files for a scan: {@code .hushlint.yml} in each directory argument (never above it).
     * Several different ones are a usage error: it is not clear which one should win.
     */
    public static Optional<Path> find(List<Path> roots) throws ConfigException {
        Set<Path> found = new LinkedHashSet<>();
        for (Path r : roots) {
            Path candidate = r.toAbsolutePath().normalize().resolve(FILE_NAME);
            if (Files.isDirectory(r) && Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        if (found.size() > 1) {
            List<Path> list = List.copyOf(found);
            throw new ConfigException(list.get(1), 0, "several configuration files apply to this scan: " + list,
                    "scan one directory at a time, or name the file to use with --config");
        }
        return found.stream().findFirst();
    }

    /** The commented starter file {@code hushlint init} writes; it loads as a valid, neutral configuration. */
    public static String starter() {
        try (var in = Settings.class.getResourceAsStream("starter.hushlint.yml")) {
            if (in == null) {
                throw new IllegalStateException("starter.hushlint.yml missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- accessors -----------------------------------------------------------------------------------------

    /** The file it came from, or null for {@link #none()}. */
    public Path file() {
        return file;
    }

    /** The directory path globs are relative to, or null for {@link #none()}. */
    public Path root() {
        return root;
    }

    public boolean inlineIgnores() {
        return inlineIgnores;
    }

    public List<RuleRef> disabled() {
        return List.copyOf(disabled);
    }

    public List<RuleRef> enabled() {
        return List.copyOf(enabled);
    }

    public Map<RuleRef, Severity> severities() {
        return Map.copyOf(severities);
    }

    public List<String> include() {
        return List.copyOf(include);
    }

    public List<String> exclude() {
        return List.copyOf(exclude);
    }

    public List<String> testPaths() {
        return testPaths;
    }

    /** The severity cap for findings in test code, or null (see {@link #testIgnore()}). */
    public Severity testSeverity() {
        return testSeverity;
    }

    public boolean testIgnore() {
        return testIgnore;
    }

    public List<Pattern> allowValues() {
        return List.copyOf(allowValues);
    }

    public List<Pattern> allowPaths() {
        return List.copyOf(allowPaths);
    }

    public Set<String> allowLiterals() {
        return Set.copyOf(allowLiterals);
    }

    public List<CustomRuleSpec> customRules() {
        return List.copyOf(customRules);
    }

    /** True when a rule runs under this configuration: not disabled, or enabled again by its exact id. */
    public boolean ruleEnabled(String ruleId) {
        boolean off = disabled.stream().anyMatch(r -> r.matches(ruleId));
        return !off || enabled.stream().anyMatch(r -> r.id().equals(ruleId));
    }

    /** The configured severity for a rule: by exact id, else by family; empty when none is set. */
    public Optional<Severity> severityFor(String ruleId) {
        Severity family = null;
        for (Map.Entry<RuleRef, Severity> e : severities.entrySet()) {
            if (e.getKey().id().equals(ruleId)) {
                return Optional.of(e.getValue());
            }
            if (e.getKey().matches(ruleId)) {
                family = e.getValue();
            }
        }
        return Optional.ofNullable(family);
    }

    // ---- validation ----------------------------------------------------------------------------------------

    /** Walks the tree once, checking each key and type against the documented schema. */
    private static final class Loader {
        private final Settings s;
        private final Path file;

        Loader(Settings s) {
            this.s = s;
            this.file = s.file;
        }

        void load(Node rootNode) throws ConfigException {
            MapNode top = map(rootNode, "the configuration");
            keys(top, TOP, "top level");
            if (top.get("version").isPresent()) {
                Node v = top.get("version").get();
                if (!(v instanceof ScalarNode sc && sc.value() instanceof Number n && n.intValue() == 1)) {
                    throw error(v, "unsupported 'version'", "this hushlint reads version: 1");
                }
            }
            if (top.get("inlineIgnores").isPresent()) {
                s.inlineIgnores = bool(top.get("inlineIgnores").get(), "inlineIgnores");
            }
            Optional<Node> rules = top.get("rules");
            if (rules.isPresent()) {
                MapNode m = map(rules.get(), "rules");
                keys(m, RULES, "rules");
                s.disabled.addAll(ruleRefs(m.get("disable"), "rules.disable"));
                for (RuleRef r : ruleRefs(m.get("enable"), "rules.enable")) {
                    if (r.id().endsWith("/*")) {
                        throw new ConfigException(file, r.line(), "rules.enable takes rule ids, not families",
                                "a rule runs unless disabled; use enable to turn single rules of a disabled family back on");
                    }
                    s.enabled.add(r);
                }
                if (m.get("severity").isPresent()) {
                    MapNode sev = map(m.get("severity").get(), "rules.severity");
                    for (Map.Entry<String, Node> e : sev.entries().entrySet()) {
                        int line = sev.keyPosition(e.getKey()).line();
                        if (!RULE_REF.matcher(e.getKey()).matches()) {
                            throw new ConfigException(file, line, "'" + e.getKey() + "' is not a rule id or family",
                                    "write family/rule-name or family/*, e.g. java/hardcoded-credential or iac/*");
                        }
                        s.severities.put(new RuleRef(e.getKey(), line), severity(e.getValue(), "rules.severity." + e.getKey(), false));
                    }
                }
            }
            Optional<Node> paths = top.get("paths");
            if (paths.isPresent()) {
                MapNode m = map(paths.get(), "paths");
                keys(m, PATHS, "paths");
                s.include.addAll(globs(m.get("include"), "paths.include"));
                s.exclude.addAll(globs(m.get("exclude"), "paths.exclude"));
            }
            Optional<Node> tests = top.get("tests");
            if (tests.isPresent()) {
                MapNode m = map(tests.get(), "tests");
                keys(m, TESTS, "tests");
                List<String> testPaths = globs(m.get("paths"), "tests.paths");
                s.testPaths = testPaths.isEmpty() ? DEFAULT_TEST_PATHS : List.copyOf(testPaths);
                Node sev = m.get("severity").orElseThrow(() -> error(m, "'tests' needs a 'severity'",
                        "severity: low (the highest severity a finding in test code keeps) or severity: ignore"));
                if (sev instanceof ScalarNode sc && "ignore".equals(sc.value())) {
                    s.testIgnore = true;
                } else {
                    s.testSeverity = severity(sev, "tests.severity", true);
                }
            }
            Optional<Node> allow = top.get("allow");
            if (allow.isPresent()) {
                MapNode m = map(allow.get(), "allow");
                keys(m, ALLOW, "allow");
                for (Node n : list(m.get("values"), "allow.values")) {
                    s.allowValues.add(regex(n, "allow.values"));
                }
                for (Node n : list(m.get("paths"), "allow.paths")) {
                    s.allowPaths.add(regex(n, "allow.paths"));
                }
                for (Node n : list(m.get("literals"), "allow.literals")) {
                    s.allowLiterals.add(string(n, "allow.literals"));
                }
            }
            for (Node n : list(top.get("customRules"), "customRules")) {
                s.customRules.add(customRule(n));
            }
        }

        private CustomRuleSpec customRule(Node n) throws ConfigException {
            MapNode m = map(n, "a custom rule");
            keys(m, CUSTOM, "customRules[]");
            String id = string(required(m, "id", "customRules[]", "id: custom/acme-api-key"), "id");
            if (!RULE_ID.matcher(id).matches()) {
                throw error(m.get("id").get(), "custom rule id '" + id + "' is not family/kebab-name",
                        "e.g. custom/acme-api-key (lowercase letters, digits and dashes)");
            }
            String description = string(required(m, "description", id, "description: ACME internal API key"), "description");
            Node regexNode = required(m, "regex", id, "regex: 'acme_(?P<secret>[a-z0-9]{32})'");
            Pattern regex = regex(regexNode, id + ".regex");
            if (!regex.namedGroups().containsKey("secret")) {
                throw error(regexNode, "the regex of " + id + " has no capture group named 'secret'",
                        "wrap the secret part in (?P<secret>...) so only it is reported, hashed and masked");
            }
            List<String> keywords = new ArrayList<>();
            for (Node k : list(m.get("keywords"), id + ".keywords")) {
                keywords.add(string(k, id + ".keywords").toLowerCase(Locale.ROOT));
            }
            double minEntropy = 0;
            if (m.get("minEntropy").isPresent()) {
                Node e = m.get("minEntropy").get();
                if (!(e instanceof ScalarNode sc && sc.value() instanceof Number num) || num.doubleValue() < 0
                        || num.doubleValue() > 8) {
                    throw error(e, id + ".minEntropy must be a number from 0 to 8",
                            "Shannon entropy in bits per character; random base64 is about 5, English words about 3");
                }
                minEntropy = num.doubleValue();
            }
            Severity severity = m.get("severity").isPresent()
                    ? severity(m.get("severity").get(), id + ".severity", false) : Severity.HIGH;
            List<String> files = globs(m.get("files"), id + ".files");
            List<String> positive = new ArrayList<>();
            List<String> negative = new ArrayList<>();
            if (m.get("examples").isPresent()) {
                MapNode ex = map(m.get("examples").get(), id + ".examples");
                keys(ex, EXAMPLES, id + ".examples");
                for (Node p : list(ex.get("positive"), id + ".examples.positive")) {
                    positive.add(string(p, id + ".examples.positive"));
                }
                for (Node p : list(ex.get("negative"), id + ".examples.negative")) {
                    negative.add(string(p, id + ".examples.negative"));
                }
            }
            return new CustomRuleSpec(id, description, regex, List.copyOf(keywords), minEntropy, severity,
                    files, List.copyOf(positive), List.copyOf(negative), n.position().line());
        }

        private Node required(MapNode m, String key, String where, String example) throws ConfigException {
            return m.get(key).orElseThrow(() -> error(m, where + " needs '" + key + "'", example));
        }

        private void keys(MapNode m, Set<String> allowed, String where) throws ConfigException {
            for (String key : m.entries().keySet()) {
                if (!allowed.contains(key)) {
                    String near = closest(key, allowed);
                    throw new ConfigException(file, m.keyPosition(key).line(), "unknown key '" + key + "' in " + where,
                            near != null ? "did you mean '" + near + "'?"
                                    : "allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }

        private MapNode map(Node n, String what) throws ConfigException {
            if (n instanceof MapNode m) {
                return m;
            }
            throw error(n, what + " must be a mapping (key: value lines), not " + kind(n),
                    "indent the entries under it by two spaces");
        }

        private List<Node> list(Optional<Node> n, String what) throws ConfigException {
            if (n.isEmpty() || (n.get() instanceof ScalarNode sc && sc.value() == null)) {
                return List.of();
            }
            if (n.get() instanceof ListNode l) {
                return l.items();
            }
            throw error(n.get(), what + " must be a list, not " + kind(n.get()),
                    "write it as [a, b] or as lines starting with '- '");
        }

        private String string(Node n, String what) throws ConfigException {
            if (n instanceof ScalarNode sc && sc.value() instanceof String str) {
                return str;
            }
            throw error(n, what + " must be a string, not " + kind(n), "put the value in quotes");
        }

        private boolean bool(Node n, String what) throws ConfigException {
            if (n instanceof ScalarNode sc && sc.value() instanceof Boolean b) {
                return b;
            }
            throw error(n, what + " must be true or false, not " + kind(n), null);
        }

        private Severity severity(Node n, String what, boolean ignoreAllowed) throws ConfigException {
            String hint = "one of critical, high, medium, low" + (ignoreAllowed ? ", ignore" : "");
            if (n instanceof ScalarNode sc && sc.value() instanceof String str) {
                for (Severity sev : Severity.values()) {
                    if (sev.label().equalsIgnoreCase(str)) {
                        return sev;
                    }
                }
                throw error(n, what + ": '" + str + "' is not a severity", hint);
            }
            throw error(n, what + " must be a severity, not " + kind(n), hint);
        }

        private List<RuleRef> ruleRefs(Optional<Node> n, String what) throws ConfigException {
            List<RuleRef> out = new ArrayList<>();
            for (Node item : list(n, what)) {
                String id = string(item, what);
                if (!RULE_REF.matcher(id).matches()) {
                    throw error(item, "'" + id + "' in " + what + " is not a rule id or family",
                            "write family/rule-name or family/*, e.g. java/hardcoded-credential or iac/*");
                }
                out.add(new RuleRef(id, item.position().line()));
            }
            return out;
        }

        private List<String> globs(Optional<Node> n, String what) throws ConfigException {
            List<String> out = new ArrayList<>();
            for (Node item : list(n, what)) {
                String glob = string(item, what);
                try {
                    java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
                } catch (IllegalArgumentException e) {
                    throw error(item, "'" + glob + "' in " + what + " is not a valid glob",
                            "use * within a directory, ** across directories, {a,b} for alternatives");
                }
                out.add(glob);
            }
            return out;
        }

        private Pattern regex(Node n, String what) throws ConfigException {
            String source = string(n, what);
            try {
                return Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                throw error(n, "bad regex in " + what + ": " + e.getDescription(),
                        "RE2 syntax: no backreferences or lookaround; name the secret group (?P<secret>...)");
            }
        }

        private ConfigException error(Node n, String problem, String hint) {
            return new ConfigException(file, n.position().line(), problem, hint);
        }

        private static String kind(Node n) {
            if (n instanceof MapNode) {
                return "a mapping";
            }
            if (n instanceof ListNode) {
                return "a list";
            }
            if (n instanceof ScalarNode sc) {
                Object v = sc.value();
                return v == null ? "empty" : v instanceof String ? "a string" : v instanceof Boolean ? "a boolean" : "a number";
            }
            return "an expression";
        }

        /** The allowed key nearest to a misspelt one (edit distance at most 2), or null. */
        private static String closest(String key, Set<String> allowed) {
            String best = null;
            int bestDistance = 3;
            for (String a : new java.util.TreeSet<>(allowed)) {
                int d = distance(key.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    best = a;
                    bestDistance = d;
                }
            }
            return best;
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
