package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.iac.hcl.HclLexer.Kind;
import dev.hushlint.rules.iac.hcl.HclLexer.Token;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ExpressionNode;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import dev.hushlint.rules.tree.Node.ScalarNode;
import dev.hushlint.rules.tree.Position;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for HCL2 native syntax (Terraform {@code .tf}, {@code .tfvars}) that keeps every node's
 * position and never evaluates anything: no function runs, no variable resolves, no data source fetches.
 *
 * <p>The result is shaped like Terraform's JSON configuration syntax:
 * <ul>
 *   <li>A top-level block maps by its type, then by each label: {@code resource "aws_s3_bucket" "b" {…}} is
 *   {@code root.resource.aws_s3_bucket.b} = the body. Several top-level blocks with the same type and labels
 *   (two {@code provider "aws"} blocks with aliases, two {@code terraform} blocks) become a {@link ListNode}
 *   of their bodies at that place; a single one is the body itself.</li>
 *   <li>All top-level {@code locals} blocks merge into one map {@code root.locals} (a local defined twice is
 *   an error, as in Terraform).</li>
 *   <li>A nested block (inside another block) always becomes a {@link ListNode} of bodies under its type,
 *   even when it occurs once: {@code environment { variables = {…} }} is {@code body.environment[0]}. A nested
 *   block with labels ({@code dynamic "statement" {…}}) is an item mapping the labels to its body:
 *   {@code body.dynamic[0].statement}.</li>
 *   <li>Attributes. A quoted string or heredoc is a {@link ScalarNode} holding the template text: escapes
 *   decoded; {@code ${…}}, {@code %{…}}, {@code $${} and {@code %%{} kept as written, as in Terraform's JSON
 *   syntax; heredoc line ends are {@code \n}. A number is a {@link Long} when whole and in range, however
 *   written ({@code 1e3} is 1000), otherwise a {@link BigDecimal}; {@code true}, {@code false} and
 *   {@code null} are scalars. A tuple is a {@link ListNode}; an object is a {@link MapNode} (a key that is
 *   neither a name nor a string, such as {@code (var.k)}, is keyed by its source text; a repeated key replaces
 *   the earlier one, as in Terraform). A function call is an {@link ExpressionNode} with the function's name
 *   and its parsed arguments, so {@code jsonencode({Statement = […]})} exposes the policy as a map. Everything
 *   else (references, operators, conditionals, for expressions, indexing a call's result) is an
 *   {@link ExpressionNode} with its source text only (without the comments inside it). Parentheses around
 *   an expression are transparent; {@code -} before a number literal gives a negative number.</li>
 *   <li>Positions: 1-based, end exclusive, columns in UTF-16 code units. A block body's position starts at
 *   its type keyword (the header line) and ends after its closing brace; map keys keep theirs in
 *   {@code keyPositions} (block type keyword, label, attribute name, object key). A heredoc's position runs
 *   from {@code <<} to its closing marker, so it spans several lines (a quoted string never does), and line
 *   {@code k} of its value (from 1) is line {@code position.line + k} of the file: a JSON policy read from it
 *   maps back line for line (a {@code <<-} heredoc's columns shift by the indentation it removed).</li>
 * </ul>
 *
 * <p>Strict: anything outside HCL's grammar (including inside template interpolations and directives, whose
 * {@code %{ if }} and {@code %{ for }} must be closed), duplicate attributes or local values, an attribute and
 * a block with one name, blocks of one type with different label counts, and the limits ({@value #MAX_DEPTH}
 * nested levels, {@value #MAX_CHARS} characters) throw {@link HclException} with the line. Checked against
 * {@code terraform fmt} on the cases in the tests' {@code syntax-cases.tsv}. Linear time: one lexer pass, a
 * parser with at most three tokens of lookahead and no backtracking; the text of a template sequence is read
 * once more for each template it is nested in, within a budget proportional to the file.
 */
public final class HclParser {

    /** Nesting limit: blocks, block labels, collections, parentheses, function calls, unary operators. */
    public static final int MAX_DEPTH = 256;
    /** Size limit, above the scanner's default file size limit. */
    public static final int MAX_CHARS = 32 * 1024 * 1024;

    private static final int MAX_NUMBER_LENGTH = 400;

    private final String text;
    private final int maxDepth;
    /** The lexer of the file, or of a template sequence while one is checked. */
    private HclLexer lexer;
    private List<Token> lookahead = new ArrayList<>(4);
    /** What the end of input is: the file's, or a template sequence's while one is checked. */
    private String endOfInput = Kind.EOF.description;
    private boolean newlinesMatter = true;
    private Token last;
    private int depth;
    /** Characters of source text the expression nodes may still copy: nested calls each copy their own. */
    private long sourceBudget;
    /** Characters of template sequences that may still be checked: a nested sequence is read once per level. */
    private long templateBudget;

    private HclParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.lexer = new HclLexer(text, maxDepth);
        this.sourceBudget = 8L * text.length() + (1 << 20);
        this.templateBudget = 4L * text.length() + (1 << 20);
    }

    /** Parses a whole file into its root body. */
    public static MapNode parse(String text) throws HclException {
        if (text.length() > MAX_CHARS) {
            throw new HclException("file is too large for the HCL reader (" + text.length()
                    + " characters, the limit is " + MAX_CHARS + ")", 1);
        }
        return parse(text, MAX_DEPTH);
    }

    /** With another nesting limit: for tests of what happens beyond the stack. */
    static MapNode parse(String text, int maxDepth) throws HclException {
        HclParser parser = new HclParser(text, maxDepth);
        try {
            return parser.file();
        } catch (StackOverflowError e) {
            // the depth limit keeps recursion within half of a default thread stack; this is for smaller stacks
            throw new HclException("nesting is too deep for the available stack", parser.currentLine());
        }
    }

    private int currentLine() {
        return last == null ? 1 : last.line();
    }

    // ---- bodies and blocks ----

    private MapNode file() throws HclException {
        BlockBuilder root = new BlockBuilder(BlockBuilder.Role.BODY, null);
        body(root, true, null);
        Token eof = peek();
        root.position = new Position(1, 1, eof.line(), eof.column());
        return (MapNode) freeze(root);
    }

    /** Reads attributes and blocks until the '}' matching {@code open} (left unread), or the end of file. */
    private void body(BlockBuilder body, boolean topLevel, Token open) throws HclException {
        boolean saved = newlinesMatter;
        newlinesMatter = true;
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE) {
                next();
                continue;
            }
            if (t.kind() == Kind.EOF) {
                if (open != null) {
                    throw new HclException("unclosed block: the '{' on line " + open.line()
                            + " has no matching '}'", open.line());
                }
                break;
            }
            if (t.kind() == Kind.RBRACE) {
                if (open == null) {
                    throw new HclException("unexpected '}': no block is open", t.line());
                }
                break;
            }
            if (t.kind() != Kind.IDENT) {
                throw unexpected(t, "an attribute name or a block type");
            }
            Token name = next();
            if (peek().kind() == Kind.EQUALS) {
                next();
                Node value = expression();
                endOfItem("an attribute");
                body.putAttribute(name, value);
            } else {
                block(body, topLevel, name);
                endOfItem("a block");
            }
        }
        newlinesMatter = saved;
    }

    private void block(BlockBuilder parent, boolean topLevel, Token type) throws HclException {
        List<Token> labels = new ArrayList<>(2);
        while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
            Token label = next();
            if (label.templated()) {
                throw new HclException("a block label cannot contain a template interpolation", label.line());
            }
            labels.add(label);
            if (labels.size() > maxDepth) {
                throw new HclException("too many block labels", label.line());
            }
        }
        Token open = peek();
        if (open.kind() != Kind.LBRACE) {
            throw unexpected(open, labels.isEmpty() ? "'=' or '{' after a name" : "'{' after the block labels");
        }
        next();
        enter(1 + labels.size(), open);
        BlockBuilder body = new BlockBuilder(BlockBuilder.Role.BODY, null);
        Kind first = peek().kind();
        if (first == Kind.NEWLINE) {
            body(body, false, open);
        } else if (first != Kind.RBRACE) {
            // a single-line block holds at most one attribute: a { b = 1 }
            Token name = expect(Kind.IDENT, "an attribute or a line end after '{'");
            expect(Kind.EQUALS, "'=' (a block on one line holds one attribute)");
            body.putAttribute(name, expression());
            if (peek().kind() != Kind.RBRACE) {
                throw unexpected(peek(), "'}' to close a block on one line");
            }
        }
        Token close = next();
        leave(1 + labels.size());
        body.position = span(type, close);
        parent.putBlock(topLevel, type, labels, body);
    }

    private void endOfItem(String what) throws HclException {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE) {
            next();
        } else if (t.kind() != Kind.EOF) {
            throw unexpected(t, "the end of the line after " + what);
        }
    }

    // ---- expressions ----

    private Node expression() throws HclException {
        Token first = peek();
        enter(1, first);
        Node condition = binary(1);
        Node result = condition;
        if (peek().kind() == Kind.QUESTION) {
            next();
            expression();
            expect(Kind.COLON, "':' in a conditional expression");
            expression();
            result = source(first);
        }
        leave(1);
        return result;
    }

    /** Precedence climbing: one frame per operand, however long the operator chain. */
    private Node binary(int minPrecedence) throws HclException {
        Token first = peek();
        Node left = unary();
        boolean operation = false;
        while (true) {
            int precedence = precedence(peek().kind());
            if (precedence == 0 || precedence < minPrecedence) {
                break;
            }
            next();
            binary(precedence + 1);
            operation = true;
        }
        return operation ? source(first) : left;
    }

    private static int precedence(Kind kind) {
        return switch (kind) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE -> 3;
            case LT, LE, GT, GE -> 4;
            case PLUS, MINUS -> 5;
            case STAR, SLASH, PERCENT -> 6;
            default -> 0;
        };
    }

    private Node unary() throws HclException {
        Token operator = peek();
        if (operator.kind() != Kind.MINUS && operator.kind() != Kind.NOT) {
            return postfix();
        }
        next();
        enter(1, operator);
        Node operand = unary();
        leave(1);
        if (operator.kind() == Kind.MINUS && operand instanceof ScalarNode scalar
                && scalar.value() instanceof Number n) {
            Number negated = n instanceof Long l && l != Long.MIN_VALUE ? (Number) (-l) : toBigDecimal(n).negate();
            return new ScalarNode(negated, span(operator, last));
        }
        return source(operator);
    }

    /** A term followed by attribute access, indexes and splats. */
    private Node postfix() throws HclException {
        Token first = peek();
        Node term = term();
        if (first.kind() == Kind.NUMBER) {
            return term;
        }
        boolean traversed = false;
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.DOT) {
                next();
                Token step = next();
                boolean legacyIndex = step.kind() == Kind.NUMBER && step.value().chars().allMatch(HclParser::isDigit);
                if (step.kind() != Kind.IDENT && !legacyIndex && step.kind() != Kind.STAR) {
                    throw unexpected(step, "an attribute name or index after '.'");
                }
            } else if (t.kind() == Kind.LBRACK) {
                next();
                // a splat is "[*]" on one line; an index expression may span lines
                boolean splat = peek().kind() == Kind.STAR;
                boolean saved = newlinesMatter;
                newlinesMatter = false;
                if (splat) {
                    next();
                } else {
                    expression();
                }
                close(Kind.RBRACK, t, "']' after an index");
                newlinesMatter = saved;
            } else {
                break;
            }
            traversed = true;
        }
        return traversed ? source(first) : term;
    }

    private Node term() throws HclException {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new ScalarNode(number(t), span(t, t));
            }
            case STRING, HEREDOC -> {
                next();
                if (t.sequences() != null) {
                    checkTemplate(t);
                }
                return new ScalarNode(t.value(), span(t, t));
            }
            case IDENT -> {
                next();
                Kind after = peek().kind();
                if (after == Kind.LPAREN) {
                    return call(t, t.value());
                }
                if (after == Kind.DOUBLE_COLON) {
                    StringBuilder name = new StringBuilder(t.value());
                    while (peek().kind() == Kind.DOUBLE_COLON) {
                        next();
                        name.append("::").append(expect(Kind.IDENT, "a name after '::'").value());
                    }
                    if (peek().kind() != Kind.LPAREN) {
                        throw unexpected(peek(), "'(' after a provider function name");
                    }
                    return call(t, name.toString());
                }
                return switch (t.value()) {
                    case "true" -> new ScalarNode(Boolean.TRUE, span(t, t));
                    case "false" -> new ScalarNode(Boolean.FALSE, span(t, t));
                    case "null" -> new ScalarNode(null, span(t, t));
                    default -> source(t);
                };
            }
            case LBRACK -> {
                return tuple();
            }
            case LBRACE -> {
                return object();
            }
            case LPAREN -> {
                next();
                boolean saved = newlinesMatter;
                newlinesMatter = false;
                Node inner = expression();
                close(Kind.RPAREN, t, "')'");
                newlinesMatter = saved;
                return inner;
            }
            default -> throw unexpected(t, "an expression");
        }
    }

    private Node call(Token name, String function) throws HclException {
        Token open = next();
        boolean saved = newlinesMatter;
        newlinesMatter = false;
        List<Node> arguments = new ArrayList<>();
        while (true) {
            Kind k = peek().kind();
            if (k == Kind.RPAREN) {
                break;
            }
            if (k == Kind.EOF) {
                throw unclosed(open);
            }
            arguments.add(expression());
            Token separator = peek();
            if (separator.kind() == Kind.COMMA) {
                next();
            } else if (separator.kind() == Kind.ELLIPSIS) {
                next();
                if (peek().kind() != Kind.RPAREN) {
                    throw unexpected(peek(), "')' after '...'");
                }
            } else if (separator.kind() != Kind.RPAREN) {
                throw separator.kind() == Kind.EOF ? unclosed(open)
                        : unexpected(separator, "',' or ')' in the arguments of a function call");
            }
        }
        Token close = next();
        newlinesMatter = saved;
        return new ExpressionNode(copy(name.start(), close.end()), function, List.copyOf(arguments),
                span(name, close));
    }

    private Node tuple() throws HclException {
        Token open = next();
        boolean saved = newlinesMatter;
        newlinesMatter = false;
        if (isForKeyword()) {
            Node result = forExpression(open, Kind.RBRACK);
            newlinesMatter = saved;
            return result;
        }
        List<Node> items = new ArrayList<>();
        while (true) {
            Kind k = peek().kind();
            if (k == Kind.RBRACK) {
                break;
            }
            if (k == Kind.EOF) {
                throw unclosed(open);
            }
            items.add(expression());
            Token separator = peek();
            if (separator.kind() == Kind.COMMA) {
                next();
            } else if (separator.kind() != Kind.RBRACK) {
                throw separator.kind() == Kind.EOF ? unclosed(open)
                        : unexpected(separator, "',' or ']' in a tuple");
            }
        }
        Token close = next();
        newlinesMatter = saved;
        return new ListNode(Collections.unmodifiableList(items), span(open, close));
    }

    private Node object() throws HclException {
        Token open = next();
        boolean saved = newlinesMatter;
        newlinesMatter = false;
        if (isForKeyword()) {
            Node result = forExpression(open, Kind.RBRACE);
            newlinesMatter = saved;
            return result;
        }
        // items are separated by commas or line ends, as in a body
        newlinesMatter = true;
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keyPositions = new LinkedHashMap<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE) {
                next();
                continue;
            }
            if (t.kind() == Kind.RBRACE) {
                break;
            }
            if (t.kind() == Kind.EOF) {
                throw unclosed(open);
            }
            String key;
            Kind afterKey = peekAt(1).kind();
            if (t.kind() == Kind.IDENT && (afterKey == Kind.EQUALS || afterKey == Kind.COLON)) {
                next();
                key = t.value();
            } else {
                Node keyNode = expression();
                key = keyNode instanceof ScalarNode scalar && scalar.value() != null
                        ? scalar.text() : lexer.sourceWithoutComments(t.start(), last.end());
            }
            Position keyPosition = span(t, last);
            Token assign = peek();
            if (assign.kind() != Kind.EQUALS && assign.kind() != Kind.COLON) {
                throw unexpected(assign, "'=' or ':' after an object key");
            }
            next();
            Node value = expression();
            // as in Terraform, a repeated key in an object expression replaces the earlier one
            keyPositions.put(key, keyPosition);
            entries.put(key, value);
            Token separator = peek();
            if (separator.kind() == Kind.COMMA || separator.kind() == Kind.NEWLINE) {
                next();
            } else if (separator.kind() != Kind.RBRACE) {
                throw separator.kind() == Kind.EOF ? unclosed(open)
                        : unexpected(separator, "',' or a line end between object items");
            }
        }
        Token close = next();
        newlinesMatter = saved;
        return new MapNode(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyPositions),
                span(open, close));
    }

    private boolean isForKeyword() throws HclException {
        // as in HCL, "for" right after the bracket always starts a for expression
        Token t = peek();
        return t.kind() == Kind.IDENT && t.value().equals("for");
    }

    /** {@code [for v in c : r if f]} or {@code {for k, v in c : k => v... if f}}; newlines do not matter. */
    private Node forExpression(Token open, Kind closing) throws HclException {
        next();
        expect(Kind.IDENT, "a variable name after 'for'");
        if (peek().kind() == Kind.COMMA) {
            next();
            expect(Kind.IDENT, "a second variable name in a for expression");
        }
        Token in = peek();
        if (in.kind() != Kind.IDENT || !in.value().equals("in")) {
            throw unexpected(in, "'in' in a for expression");
        }
        next();
        expression();
        expect(Kind.COLON, "':' in a for expression");
        expression();
        if (closing == Kind.RBRACE) {
            expect(Kind.ARROW, "'=>' in an object for expression");
            expression();
            if (peek().kind() == Kind.ELLIPSIS) {
                next();
            }
        }
        Token condition = peek();
        if (condition.kind() == Kind.IDENT && condition.value().equals("if")) {
            next();
            expression();
        }
        close(closing, open, closing == Kind.RBRACK ? "']' to end a for expression" : "'}' to end a for expression");
        return source(open);
    }

    // ---- template sequences ----

    /**
     * Checks the grammar of a template's interpolations and directives (their text stays as written in the
     * value), and that its {@code %{ if }} and {@code %{ for }} directives are closed.
     */
    private void checkTemplate(Token template) throws HclException {
        int[] sequences = template.sequences();
        StringBuilder open = new StringBuilder();
        for (int k = 0; k < sequences.length; k += 3) {
            char kind = (char) sequences[k];
            int start = sequences[k + 1];
            int end = sequences[k + 2];
            templateBudget -= end - start;
            if (templateBudget < 0) {
                throw new HclException("template interpolations are nested too deeply", lexer.lineOf(start));
            }
            // strip markers: ${~ x ~}
            if (start < end && text.charAt(start) == '~') {
                start++;
            }
            if (end > start && text.charAt(end - 1) == '~') {
                end--;
            }
            HclLexer savedLexer = lexer;
            List<Token> savedLookahead = lookahead;
            boolean savedNewlines = newlinesMatter;
            Token savedLast = last;
            String savedEnd = endOfInput;
            lexer = new HclLexer(savedLexer, start, end);
            lookahead = new ArrayList<>(4);
            newlinesMatter = false;
            endOfInput = "the end of the template sequence";
            try {
                if (kind == '$') {
                    expression();
                } else {
                    directive(open);
                }
                Token rest = peek();
                if (rest.kind() != Kind.EOF) {
                    throw unexpected(rest, kind == '$' ? "'}' to end the interpolation" : "'}' to end the directive");
                }
            } finally {
                lexer = savedLexer;
                lookahead = savedLookahead;
                newlinesMatter = savedNewlines;
                last = savedLast;
                endOfInput = savedEnd;
            }
        }
        if (open.length() > 0) {
            throw new HclException("a template directive is not closed: %{ if } needs %{ endif }, "
                    + "%{ for } needs %{ endfor }", template.line());
        }
    }

    /**
     * One {@code %{…}} directive; {@code open} holds the directives still open: 'i' for an if, 'e' for an if
     * past its else, 'f' for a for.
     */
    private void directive(StringBuilder open) throws HclException {
        Token keyword = peek();
        if (keyword.kind() != Kind.IDENT) {
            throw unexpected(keyword, "a template directive (if, else, endif, for, endfor)");
        }
        next();
        char innermost = open.length() == 0 ? ' ' : open.charAt(open.length() - 1);
        switch (keyword.value()) {
            case "if" -> {
                expression();
                open.append('i');
            }
            case "else" -> {
                if (innermost != 'i') {
                    throw new HclException("%{ else } without its %{ if }, or a second one", keyword.line());
                }
                open.setCharAt(open.length() - 1, 'e');
            }
            case "endif" -> {
                if (innermost != 'i' && innermost != 'e') {
                    throw new HclException("%{ endif } without its %{ if }", keyword.line());
                }
                open.setLength(open.length() - 1);
            }
            case "for" -> {
                expect(Kind.IDENT, "a variable name after 'for'");
                if (peek().kind() == Kind.COMMA) {
                    next();
                    expect(Kind.IDENT, "a second variable name in a for directive");
                }
                Token in = peek();
                if (in.kind() != Kind.IDENT || !in.value().equals("in")) {
                    throw unexpected(in, "'in' in a for directive");
                }
                next();
                expression();
                open.append('f');
            }
            case "endfor" -> {
                if (innermost != 'f') {
                    throw new HclException("%{ endfor } without its %{ for }", keyword.line());
                }
                open.setLength(open.length() - 1);
            }
            default -> throw new HclException("unknown template directive (expected if, else, endif, for, endfor)",
                    keyword.line());
        }
    }

    // ---- helpers ----

    private Object number(Token t) throws HclException {
        String literal = t.value();
        if (literal.length() > MAX_NUMBER_LENGTH) {
            throw new HclException("number literal is too long", t.line());
        }
        try {
            if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0
                    && literal.length() <= 18) {
                return Long.parseLong(literal);
            }
            BigDecimal decimal = new BigDecimal(literal);
            try {
                // 1e3 and 2.0 are whole numbers, as Terraform sees them
                return decimal.longValueExact();
            } catch (ArithmeticException notALong) {
                return decimal;
            }
        } catch (NumberFormatException e) {
            throw new HclException("number literal is out of range", t.line());
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static BigDecimal toBigDecimal(Number n) {
        return n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue());
    }

    /** An expression kept as its source text, from {@code first} to the last token read. */
    private ExpressionNode source(Token first) throws HclException {
        return new ExpressionNode(copy(first.start(), last.end()), null, List.of(), span(first, last));
    }

    private String copy(int start, int end) throws HclException {
        sourceBudget -= end - start;
        if (sourceBudget < 0) {
            throw new HclException("expressions are nested too deeply to keep their source text", lexer.lineOf(start));
        }
        return lexer.sourceWithoutComments(start, end);
    }

    private static Position span(Token first, Token end) {
        return new Position(first.line(), first.column(), end.endLine(), end.endColumn());
    }

    private void enter(int levels, Token at) throws HclException {
        depth += levels;
        if (depth > maxDepth) {
            throw new HclException("nesting is deeper than " + maxDepth + " levels", at.line());
        }
    }

    private void leave(int levels) {
        depth -= levels;
    }

    private Token expect(Kind kind, String what) throws HclException {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, what);
        }
        return next();
    }

    private void close(Kind kind, Token open, String what) throws HclException {
        Token t = peek();
        if (t.kind() == Kind.EOF) {
            throw unclosed(open);
        }
        if (t.kind() != kind) {
            throw unexpected(t, what);
        }
        next();
    }

    private HclException unexpected(Token found, String expected) {
        String description = found.kind() == Kind.EOF ? endOfInput : found.kind().description;
        return new HclException("expected " + expected + ", found " + description, found.line());
    }

    private HclException unclosed(Token open) {
        return new HclException("unclosed " + open.kind().description + " opened on line " + open.line()
                + ": " + endOfInput + " reached", open.line());
    }

    /** The next significant token: line ends count only where {@link #newlinesMatter}. */
    private Token peek() throws HclException {
        return peekAt(0);
    }

    private Token peekAt(int ahead) throws HclException {
        int seen = 0;
        for (int i = 0; ; i++) {
            while (lookahead.size() <= i) {
                lookahead.add(lexer.next());
            }
            Token t = lookahead.get(i);
            if (t.kind() == Kind.NEWLINE && !newlinesMatter) {
                continue;
            }
            if (seen == ahead || t.kind() == Kind.EOF) {
                return t;
            }
            seen++;
        }
    }

    private Token next() throws HclException {
        Token t = peek();
        if (t.kind() == Kind.EOF) {
            last = t;
            return t;
        }
        while (lookahead.get(0) != t) {
            lookahead.remove(0);
        }
        lookahead.remove(0);
        last = t;
        return t;
    }

    private Node freeze(Object built) {
        if (built instanceof Node node) {
            return node;
        }
        if (built instanceof BlockBuilder map) {
            map.entries.replaceAll((key, value) -> freeze(value));
            @SuppressWarnings("unchecked")
            Map<String, Node> entries = (Map<String, Node>) (Map<String, ?>) map.entries;
            return new MapNode(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(map.keyPositions),
                    map.position);
        }
        BlockList list = (BlockList) built;
        if (list.collapseSingle && list.items.size() == 1) {
            return freeze(list.items.get(0));
        }
        List<Node> items = new ArrayList<>(list.items.size());
        for (Object item : list.items) {
            items.add(freeze(item));
        }
        Position first = items.get(0).position();
        Position end = items.get(items.size() - 1).position();
        return new ListNode(Collections.unmodifiableList(items),
                new Position(first.line(), first.column(), end.endLine(), end.endColumn()));
    }

    /** Blocks of one type: nested ones always stay a list; repeated top-level ones collapse when single. */
    private static final class BlockList {
        final boolean collapseSingle;
        final List<Object> items = new ArrayList<>(2);

        BlockList(boolean collapseSingle) {
            this.collapseSingle = collapseSingle;
        }
    }

    /** A body, a level of top-level labels, or the merged locals, while it is being read. */
    private static final class BlockBuilder {
        enum Role { BODY, LABELS, LOCALS }

        final Role role;
        final Map<String, Object> entries = new LinkedHashMap<>();
        final Map<String, Position> keyPositions = new LinkedHashMap<>();
        Position position;

        BlockBuilder(Role role, Position position) {
            this.role = role;
            this.position = position;
        }

        void putAttribute(Token name, Node value) throws HclException {
            Position previous = keyPositions.get(name.value());
            if (previous != null) {
                throw new HclException(entries.get(name.value()) instanceof Node
                        ? "duplicate attribute (first defined on line " + previous.line() + ")"
                        : "an attribute has the name of a block on line " + previous.line(), name.line());
            }
            put(name.value(), value, span(name, name));
        }

        private void put(String key, Object value, Position keyPosition) {
            entries.put(key, value);
            keyPositions.put(key, keyPosition);
        }

        void putBlock(boolean topLevel, Token type, List<Token> labels, BlockBuilder body) throws HclException {
            String name = type.value();
            if (!topLevel) {
                BlockList list = blockList(name, span(type, type), false, type.line());
                Object item = body;
                for (int i = labels.size() - 1; i >= 0; i--) {
                    BlockBuilder labelled = new BlockBuilder(Role.LABELS, body.position);
                    labelled.put(labels.get(i).value(), item, span(labels.get(i), labels.get(i)));
                    item = labelled;
                }
                list.items.add(item);
            } else if (labels.isEmpty() && name.equals("locals")) {
                BlockBuilder locals = child(this, name, span(type, type), Role.LOCALS, body.position, type.line());
                for (Map.Entry<String, Object> local : body.entries.entrySet()) {
                    Position position = body.keyPositions.get(local.getKey());
                    Position previous = locals.keyPositions.get(local.getKey());
                    if (previous != null) {
                        throw new HclException("duplicate local value (first defined on line " + previous.line()
                                + ")", position.line());
                    }
                    locals.put(local.getKey(), local.getValue(), position);
                }
            } else {
                BlockBuilder level = this;
                String key = name;
                Position keyPosition = span(type, type);
                for (Token label : labels) {
                    level = child(level, key, keyPosition, Role.LABELS, body.position, label.line());
                    key = label.value();
                    keyPosition = span(label, label);
                }
                level.blockList(key, keyPosition, true, type.line()).items.add(body);
            }
        }

        private BlockList blockList(String key, Position keyPosition, boolean collapseSingle, int line)
                throws HclException {
            Object existing = entries.get(key);
            if (existing == null) {
                BlockList list = new BlockList(collapseSingle);
                put(key, list, keyPosition);
                return list;
            }
            if (existing instanceof BlockList list) {
                return list;
            }
            throw conflict(existing, key, line);
        }

        private static BlockBuilder child(BlockBuilder parent, String key, Position keyPosition, Role role,
                                          Position position, int line) throws HclException {
            Object existing = parent.entries.get(key);
            if (existing == null) {
                BlockBuilder child = new BlockBuilder(role, position);
                parent.put(key, child, keyPosition);
                return child;
            }
            if (existing instanceof BlockBuilder builder && builder.role == role) {
                return builder;
            }
            throw parent.conflict(existing, key, line);
        }

        private HclException conflict(Object existing, String key, int line) {
            int first = keyPositions.get(key).line();
            return new HclException(existing instanceof Node
                    ? "a block has the name of an attribute on line " + first
                    : "blocks of one type with different numbers of labels (first on line " + first + ")", line);
        }
    }
}
