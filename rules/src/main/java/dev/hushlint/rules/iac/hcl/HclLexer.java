package dev.hushlint.rules.iac.hcl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits HCL text into tokens on demand, in one forward pass. A quoted string or heredoc becomes one token
 * whose value is the template text: escapes decoded, {@code ${…}} and {@code %{…}} sequences kept verbatim.
 * Here those sequences are scanned only to find where they end (iteratively, so no input can overflow the
 * stack); the token lists them, and the parser checks their grammar with a lexer over each one's body.
 * Comments make no tokens (their places are kept, to leave them out of source text); consecutive line ends
 * (with the blank lines and comments between them) become one {@link Kind#NEWLINE} token, because HCL ends
 * an attribute at a line end.
 */
final class HclLexer {

    enum Kind {
        IDENT("identifier"), NUMBER("number"), STRING("string"), HEREDOC("heredoc"),
        LBRACE("'{'"), RBRACE("'}'"), LBRACK("'['"), RBRACK("']'"), LPAREN("'('"), RPAREN("')'"),
        COMMA("','"), DOT("'.'"), ELLIPSIS("'...'"), EQUALS("'='"), COLON("':'"), DOUBLE_COLON("'::'"),
        QUESTION("'?'"), ARROW("'=>'"), PLUS("'+'"), MINUS("'-'"), STAR("'*'"), SLASH("'/'"), PERCENT("'%'"),
        NOT("'!'"), AND("'&&'"), OR("'||'"), EQ("'=='"), NE("'!='"), LT("'<'"), LE("'<='"), GT("'>'"),
        GE("'>='"), NEWLINE("end of line"), EOF("end of file");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /**
     * One token. {@code value}: the name of an identifier, the literal of a number, the decoded template
     * text of a string or heredoc; {@code templated} when that text holds an interpolation or directive, and
     * then {@code sequences} holds, for each, three ints: '$' or '%', the offsets of its body's start and of
     * its closing '}'.
     */
    record Token(Kind kind, int start, int end, int line, int column, int endLine, int endColumn,
                 String value, boolean templated, int[] sequences) {
    }

    private static final char BOM = '\uFEFF';
    private static final int IN_STRING = -1;
    private static final int IN_HEREDOC = -2;

    private final String text;
    /** The text as an array: the lexer reads every character, and array reads are the cheapest. */
    private final char[] chars;
    private final int length;
    private final int maxDepth;
    private final int[] lineStarts;
    private int lineCursor;
    private int pos;
    /** Start and end offsets of the comments read so far, in order. */
    private int[] comments = new int[16];
    private int commentCount;

    HclLexer(String text, int maxDepth) {
        this.text = text;
        this.chars = text.toCharArray();
        this.length = chars.length;
        this.maxDepth = maxDepth;
        this.lineStarts = lineStarts(text);
        this.pos = length > 0 && chars[0] == BOM ? 1 : 0;
    }

    /** A lexer for the characters {@code [start, end)} of its parent's text, such as an interpolation's body. */
    HclLexer(HclLexer parent, int start, int end) {
        this.text = parent.text;
        this.chars = parent.chars;
        this.length = end;
        this.maxDepth = parent.maxDepth;
        this.lineStarts = parent.lineStarts;
        int i = Arrays.binarySearch(lineStarts, start);
        this.lineCursor = i >= 0 ? i : -i - 2;
        this.pos = start;
    }

    /** 1-based line of an offset. Offsets are asked for in increasing order, so a forward cursor suffices. */
    int lineOf(int offset) {
        if (offset < lineStarts[lineCursor]) {
            int i = Arrays.binarySearch(lineStarts, 0, lineCursor + 1, offset);
            return i >= 0 ? i + 1 : -i - 1;
        }
        while (lineCursor + 1 < lineStarts.length && lineStarts[lineCursor + 1] <= offset) {
            lineCursor++;
        }
        return lineCursor + 1;
    }

    /** 1-based column (UTF-16 code units) of an offset on its line; a leading byte-order mark is not counted. */
    private int columnOf(int offset, int line) {
        int lineStart = lineStarts[line - 1];
        if (line == 1 && length > 0 && chars[0] == BOM) {
            lineStart = 1;
        }
        return offset - lineStart + 1;
    }

    Token next() throws HclException {
        skipBlanksAndComments();
        if (pos >= length) {
            return token(Kind.EOF, pos, pos, null, false);
        }
        int start = pos;
        char c = chars[pos];
        switch (c) {
            case '\n', '\r' -> {
                while (pos < length && (chars[pos] == '\n' || chars[pos] == '\r')) {
                    pos++;
                    skipBlanksAndComments();
                }
                int end = chars[start] == '\r' && start + 1 < length && chars[start + 1] == '\n'
                        ? start + 2 : start + 1;
                return token(Kind.NEWLINE, start, end, null, false);
            }
            case '"' -> {
                return quoted(start);
            }
            case '{' -> {
                return single(Kind.LBRACE);
            }
            case '}' -> {
                return single(Kind.RBRACE);
            }
            case '[' -> {
                return single(Kind.LBRACK);
            }
            case ']' -> {
                return single(Kind.RBRACK);
            }
            case '(' -> {
                return single(Kind.LPAREN);
            }
            case ')' -> {
                return single(Kind.RPAREN);
            }
            case ',' -> {
                return single(Kind.COMMA);
            }
            case '?' -> {
                return single(Kind.QUESTION);
            }
            case '+' -> {
                return single(Kind.PLUS);
            }
            case '-' -> {
                return single(Kind.MINUS);
            }
            case '*' -> {
                return single(Kind.STAR);
            }
            case '/' -> {
                return single(Kind.SLASH);
            }
            case '%' -> {
                return single(Kind.PERCENT);
            }
            case '.' -> {
                if (at(pos + 1) == '.' && at(pos + 2) == '.') {
                    return fixed(Kind.ELLIPSIS, 3);
                }
                return single(Kind.DOT);
            }
            case ':' -> {
                return at(pos + 1) == ':' ? fixed(Kind.DOUBLE_COLON, 2) : single(Kind.COLON);
            }
            case '=' -> {
                if (at(pos + 1) == '=') {
                    return fixed(Kind.EQ, 2);
                }
                return at(pos + 1) == '>' ? fixed(Kind.ARROW, 2) : single(Kind.EQUALS);
            }
            case '!' -> {
                return at(pos + 1) == '=' ? fixed(Kind.NE, 2) : single(Kind.NOT);
            }
            case '<' -> {
                if (at(pos + 1) == '<') {
                    return heredoc(start);
                }
                return at(pos + 1) == '=' ? fixed(Kind.LE, 2) : single(Kind.LT);
            }
            case '>' -> {
                return at(pos + 1) == '=' ? fixed(Kind.GE, 2) : single(Kind.GT);
            }
            case '&' -> {
                if (at(pos + 1) == '&') {
                    return fixed(Kind.AND, 2);
                }
            }
            case '|' -> {
                if (at(pos + 1) == '|') {
                    return fixed(Kind.OR, 2);
                }
            }
            default -> {
                if (isDigit(c)) {
                    return number(start);
                }
                if (isIdentifierStart(c)) {
                    while (pos < length && isIdentifierPart(chars[pos])) {
                        pos++;
                    }
                    return token(Kind.IDENT, start, pos, text.substring(start, pos), false);
                }
            }
        }
        throw new HclException("unexpected character " + describe(c), lineOf(start));
    }

    private void skipBlanksAndComments() throws HclException {
        while (pos < length) {
            char c = chars[pos];
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '#' || (c == '/' && at(pos + 1) == '/')) {
                int start = pos;
                pos = lineEnd(pos);
                recordComment(start, pos);
            } else if (c == '/' && at(pos + 1) == '*') {
                int start = pos;
                pos = blockCommentEnd(pos);
                recordComment(start, pos);
            } else {
                return;
            }
        }
    }

    private void recordComment(int start, int end) {
        if (commentCount * 2 + 2 > comments.length) {
            comments = Arrays.copyOf(comments, comments.length * 2);
        }
        comments[commentCount * 2] = start;
        comments[commentCount * 2 + 1] = end;
        commentCount++;
    }

    /**
     * The characters {@code [start, end)} without the comments among them (a block comment leaves a blank):
     * the source text of an expression that spans several lines keeps no comment.
     */
    String sourceWithoutComments(int start, int end) {
        int lo = 0;
        int hi = commentCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comments[mid * 2 + 1] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo >= commentCount || comments[lo * 2] >= end) {
            return text.substring(start, end);
        }
        StringBuilder source = new StringBuilder(end - start);
        int at = start;
        for (int k = lo; k < commentCount && comments[k * 2] < end; k++) {
            source.append(chars, at, comments[k * 2] - at);
            if (chars[comments[k * 2]] == '/' && chars[comments[k * 2] + 1] == '*') {
                source.append(' ');
            }
            at = comments[k * 2 + 1];
        }
        return source.append(chars, at, end - at).toString();
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < length && chars[i] != '\n' && chars[i] != '\r') {
            i++;
        }
        return i;
    }

    private int blockCommentEnd(int start) throws HclException {
        int close = text.indexOf("*/", start + 2);
        if (close < 0 || close + 2 > length) {
            throw new HclException("unterminated comment: '/*' has no closing '*/'", lineOf(start));
        }
        return close + 2;
    }

    private Token number(int start) {
        while (isDigit(at(pos))) {
            pos++;
        }
        if (at(pos) == '.' && isDigit(at(pos + 1))) {
            pos++;
            while (isDigit(at(pos))) {
                pos++;
            }
        }
        if (at(pos) == 'e' || at(pos) == 'E') {
            int sign = at(pos + 1) == '+' || at(pos + 1) == '-' ? 1 : 0;
            if (isDigit(at(pos + 1 + sign))) {
                pos += 1 + sign;
                while (isDigit(at(pos))) {
                    pos++;
                }
            }
        }
        return token(Kind.NUMBER, start, pos, text.substring(start, pos), false);
    }

    /** A quoted template: escapes decoded, interpolations and directives kept as written. */
    private Token quoted(int start) throws HclException {
        StringBuilder value = new StringBuilder();
        boolean templated = false;
        Sequences sequences = null;
        int i = start + 1;
        while (true) {
            if (i >= length) {
                throw new HclException("unterminated string: no closing quote", lineOf(start));
            }
            char c = chars[i];
            if (c == '"') {
                pos = i + 1;
                return token(Kind.STRING, start, pos, value.toString(), templated, Sequences.toArray(sequences));
            } else if (c == '\n' || c == '\r') {
                throw new HclException("unterminated string: a quoted string cannot span lines", lineOf(start));
            } else if (c == '\\') {
                i = escape(i, value);
            } else if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
                // "$${" and "%%{" stay as written: the value is template text, as in Terraform's JSON syntax
                value.append(text, i, i + 3);
                i += 3;
            } else if ((c == '$' || c == '%') && at(i + 1) == '{') {
                int end = templateSequenceEnd(i + 2, start);
                sequences = Sequences.add(sequences, c, i + 2, end - 1);
                value.append(text, i, end);
                templated = true;
                i = end;
            } else {
                value.append(c);
                i++;
            }
        }
    }

    private int escape(int backslash, StringBuilder value) throws HclException {
        char kind = at(backslash + 1);
        switch (kind) {
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case 'u', 'U' -> {
                int digits = kind == 'u' ? 4 : 8;
                int codePoint = 0;
                for (int k = 0; k < digits; k++) {
                    int digit = Character.digit(at(backslash + 2 + k), 16);
                    if (digit < 0) {
                        throw new HclException("invalid unicode escape in a string: \\" + kind + " needs "
                                + digits + " hex digits", lineOf(backslash));
                    }
                    codePoint = codePoint * 16 + digit;
                }
                if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    throw new HclException("invalid unicode escape in a string: not a character",
                            lineOf(backslash));
                }
                value.appendCodePoint(codePoint);
                return backslash + 2 + digits;
            }
            default -> throw new HclException("invalid escape sequence in a string (allowed: \\n \\r \\t \\\" "
                    + "\\\\ \\uNNNN \\UNNNNNNNN)", lineOf(backslash));
        }
        return backslash + 2;
    }

    /**
     * The offset just past the '}' closing a {@code ${} or {@code %{} sequence whose body starts at
     * {@code from}. Nested strings, heredocs and braces are followed with an explicit stack: an entry is
     * {@link #IN_STRING}, {@link #IN_HEREDOC} (its marker in {@code markers}), or the count of open '{' in an
     * interpolation.
     */
    private int templateSequenceEnd(int from, int templateStart) throws HclException {
        int[] stack = new int[8];
        String[] markers = new String[8];
        int top = 0;
        int i = from;
        boolean lineStart = false;
        while (true) {
            if (i >= length) {
                throw new HclException("unterminated template interpolation: '${' or '%{' has no closing '}'",
                        lineOf(templateStart));
            }
            char c = chars[i];
            int frame = stack[top];
            if (frame == IN_STRING) {
                if (c == '"') {
                    top--;
                    i++;
                } else if (c == '\\') {
                    i += 2;
                } else if (c == '\n' || c == '\r') {
                    throw new HclException("unterminated string: a quoted string cannot span lines", lineOf(i));
                } else if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
                    i += 3;
                } else if ((c == '$' || c == '%') && at(i + 1) == '{') {
                    stack = push(stack, ++top, 0, i);
                    i += 2;
                } else {
                    i++;
                }
            } else if (frame == IN_HEREDOC) {
                int closed = lineStart ? closingMarkerEnd(i, markers[top]) : -1;
                lineStart = false;
                if (closed >= 0) {
                    top--;
                    i = closed;
                } else if (c == '\n' || c == '\r') {
                    i += c == '\r' && at(i + 1) == '\n' ? 2 : 1;
                    lineStart = true;
                } else if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
                    i += 3;
                } else if ((c == '$' || c == '%') && at(i + 1) == '{') {
                    stack = push(stack, ++top, 0, i);
                    i += 2;
                } else {
                    i++;
                }
            } else if (c == '{') {
                stack[top]++;
                i++;
            } else if (c == '}') {
                if (stack[top] > 0) {
                    stack[top]--;
                } else if (top == 0) {
                    return i + 1;
                } else {
                    top--;
                }
                i++;
            } else if (c == '"') {
                stack = push(stack, ++top, IN_STRING, i);
                i++;
            } else if (c == '#' || (c == '/' && at(i + 1) == '/')) {
                i = lineEnd(i);
            } else if (c == '/' && at(i + 1) == '*') {
                i = blockCommentEnd(i);
            } else if (c == '<' && at(i + 1) == '<' && (at(i + 2) == '-' || isIdentifierStart(at(i + 2)))) {
                int markerStart = at(i + 2) == '-' ? i + 3 : i + 2;
                int markerEnd = identifierEnd(markerStart);
                stack = push(stack, ++top, IN_HEREDOC, i);
                if (markers.length < stack.length) {
                    markers = Arrays.copyOf(markers, stack.length);
                }
                markers[top] = text.substring(markerStart, markerEnd);
                i = afterMarkerLine(markerEnd, i);
                lineStart = true;
            } else {
                i++;
            }
        }
    }

    private int identifierEnd(int from) {
        int i = from;
        while (i < length && isIdentifierPart(chars[i])) {
            i++;
        }
        return i;
    }

    /** The offset after the line end that must follow a heredoc's opening marker. */
    private int afterMarkerLine(int markerEnd, int heredocStart) throws HclException {
        if (at(markerEnd) == '\r' && at(markerEnd + 1) == '\n') {
            return markerEnd + 2;
        }
        if (at(markerEnd) == '\n' || at(markerEnd) == '\r') {
            return markerEnd + 1;
        }
        throw new HclException("a heredoc marker must be followed by the end of its line", lineOf(heredocStart));
    }

    /** When the line at {@code lineStart} is a heredoc's closing marker line: the offset after the marker. */
    private int closingMarkerEnd(int lineStart, String marker) {
        int indentEnd = lineStart;
        while (at(indentEnd) == ' ' || at(indentEnd) == '\t') {
            indentEnd++;
        }
        if (!text.startsWith(marker, indentEnd)) {
            return -1;
        }
        int markerEnd = indentEnd + marker.length();
        int trailing = markerEnd;
        while (at(trailing) == ' ' || at(trailing) == '\t') {
            trailing++;
        }
        return trailing == length || at(trailing) == '\n' || at(trailing) == '\r' ? markerEnd : -1;
    }

    private int[] push(int[] stack, int top, int entry, int offset) throws HclException {
        if (top >= maxDepth) {
            throw new HclException("template nesting is deeper than " + maxDepth, lineOf(offset));
        }
        int[] result = top < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
        result[top] = entry;
        return result;
    }

    /**
     * {@code <<MARKER} or {@code <<-MARKER}, a line end, lines, then the marker alone on a line (it may be
     * indented, and followed by blanks). {@code <<-} removes the smallest indentation (spaces and tabs) of
     * the lines that are not blank from each of them. Line ends in the value are {@code \n}.
     */
    private Token heredoc(int start) throws HclException {
        int i = start + 2;
        boolean flush = at(i) == '-';
        if (flush) {
            i++;
        }
        if (!isIdentifierStart(at(i))) {
            throw new HclException("expected a heredoc marker after '<<'", lineOf(start));
        }
        int markerEnd = identifierEnd(i);
        String marker = text.substring(i, markerEnd);
        i = afterMarkerLine(markerEnd, start);
        StringBuilder value = new StringBuilder();
        // where each line that starts as text (not inside an interpolation) starts in the value
        List<Integer> textLineStarts = new ArrayList<>();
        boolean templated = false;
        Sequences sequences = null;
        while (true) {
            if (i >= length) {
                throw new HclException("unterminated heredoc: no closing marker line", lineOf(start));
            }
            textLineStarts.add(value.length());
            int closed = closingMarkerEnd(i, marker);
            if (closed >= 0) {
                pos = closed;
                break;
            }
            while (i < length && chars[i] != '\n' && chars[i] != '\r') {
                char c = chars[i];
                if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
                    value.append(text, i, i + 3);
                    i += 3;
                } else if ((c == '$' || c == '%') && at(i + 1) == '{') {
                    int end = templateSequenceEnd(i + 2, i);
                    sequences = Sequences.add(sequences, c, i + 2, end - 1);
                    appendWithNewlines(value, i, end);
                    templated = true;
                    i = end;
                } else {
                    value.append(c);
                    i++;
                }
            }
            if (i >= length) {
                throw new HclException("unterminated heredoc: no closing marker line", lineOf(start));
            }
            i += chars[i] == '\r' && at(i + 1) == '\n' ? 2 : 1;
            value.append('\n');
        }
        String result = flush ? stripIndent(value, textLineStarts) : value.toString();
        return token(Kind.HEREDOC, start, pos, result, templated, Sequences.toArray(sequences));
    }

    private void appendWithNewlines(StringBuilder value, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = chars[k];
            if (c == '\r') {
                value.append('\n');
                if (k + 1 < to && chars[k + 1] == '\n') {
                    k++;
                }
            } else {
                value.append(c);
            }
        }
    }

    /**
     * As Terraform does: the smallest indentation of the text lines that are not blank is removed from each of
     * them; lines of only blanks, and lines that continue an interpolation, stay as they are.
     */
    private static String stripIndent(CharSequence value, List<Integer> textLineStarts) {
        String[] lines = value.toString().split("\n", -1);
        boolean[] strippable = new boolean[lines.length];
        int smallest = Integer.MAX_VALUE;
        int offset = 0;
        int next = 0;
        for (int k = 0; k < lines.length; k++) {
            while (next < textLineStarts.size() && textLineStarts.get(next) < offset) {
                next++;
            }
            boolean textLine = next < textLineStarts.size() && textLineStarts.get(next) == offset;
            int indent = indentOf(lines[k]);
            strippable[k] = textLine && indent < lines[k].length();
            if (strippable[k]) {
                smallest = Math.min(smallest, indent);
            }
            offset += lines[k].length() + 1;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int k = 0; k < lines.length; k++) {
            out.append(lines[k], strippable[k] ? smallest : 0, lines[k].length());
            if (k < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
            indent++;
        }
        return indent;
    }

    private Token single(Kind kind) {
        return fixed(kind, 1);
    }

    private Token fixed(Kind kind, int width) {
        int start = pos;
        pos += width;
        return token(kind, start, pos, null, false);
    }

    private Token token(Kind kind, int start, int end, String value, boolean templated) {
        return token(kind, start, end, value, templated, null);
    }

    private Token token(Kind kind, int start, int end, String value, boolean templated, int[] sequences) {
        int line = lineOf(start);
        int column = columnOf(start, line);
        int endLine = lineOf(end);
        return new Token(kind, start, end, line, column, endLine, columnOf(end, endLine), value, templated,
                sequences);
    }

    /** The template sequences of one string or heredoc, as {@link Token#sequences()} holds them. */
    private static final class Sequences {
        private int[] data = new int[6];
        private int size;

        static Sequences add(Sequences sequences, char kind, int bodyStart, int close) {
            Sequences result = sequences == null ? new Sequences() : sequences;
            if (result.size + 3 > result.data.length) {
                result.data = Arrays.copyOf(result.data, result.data.length * 2);
            }
            result.data[result.size++] = kind;
            result.data[result.size++] = bodyStart;
            result.data[result.size++] = close;
            return result;
        }

        static int[] toArray(Sequences sequences) {
            return sequences == null ? null : Arrays.copyOf(sequences.data, sequences.size);
        }
    }

    private char at(int offset) {
        return offset < length ? chars[offset] : '\0';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isLetter(c);
    }

    static boolean isIdentifierPart(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        return Character.isLetterOrDigit(c)
                || (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int count = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
