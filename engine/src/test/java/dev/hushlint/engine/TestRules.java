package dev.hushlint.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small rules and readers that exercise the engine without any real format knowledge. */
public final class TestRules {

    private TestRules() {
    }

    /** A generic token detector: {@code tok_} + 12 lower-case letters or digits. */
    public static final class Token implements Rule<TextFile> {
        public static final RuleInfo INFO = RuleInfo.builder("test/token").name("Token").severity(Severity.CRITICAL)
                .summary("a token").help("help").cwe(798).generic().build();
        private static final Pattern P = Pattern.compile("tok_[a-z0-9]{12}");

        @Override public RuleInfo info() { return INFO; }
        @Override public Class<TextFile> inputType() { return TextFile.class; }

        @Override
        public RuleResult check(TextFile file, ScanContext context) {
            List<Finding> out = new ArrayList<>();
            Matcher m = P.matcher(file.text());
            while (m.find()) {
                out.add(Finding.builder(INFO).location(file.location(m.start(), m.end()))
                        .logicalPosition("token").message("token in " + file.fileName()).secret(m.group()).build());
            }
            return RuleResult.of(out);
        }
    }

    /** A context-aware rule: {@code password = "…"} assignments. */
    public static final class Assignment implements Rule<TextFile> {
        public static final RuleInfo INFO = RuleInfo.builder("test/assignment").name("Assignment").severity(Severity.HIGH)
                .summary("a password assignment").help("help").cwe(259).build();
        private static final Pattern P = Pattern.compile("(\\w+) = \"([^\"]*)\"");

        @Override public RuleInfo info() { return INFO; }
        @Override public Class<TextFile> inputType() { return TextFile.class; }

        @Override
        public RuleResult check(TextFile file, ScanContext context) {
            List<Finding> out = new ArrayList<>();
            Matcher m = P.matcher(file.text());
            while (m.find()) {
                if (m.group(1).contains("password")) {
                    out.add(Finding.builder(INFO).location(file.location(m.start(2), m.end(2)))
                            .logicalPosition(m.group(1)).message("literal assigned to " + m.group(1))
                            .secret(m.group(2)).build());
                }
            }
            return RuleResult.of(out);
        }
    }

    /** Parsed "lines" input for files ending in .lines; a file holding "BROKEN" does not parse. */
    public record Lines(TextFile file, List<String> lines) {
    }

    public static final class LinesReader implements InputReader<Lines> {
        @Override public Class<Lines> inputType() { return Lines.class; }
        @Override public boolean accepts(TextFile file) { return file.extension().equals("lines"); }

        @Override
        public Lines read(TextFile file) throws InputException {
            int broken = file.text().indexOf("BROKEN");
            if (broken >= 0) {
                throw new InputException("unexpected marker", file.lineOf(broken));
            }
            return new Lines(file, List.of(file.text().split("\\R")));
        }
    }

    public static final FactKey<String> NAMES = new FactKey<>("names", String.class);

    /** Records the first line of every .lines file as a fact. */
    public static final class NameIndexer implements Indexer<Lines> {
        @Override public Class<Lines> inputType() { return Lines.class; }

        @Override
        public List<Fact<?>> index(Lines input) {
            return List.of(NAMES.of(input.lines().get(0)));
        }
    }

    /** Reports each .lines file whose lines mention a name another file declared. */
    public static final class CrossFile implements Rule<Lines> {
        public static final RuleInfo INFO = RuleInfo.builder("test/cross-file").name("CrossFile").severity(Severity.LOW)
                .summary("mentions another file's name").help("help").build();

        @Override public RuleInfo info() { return INFO; }
        @Override public Class<Lines> inputType() { return Lines.class; }

        @Override
        public RuleResult check(Lines input, ScanContext context) {
            List<Finding> out = new ArrayList<>();
            for (int i = 1; i < input.lines().size(); i++) {
                if (context.facts(NAMES).contains(input.lines().get(i))) {
                    out.add(Finding.builder(INFO).location(input.file().lineLocation(i + 1))
                            .logicalPosition("line-ref").message("mentions " + input.lines().get(i)).build());
                }
            }
            return RuleResult.of(out);
        }
    }

    /** A rule that always fails, to prove one broken rule does not stop a scan. */
    public static final class Crashing implements Rule<TextFile> {
        public static final RuleInfo INFO = RuleInfo.builder("test/crashing").name("Crashing").severity(Severity.LOW)
                .summary("crashes").help("help").build();

        @Override public RuleInfo info() { return INFO; }
        @Override public Class<TextFile> inputType() { return TextFile.class; }

        @Override
        public RuleResult check(TextFile file, ScanContext context) {
            if (file.fileName().startsWith("crash")) {
                throw new IllegalStateException("boom with secret tok_abcdefghijkl");
            }
            return RuleResult.NONE;
        }
    }

    public static RuleSet all() {
        return new RuleSet(List.of(new LinesReader()), List.of(new NameIndexer()),
                List.of(new Token(), new Assignment(), new CrossFile(), new Crashing()));
    }
}
