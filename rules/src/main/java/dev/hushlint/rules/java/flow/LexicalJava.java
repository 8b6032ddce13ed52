package dev.hushlint.rules.java.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap looks at Java source text, for prefilters and the first (index) pass: no parse. Good enough to
 * decide whether a file is worth parsing; never the basis of a finding on its own.
 */
public final class LexicalJava {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE_KEYWORD = Pattern.compile("\\b(class|interface|record|enum)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    /** A type declaration's header: its simple name and the simple names of the types it extends or implements. */
    public record TypeHeader(String simpleName, List<String> supertypes) {
    }

    private LexicalJava() {
    }

    /**
     * The text with comments blanked and string/char literal contents replaced by spaces (quotes kept), so
     * offsets and line breaks stay where they were.
     */
    public static String codeOnly(String text) {
        char[] out = text.toCharArray();
        int n = out.length;
        int i = 0;
        while (i < n) {
            char c = out[i];
            if (c == '/' && i + 1 < n && out[i + 1] == '/') {
                while (i < n && out[i] != '\n' && out[i] != '\r') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < n && out[i + 1] == '*') {
                while (i < n && !(out[i] == '*' && i + 1 < n && out[i + 1] == '/')) {
                    if (out[i] != '\n' && out[i] != '\r') {
                        out[i] = ' ';
                    }
                    i++;
                }
                if (i < n) {
                    out[i++] = ' ';
                }
                if (i < n) {
                    out[i++] = ' ';
                }
            } else if (c == '"' && i + 2 < n && out[i + 1] == '"' && out[i + 2] == '"') {
                i += 3;
                while (i < n && !(out[i] == '"' && i + 2 < n && out[i + 1] == '"' && out[i + 2] == '"')) {
                    if (out[i] == '\\' && i + 1 < n) {
                        out[i++] = ' ';
                    }
                    if (out[i] != '\n' && out[i] != '\r') {
                        out[i] = ' ';
                    }
                    i++;
                }
                i += 3;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && out[i] != c && out[i] != '\n') {
                    if (out[i] == '\\' && i + 1 < n) {
                        out[i++] = ' ';
                    }
                    out[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** The declared package, or "". */
    public static String packageName(String text) {
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Type declarations with at least one supertype, found from each {@code extends}/{@code implements}
     * keyword by looking back for its {@code class}/{@code interface}/{@code record}/{@code enum} header:
     * only {@code indexOf} over files that hold no such keyword. Raw text (comments included), so a commented
     * out declaration may add an edge; the hierarchy tolerates that.
     */
    public static List<TypeHeader> typeHeaders(String text) {
        List<TypeHeader> headers = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (String keyword : new String[]{"extends", "implements"}) {
            int from = 0;
            int at;
            while ((at = text.indexOf(keyword, from)) >= 0) {
                from = at + keyword.length();
                if (at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1))
                        || from < text.length() && Character.isJavaIdentifierPart(text.charAt(from))) {
                    continue;
                }
                int segmentStart = Math.max(Math.max(text.lastIndexOf(';', at), text.lastIndexOf('{', at)),
                        text.lastIndexOf('}', at)) + 1;
                int open = text.indexOf('{', at);
                if (open < 0) {
                    break;
                }
                Matcher m = TYPE_KEYWORD.matcher(text).region(segmentStart, at);
                int start = -1;
                int nameEnd = -1;
                String name = null;
                while (m.find()) {
                    start = m.start();
                    nameEnd = m.end();
                    name = m.group(2);
                }
                if (name == null || !seen.add(start)) {
                    continue;
                }
                String header = stripNested(text.substring(nameEnd, open));
                if (header == null || header.indexOf(';') >= 0 || header.indexOf('}') >= 0 || header.indexOf('=') >= 0) {
                    continue;
                }
                List<String> supertypes = supertypes(header);
                if (!supertypes.isEmpty()) {
                    headers.add(new TypeHeader(name, supertypes));
                }
            }
        }
        return headers;
    }

    /** Removes balanced {@code <…>} and {@code (…)} groups (type arguments, record components); null when unbalanced. */
    private static String stripNested(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int angle = 0;
        int paren = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> angle++;
                case '>' -> angle--;
                case '(' -> paren++;
                case ')' -> paren--;
                default -> {
                    if (angle == 0 && paren == 0) {
                        out.append(c);
                    }
                }
            }
            if (angle < 0 || paren < 0) {
                return null;
            }
        }
        return angle == 0 && paren == 0 ? out.toString() : null;
    }

    private static List<String> supertypes(String header) {
        List<String> names = new ArrayList<>();
        Matcher id = IDENTIFIER.matcher(header);
        boolean inList = false;
        while (id.find()) {
            String word = id.group();
            switch (word) {
                case "extends", "implements" -> inList = true;
                case "permits" -> inList = false;
                default -> {
                    if (inList) {
                        // keep the last segment of a qualified name: a.b.RequestHandler -> RequestHandler
                        int end = id.end();
                        if (end < header.length() && header.charAt(end) == '.') {
                            continue;
                        }
                        names.add(word);
                    }
                }
            }
        }
        return names;
    }
}
