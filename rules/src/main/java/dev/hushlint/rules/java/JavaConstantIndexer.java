package dev.hushlint.rules.java;

import dev.hushlint.engine.Fact;
import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.TextFile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the scan-wide constant table lexically, without parsing: every
 * {@code static final String NAME = "literal";} (in either modifier order) of every Java file. Parsing every
 * file for it would cost the whole scan's budget; the declarations have one simple shape.
 */
public final class JavaConstantIndexer implements Indexer<JavaSource> {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern CONSTANT = Pattern.compile(
            "\\b(?:static\\s+final|final\\s+static)\\s+String\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*\"((?:[^\"\\\\\\n]|\\\\.){1,1000})\"\\s*;");

    @Override
    public Class<JavaSource> inputType() {
        return JavaSource.class;
    }

    @Override
    public List<Fact<?>> index(JavaSource source) {
        TextFile file = source.file();
        String text = file.text();
        if (!text.contains("static")) {
            return List.of();
        }
        Matcher pkg = PACKAGE.matcher(text);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String owner = file.fileName().endsWith(".java")
                ? file.fileName().substring(0, file.fileName().length() - 5) : file.fileName();
        List<Fact<?>> facts = new ArrayList<>();
        Matcher m = CONSTANT.matcher(text);
        while (m.find()) {
            String value = JavaStrings.unescape(m.group(2));
            if (value.isBlank()) {
                continue;
            }
            // the literal including its quotes
            int start = m.start(2) - 1;
            int end = m.end(2) + 1;
            facts.add(JavaConstant.KEY.of(new JavaConstant(packageName, owner, m.group(1), value,
                    file.location(start, end))));
        }
        return facts;
    }
}
