package dev.hushlint.rules.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON into {@link Node} trees with each node's position, using Jackson's streaming parser (so the
 * positions are exact and the user's data holds no position keys).
 */
public final class JsonNodes {

    /** Deeper documents are refused: AWS exports are shallow, and a hostile file must not blow the stack. */
    static final int MAX_DEPTH = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonNodes() {
    }

    /** A JSON text that could not be parsed; the message names the problem, never the text. */
    public static final class JsonSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        JsonSyntaxException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Node parse(String text) throws JsonSyntaxException {
        return parse(text, null);
    }

    /**
     * @param anchor when not null, every node gets this position instead of its own (for documents that
     *               came embedded in a string, such as a URL-encoded IAM policy)
     */
    public static Node parse(String text, Position anchor) throws JsonSyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("empty document", 1);
            }
            Node root = value(parser, anchor);
            if (parser.nextToken() != null) {
                throw new JsonSyntaxException("unexpected content after the JSON value",
                        parser.currentTokenLocation().getLineNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // Jackson's original message quotes the offending text, which might be part of a secret
            throw new JsonSyntaxException("invalid JSON" + describe(e), at == null ? 0 : Math.max(0, at.getLineNr()));
        } catch (IOException e) {
            throw new JsonSyntaxException("could not read JSON", 0);
        }
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException || (m != null && m.contains("end-of-input"))) {
            return ": unexpected end of input (is the file cut off?)";
        }
        if (m == null) {
            return "";
        }
        if (m.contains("nesting depth")) {
            return ": nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.startsWith("Unexpected character") || m.startsWith("Unrecognized token")) {
            return ": unexpected character";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return ": a line break or control character inside a string (is the file cut off?)";
        }
        if (m.startsWith("Duplicate field")) {
            return ": a key is written twice";
        }
        return "";
    }

    private static Node value(JsonParser parser, Position anchor) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Position> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    Position keyPosition = anchor != null ? anchor : span(parser.currentTokenLocation(), parser);
                    parser.nextToken();
                    entries.put(name, value(parser, anchor));
                    keys.put(name, keyPosition);
                }
                return new Node.MapNode(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keys),
                        anchor != null ? anchor : span(start, parser));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, anchor));
                }
                return new Node.ListNode(Collections.unmodifiableList(items), anchor != null ? anchor : span(start, parser));
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                return new Node.ScalarNode(text, anchor != null ? anchor : span(start, parser));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                Number n = parser.getNumberValue();
                return new Node.ScalarNode(n, anchor != null ? anchor : span(start, parser));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(token == JsonToken.VALUE_TRUE, anchor != null ? anchor : span(start, parser));
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(null, anchor != null ? anchor : span(start, parser));
            }
            default -> throw new JsonParseFailure("unexpected token " + token, start.getLineNr());
        }
    }

    /** From the token's start to where the parser now stands (just after the token once its text was read). */
    private static Position span(JsonLocation start, JsonParser parser) {
        JsonLocation end = parser.currentLocation();
        int line = Math.max(1, start.getLineNr());
        int column = Math.max(1, start.getColumnNr());
        int endLine = Math.max(line, end.getLineNr());
        int endColumn = Math.max(1, end.getColumnNr());
        if (endLine == line && endColumn < column) {
            endColumn = column;
        }
        return new Position(line, column, endLine, endColumn);
    }

    /** Internal: an impossible token order (Jackson reports real syntax errors itself). */
    private static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String message, int line) {
            super(message + " at line " + line);
        }
    }
}
