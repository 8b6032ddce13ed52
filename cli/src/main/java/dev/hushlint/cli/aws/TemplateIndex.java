package dev.hushlint.cli.aws;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hushlint.engine.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Lambda function resources that CloudFormation / SAM templates under a path declare, by logical id, with
 * the line of each declaration. A live function tagged {@code aws:cloudformation:logical-id} is anchored there.
 */
final class TemplateIndex {

    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", "build", ".aws-sam", ".idea");
    private static final long MAX_TEMPLATE_SIZE = 5L * 1024 * 1024;
    private static final YAMLFactory YAML = new YAMLFactory();

    /** One declared function resource. */
    record Declaration(String logicalId, Path template, int line, int column) {
        Location location() {
            // an empty region at the start of the line: the resource itself, no characters to mask
            return new Location(template, line, 1, line, 1);
        }
    }

    private final Map<String, List<Declaration>> byLogicalId;

    private TemplateIndex(Map<String, List<Declaration>> byLogicalId) {
        this.byLogicalId = byLogicalId;
    }

    static TemplateIndex empty() {
        return new TemplateIndex(Map.of());
    }

    static TemplateIndex scan(Path root) {
        Map<String, List<Declaration>> found = new TreeMap<>();
        if (root == null || !Files.exists(root)) {
            return new TemplateIndex(found);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root.toAbsolutePath().normalize(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    return name != null && SKIPPED_DIRS.contains(name.toString()) && !dir.equals(root.toAbsolutePath().normalize())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (attrs.isRegularFile() && attrs.size() <= MAX_TEMPLATE_SIZE
                            && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                            || name.endsWith(".template"))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return new TemplateIndex(found);
        }
        files.sort(Comparator.comparing(Path::toString));
        for (Path file : files) {
            for (Declaration d : declarations(file)) {
                found.computeIfAbsent(d.logicalId(), k -> new ArrayList<>()).add(d);
            }
        }
        return new TemplateIndex(found);
    }

    /**
     * The declaration of a logical id; when several templates declare it, the one whose path names the stack,
     * else the first by path.
     */
    Optional<Declaration> find(String logicalId, String stackName) {
        List<Declaration> candidates = byLogicalId.getOrDefault(logicalId, List.of());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (stackName != null && candidates.size() > 1) {
            String stack = stackName.toLowerCase(Locale.ROOT);
            for (Declaration d : candidates) {
                if (d.template().toString().toLowerCase(Locale.ROOT).contains(stack)) {
                    return Optional.of(d);
                }
            }
            // a stack named after the template's folder or file: orders/template.yaml deployed as orders-prod
            Declaration best = null;
            int bestLength = 0;
            for (Declaration d : candidates) {
                Path t = d.template();
                // the file and the two folders above it
                for (Path part : t.subpath(Math.max(0, t.getNameCount() - 3), t.getNameCount())) {
                    String name = part.toString().toLowerCase(Locale.ROOT).replaceFirst("\\.(ya?ml|json|template)$", "")
                            .replaceFirst("\\.template$", "");
                    if (name.length() >= 3 && name.length() > bestLength && stack.contains(name)
                            && !name.equals("template")) {
                        best = d;
                        bestLength = name.length();
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.of(candidates.get(0));
    }

    boolean isEmpty() {
        return byLogicalId.isEmpty();
    }

    /** The function resources of one template; none when it is not a template or does not parse. */
    static List<Declaration> declarations(Path file) {
        List<Declaration> out = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        if (!text.contains("Resources")) {
            return out;
        }
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("Resources") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String logicalId = p.currentName();
                        JsonLocation at = p.currentTokenLocation();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            String type = resourceType(p);
                            if (type != null && FUNCTION_TYPES.contains(type)) {
                                out.add(new Declaration(logicalId, file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a template, or not parseable: the scan command reports parse errors, not this index
        }
        return out;
    }

    /** Reads a resource object to its end and returns its Type. */
    private static String resourceType(JsonParser p) throws IOException {
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (key.equals("Type") && value == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return type;
    }
}
