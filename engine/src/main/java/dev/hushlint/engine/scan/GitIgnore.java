package dev.hushlint.engine.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .gitignore} rules: a chain of files, each rule relative to the directory of its file. Supports
 * comments, negation ({@code !}), directory-only rules (trailing {@code /}), anchoring (a {@code /} at
 * the start or in the middle), {@code *}, {@code ?}, {@code [...]} and {@code **}. The last matching rule
 * wins, as in git.
 */
final class GitIgnore {

    record Rule(Path dir, Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static GitIgnore empty() {
        return new GitIgnore(List.of());
    }

    /** This chain plus the rules of {@code file}, if it exists. */
    GitIgnore withFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return this;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return this;
        }
        List<Rule> all = new ArrayList<>(rules);
        for (String raw : lines) {
            Rule rule = parse(file.getParent(), raw);
            if (rule != null) {
                all.add(rule);
            }
        }
        return new GitIgnore(all);
    }

    GitIgnore plus(Rule rule) {
        List<Rule> all = new ArrayList<>(rules);
        all.add(rule);
        return new GitIgnore(all);
    }

    boolean ignored(Path path, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.directoryOnly && !directory) {
                continue;
            }
            if (!path.startsWith(rule.dir)) {
                continue;
            }
            String relative = rule.dir.relativize(path).toString().replace('\\', '/');
            if (rule.pattern.matcher(relative).matches()) {
                ignored = !rule.negated;
            }
        }
        return ignored;
    }

    static Rule parse(Path dir, String raw) {
        String line = raw;
        // trailing spaces are ignored unless escaped
        while (line.endsWith(" ") && !line.endsWith("\\ ")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        boolean negated = false;
        if (line.startsWith("!")) {
            negated = true;
            line = line.substring(1);
        } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
            line = line.substring(1);
        }
        boolean directoryOnly = line.endsWith("/");
        if (directoryOnly) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            return null;
        }
        boolean anchored = line.contains("/");
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        String regex = toRegex(line);
        if (!anchored) {
            regex = "(?:.*/)?" + regex;
        }
        return new Rule(dir, Pattern.compile(regex), negated, directoryOnly);
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < n && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
                    if (slashAfter) {
                        sb.append("(?:.*/)?");
                        i += 2;
                    } else {
                        sb.append(".*");
                        i += 1;
                    }
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close < 0) {
                    sb.append("\\[");
                } else {
                    String set = glob.substring(i + 1, close);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    sb.append('[').append(set.replace("\\", "\\\\")).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < n) {
                sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // a pattern also ignores everything below a matched directory
        sb.append("(?:/.*)?");
        return sb.toString();
    }
}
