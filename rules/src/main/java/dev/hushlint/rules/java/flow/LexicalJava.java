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

    /** Type declarations with at least one supertype, read from comment- and string-free code. */
    public static List<TypeHeader> typeHeaders(String code) {
        List<TypeHeader> headers = new ArrayList<>();
        Matcher m = TYPE_KEYWORD.matcher(code);
        while (m.find()) {
            int open = code.indexOf('{', m.end());
            if (open < 0) {
                break;
            }
            String header = stripNested(code.substring(m.end(), open));
            if (header == null || header.indexOf(';') >= 0 || header.indexOf('}') >= 0 || header.indexOf('=') >= 0) {
                continue;
            }
            List<String> supertypes = supertypes(header);
            if (!supertypes.isEmpty()) {
                headers.add(new TypeHeader(m.group(2), supertypes));
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

    /** 0-based start offsets of each line. */
    public static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
