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
    /** Matched only at a {@code String} keyword already found by {@code indexOf}: no scan of the whole text. */
    private static final Pattern DECLARATION = Pattern.compile(
            "String\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*\"((?:[^\"\\\\\\n]|\\\\.){1,1000})\"\\s*;");
    private static final Pattern MODIFIERS = Pattern.compile("\\b(static\\s+final|final\\s+static)\\s+$");

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
        Matcher m = DECLARATION.matcher(text);
        Matcher modifiers = MODIFIERS.matcher(text);
        for (int at = text.indexOf("String", 0); at >= 0; at = text.indexOf("String", at + 6)) {
            if (at < 13 || !Character.isWhitespace(text.charAt(at - 1))) {
                continue;
            }
            modifiers.region(Math.max(0, at - 40), at);
            if (!modifiers.find()) {
                continue;
            }
            m.region(at, Math.min(text.length(), at + 1200));
            if (!m.lookingAt()) {
                continue;
            }
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
