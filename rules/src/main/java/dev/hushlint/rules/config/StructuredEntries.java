package dev.hushlint.rules.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hushlint.rules.tree.YamlTree;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * YAML and JSON read with Jackson's streaming parsers, so every value keeps its line (positions beside the
 * data). Also understands {@code name}/{@code value} pairs (Kubernetes and ECS environment lists) and
 * {@code KEY=VALUE} strings in lists (docker-compose {@code environment:}).
 */
final class StructuredEntries {

    // SnakeYAML's default 3 MB code point limit would reject an ordinary large config file below the scanner's
    // file size limit: use the template reader's bounds (size and nesting) instead
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonFactory JSON = new JsonFactory();

    private StructuredEntries() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YamlTree.MAX_CODE_POINTS);
        options.setNestingDepthLimit(YamlTree.MAX_DEPTH + 10);
        return options;
    }

    private static final class Frame {
        final String name;
        final boolean array;
        int index;
        String pairName;
        String pairValue;
        int pairLine;

        Frame(String name, boolean array) {
            this.name = name;
            this.array = array;
        }
    }

    static List<ConfigEntry> yaml(String text) throws IOException {
        try (JsonParser p = YAML.createParser(text)) {
            return read(p);
        }
    }

    static List<ConfigEntry> json(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            return read(p);
        }
    }

    private static List<ConfigEntry> read(JsonParser p) throws IOException {
        List<ConfigEntry> out = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        String field = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case FIELD_NAME -> field = p.currentName();
                case START_OBJECT, START_ARRAY -> {
                    String name = memberName(stack, field);
                    stack.push(new Frame(name, t == JsonToken.START_ARRAY));
                    field = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    Frame done = stack.pop();
                    if (done.pairName != null && done.pairValue != null) {
                        out.add(new ConfigEntry(path(stack, done.name) + "." + done.pairName, done.pairName,
                                done.pairValue, done.pairLine));
                    }
                    field = null;
                }
                case VALUE_STRING, VALUE_NUMBER_INT -> {
                    String value = p.getText();
                    int line = p.currentTokenLocation().getLineNr();
                    Frame top = stack.peek();
                    if (top != null && top.array) {
                        top.index++;
                        int eq = value.indexOf('=');
                        if (eq > 0 && value.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                            String key = value.substring(0, eq);
                            out.add(new ConfigEntry(path(stack, null) + "." + key, key, value.substring(eq + 1), line));
                        }
                    } else if (field != null) {
                        String lower = field.toLowerCase(Locale.ROOT);
                        if (top != null && (lower.equals("name") || lower.equals("key"))) {
                            top.pairName = value;
                        } else if (top != null && lower.equals("value")) {
                            top.pairValue = value;
                            top.pairLine = line;
                        }
                        out.add(new ConfigEntry(path(stack, null) + (stack.isEmpty() ? "" : ".") + field, field, value, line));
                    }
                    field = null;
                }
                default -> field = t.isScalarValue() ? null : field;
            }
        }
        return out;
    }

    private static String memberName(Deque<Frame> stack, String field) {
        Frame top = stack.peek();
        if (top != null && top.array) {
            return "[" + (top.index++) + "]";
        }
        return field == null ? "" : field;
    }

    private static String path(Deque<Frame> stack, String last) {
        StringBuilder b = new StringBuilder();
        var it = stack.descendingIterator();
        while (it.hasNext()) {
            String name = it.next().name;
            if (!name.isEmpty()) {
                if (b.length() > 0 && !name.startsWith("[")) {
                    b.append('.');
                }
                b.append(name);
            }
        }
        if (last != null && !last.isEmpty()) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(last);
        }
        return b.toString();
    }
}
