package dev.hushlint.rules.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.hushlint.engine.InputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into a {@link Node} tree, every node with its position. Duplicate keys and absurd nesting
 * are errors ({@link InputException}); no value is ever interpreted.
 */
public final class JsonTree {

    /** Deeper than any real template or policy; a guard against hostile input. */
    public static final int MAX_DEPTH = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build();

    private JsonTree() {
    }

    /** Parses one JSON value (the whole text). */
    public static Node parse(String text) throws InputException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException("empty document", 1);
            }
            Node root = read(parser, 0);
            if (parser.nextToken() != null) {
                throw new InputException("unexpected content after the JSON value", line(parser.currentTokenLocation()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InputException(describe(e), e.getLocation() == null ? 0 : line(e.getLocation()));
        } catch (IOException e) {
            throw new InputException("unreadable JSON", 0);
        }
    }

    private static Node read(JsonParser p, int depth) throws IOException, InputException {
        JsonLocation start = p.currentTokenLocation();
        if (depth > MAX_DEPTH) {
            throw new InputException("nesting deeper than " + MAX_DEPTH + " levels", line(start));
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Position> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    Position keyPosition = new Position(line(keyAt), column(keyAt), line(keyAt), column(keyAt) + key.length() + 2);
                    if (entries.containsKey(key)) {
                        throw new InputException("duplicate key \"" + shorten(key) + "\" (first at line "
                                + keys.get(key).line() + ")", line(keyAt));
                    }
                    p.nextToken();
                    entries.put(key, read(p, depth + 1));
                    keys.put(key, keyPosition);
                }
                return new Node.MapNode(entries, keys, span(start, p.currentLocation()));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, depth + 1));
                }
                return new Node.ListNode(items, span(start, p.currentLocation()));
            }
            case VALUE_STRING -> {
                return new Node.ScalarNode(p.getText(), span(start, p.currentLocation()));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.ScalarNode(p.getNumberValue(), span(start, p.currentLocation()));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(token == JsonToken.VALUE_TRUE, span(start, p.currentLocation()));
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(null, span(start, p.currentLocation()));
            }
            default -> throw new InputException("unexpected " + token, line(start));
        }
    }

    static Position span(JsonLocation start, JsonLocation end) {
        return new Position(line(start), column(start), line(end), column(end));
    }

    static int line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    static int column(JsonLocation location) {
        return Math.max(1, location.getColumnNr());
    }

    static String shorten(String key) {
        // a key is a name, but a name could be a token: never quote one that does not look like a plain name
        if (key.length() > 60 || !key.matches("[A-Za-z0-9_.:/@ -]*") || key.matches(".*[A-Za-z0-9+/]{24,}.*")) {
            return "…";
        }
        return key;
    }

    /** The parser's message without the echoed source excerpt (which may hold a secret). */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "malformed input";
        }
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        // Jackson quotes unexpected tokens: drop quoted text so no source value reaches a notification
        message = message.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
