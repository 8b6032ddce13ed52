package dev.hushlint.rules.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hushlint.engine.InputException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a {@link Node} tree with positions, from Jackson's streaming {@link YAMLParser} (a tree
 * mapper would drop tags). CloudFormation short tags become the long form: {@code !Ref x} and
 * {@code !Condition x} become {@code {"Ref": x}} / {@code {"Condition": x}}, every other {@code !Tag v}
 * becomes {@code {"Fn::Tag": v}}, and {@code !GetAtt A.B.C} becomes {@code {"Fn::GetAtt": ["A", "B.C"]}}.
 *
 * <p>Strict where it matters: a duplicate key is an error; aliases are expanded by sharing (never copied)
 * and their total expansion is bounded, so an alias bomb fails fast; nesting is bounded. Empty strings stay
 * empty strings ({@code !GetAZs ''}), and {@code yes}/{@code no}/{@code on}/{@code off} stay strings. Merge
 * keys ({@code <<: *base}) are honoured; explicit keys win. Only the first document of a stream is read.
 */
public final class YamlTree {

    public static final int MAX_DEPTH = 100;
    /** Nodes a document may expand to through aliases: far beyond any real template, far below a bomb. */
    public static final int MAX_EXPANDED_NODES = 2_000_000;
    /** Characters a document may hold (SnakeYAML's own default, 3 MB, is below the scanner's file size limit). */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private final YAMLParser parser;
    private final Map<String, Node> anchors = new HashMap<>();
    private final IdentityHashMap<Node, Integer> anchoredSizes = new IdentityHashMap<>();
    private long nodes;

    private YamlTree(YAMLParser parser) {
        this.parser = parser;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        return options;
    }

    /** Parses the first YAML document of the text; null when the text holds no document at all. */
    public static Node parse(String text) throws InputException {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return new YamlTree(parser).read(0);
        } catch (JsonProcessingException e) {
            throw new InputException(JsonTree.describe(e), e.getLocation() == null ? 0 : JsonTree.line(e.getLocation()));
        } catch (IOException e) {
            throw new InputException("unreadable YAML", 0);
        } catch (RuntimeException e) {
            // SnakeYAML reports limits (code points, nesting) as unchecked exceptions
            throw new InputException("YAML rejected: " + e.getClass().getSimpleName(), 0);
        }
    }

    private Node read(int depth) throws IOException, InputException {
        JsonLocation start = parser.currentTokenLocation();
        if (depth > MAX_DEPTH) {
            throw new InputException("nesting deeper than " + MAX_DEPTH + " levels", JsonTree.line(start));
        }
        JsonToken token = parser.currentToken();
        if (parser.isCurrentAlias()) {
            return alias(parser.getText(), start);
        }
        String tag = parser.getTypeId();
        String anchor = parser.getObjectId();
        long before = nodes;
        Node node = switch (token) {
            case START_OBJECT -> readMap(start, depth);
            case START_ARRAY -> readList(start, depth);
            case VALUE_STRING -> new Node.ScalarNode(parser.getText(), JsonTree.span(start, parser.currentLocation()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new Node.ScalarNode(number(), JsonTree.span(start, parser.currentLocation()));
            case VALUE_TRUE, VALUE_FALSE ->
                    new Node.ScalarNode(token == JsonToken.VALUE_TRUE, JsonTree.span(start, parser.currentLocation()));
            case VALUE_NULL -> new Node.ScalarNode(null, JsonTree.span(start, parser.currentLocation()));
            default -> throw new InputException("unexpected " + token, JsonTree.line(start));
        };
        count(1, start);
        if (tag != null) {
            node = intrinsic(tag, node);
        }
        if (anchor != null) {
            anchors.put(anchor, node);
            anchoredSizes.put(node, (int) Math.min(Integer.MAX_VALUE, nodes - before));
        }
        return node;
    }

    private Number number() throws IOException {
        try {
            return parser.getNumberValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Node alias(String name, JsonLocation at) throws InputException {
        Node target = anchors.get(name);
        if (target == null) {
            throw new InputException("alias to an unknown anchor", JsonTree.line(at));
        }
        count(anchoredSizes.getOrDefault(target, 1), at);
        return target;
    }

    private void count(long added, JsonLocation at) throws InputException {
        nodes += added;
        if (nodes > MAX_EXPANDED_NODES) {
            throw new InputException("document expands to more than " + MAX_EXPANDED_NODES
                    + " nodes (an alias bomb?)", JsonTree.line(at));
        }
    }

    private Node readMap(JsonLocation start, int depth) throws IOException, InputException {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        Map<String, Node> merged = new LinkedHashMap<>();
        Map<String, Position> mergedKeys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            Position keyPosition = new Position(JsonTree.line(keyAt), JsonTree.column(keyAt), JsonTree.line(keyAt),
                    JsonTree.column(keyAt) + (key == null ? 0 : key.length()));
            if (key == null) {
                key = "";
            }
            if (entries.containsKey(key)) {
                throw new InputException("duplicate key \"" + JsonTree.shorten(key)
                        + "\" (first at line " + keys.get(key).line() + ")", JsonTree.line(keyAt));
            }
            parser.nextToken();
            Node value = read(depth + 1);
            if (key.equals("<<")) {
                merge(value, merged, mergedKeys);
                continue;
            }
            entries.put(key, value);
            keys.put(key, keyPosition);
        }
        merged.forEach((k, v) -> {
            if (!entries.containsKey(k)) {
                entries.put(k, v);
                keys.put(k, mergedKeys.get(k));
            }
        });
        return new Node.MapNode(entries, keys, JsonTree.span(start, parser.currentLocation()));
    }

    private static void merge(Node value, Map<String, Node> merged, Map<String, Position> mergedKeys) {
        if (value instanceof Node.MapNode map) {
            map.entries().forEach((k, v) -> {
                if (!merged.containsKey(k)) {
                    merged.put(k, v);
                    mergedKeys.put(k, map.keyPosition(k));
                }
            });
        } else if (value instanceof Node.ListNode list) {
            for (Node item : list.items()) {
                merge(item, merged, mergedKeys);
            }
        }
    }

    private Node readList(JsonLocation start, int depth) throws IOException, InputException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(depth + 1));
        }
        return new Node.ListNode(items, JsonTree.span(start, parser.currentLocation()));
    }

    /** A short-form intrinsic function tag, turned into its long form. Standard YAML tags pass through. */
    static Node intrinsic(String tag, Node value) {
        if (tag.startsWith("tag:yaml.org") || tag.startsWith("!")) {
            return value;
        }
        String name = switch (tag) {
            case "Ref", "Condition" -> tag;
            default -> "Fn::" + tag;
        };
        Node argument = value;
        if (name.equals("Fn::GetAtt") && value instanceof Node.ScalarNode s && s.value() instanceof String text) {
            int dot = text.indexOf('.');
            List<Node> parts = dot < 0
                    ? List.of(s)
                    : List.of(new Node.ScalarNode(text.substring(0, dot), s.position()),
                            new Node.ScalarNode(text.substring(dot + 1), s.position()));
            argument = new Node.ListNode(parts, s.position());
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        entries.put(name, argument);
        Map<String, Position> keys = new LinkedHashMap<>();
        keys.put(name, value.position());
        return new Node.MapNode(entries, keys, value.position());
    }
}
