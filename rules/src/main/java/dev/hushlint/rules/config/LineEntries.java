package dev.hushlint.rules.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Line-oriented formats: Java {@code .properties}, {@code .env}, {@code .npmrc}, Dockerfile {@code ENV}/{@code ARG}. */
final class LineEntries {

    private LineEntries() {
    }

    /** A logical line (continuations joined) and the physical line it starts on. */
    private record Logical(String text, int line) {
    }

    static List<ConfigEntry> properties(String text) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Logical l : logicalLines(text, true)) {
            String s = l.text().stripLeading();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("!")) {
                continue;
            }
            int i = 0;
            StringBuilder key = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    key.append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    break;
                }
                key.append(c);
                i++;
            }
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && (s.charAt(i) == '=' || s.charAt(i) == ':')) {
                i++;
            }
            String value = unescapeProperty(s.substring(i).strip());
            out.add(new ConfigEntry(key.toString(), key.toString(), value, l.line()));
        }
        return out;
    }

    static List<ConfigEntry> env(String text) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Logical l : logicalLines(text, false)) {
            String s = l.text().strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("export ")) {
                s = s.substring(7).strip();
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = s.substring(0, eq).strip();
            out.add(new ConfigEntry(key, key, shellValue(s.substring(eq + 1)), l.line()));
        }
        return out;
    }

    static List<ConfigEntry> npmrc(String text) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Logical l : logicalLines(text, false)) {
            String s = l.text().strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = s.substring(0, eq).strip();
            String name = key.startsWith("//") && key.lastIndexOf(':') > 1 ? key.substring(key.lastIndexOf(':') + 1) : key;
            out.add(new ConfigEntry(key, name, shellValue(s.substring(eq + 1)), l.line()));
        }
        return out;
    }

    static List<ConfigEntry> dockerfile(String text) {
        List<ConfigEntry> out = new ArrayList<>();
        for (Logical l : logicalLines(text, true)) {
            String s = l.text().strip();
            String upper = s.toUpperCase(Locale.ROOT);
            if (!(upper.startsWith("ENV ") || upper.startsWith("ARG "))) {
                continue;
            }
            String rest = s.substring(4).strip();
            List<String> words = shellWords(rest);
            if (words.isEmpty()) {
                continue;
            }
            if (!words.get(0).contains("=")) {
                // legacy form: ENV KEY value with spaces
                if (upper.startsWith("ENV ") && words.size() >= 2) {
                    int space = rest.indexOf(' ');
                    out.add(new ConfigEntry(words.get(0), words.get(0), shellValue(rest.substring(space + 1)), l.line()));
                }
                continue;
            }
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    String key = w.substring(0, eq);
                    out.add(new ConfigEntry(key, key, w.substring(eq + 1), l.line()));
                }
            }
        }
        return out;
    }

    private static List<Logical> logicalLines(String text, boolean continuations) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        List<Logical> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int start = i;
            StringBuilder b = new StringBuilder(lines[i]);
            while (continuations && endsWithContinuation(b) && i + 1 < lines.length) {
                b.setLength(b.length() - 1);
                b.append(lines[++i].stripLeading());
            }
            out.add(new Logical(b.toString(), start + 1));
        }
        return out;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String unescapeProperty(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        if (i + 4 < s.length()) {
                            try {
                                b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                                i += 4;
                            } catch (NumberFormatException ex) {
                                b.append('u');
                            }
                        }
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A shell-style value: quotes removed, an unquoted trailing comment dropped. */
    static String shellValue(String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            int end = s.indexOf(s.charAt(0), 1);
            return end > 0 ? s.substring(1, end) : s.substring(1);
        }
        int comment = s.indexOf(" #");
        return comment >= 0 ? s.substring(0, comment).strip() : s;
    }

    private static List<String> shellWords(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
