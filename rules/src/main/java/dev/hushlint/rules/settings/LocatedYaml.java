package dev.hushlint.rules.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a small YAML document into the shared {@link Node} model, every node with its line, for error messages. */
final class LocatedYaml {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private LocatedYaml() {
    }

    /** The document's root node, or null when the document is empty. */
    static Node read(Path file, String text) throws ConfigException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Node root = node(file, p);
            if (p.nextToken() != null) {
                throw new ConfigException(file, line(p.currentTokenLocation()), "more than one YAML document",
                        "keep the configuration in one document, without a second '---'");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String why = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ConfigException(file, line, "not valid YAML: " + why,
                    "check the indentation and quote values that contain ': ' or start with a special character");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getClass().getSimpleName(), null);
        }
    }

    private static Node node(Path file, JsonParser p) throws IOException, ConfigException {
        Position at = position(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Position> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyAt = position(p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new ConfigException(file, keyAt.line(), "duplicate key '" + key + "'",
                                "the first '" + key + "' is on line " + keys.get(key).line() + "; merge them");
                    }
                    p.nextToken();
                    keys.put(key, keyAt);
                    entries.put(key, node(file, p));
                }
                return new Node.MapNode(entries, keys, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, p));
                }
                return new Node.ListNode(items, at);
            }
            case VALUE_STRING -> {
                return new Node.ScalarNode(p.getText(), at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.ScalarNode(p.getNumberValue(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(p.getBooleanValue(), at);
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(null, at);
            }
            default -> throw new ConfigException(file, at.line(), "unsupported YAML construct", null);
        }
    }

    private static Position position(JsonLocation l) {
        return Position.at(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static int line(JsonLocation l) {
        return Math.max(1, l.getLineNr());
    }
}
