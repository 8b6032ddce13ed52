package dev.hushlint.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.hushlint.engine.TextFile;
import dev.hushlint.engine.suppress.SuppressionMarker;
import dev.hushlint.engine.suppress.Suppressor;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @SuppressWarnings("hushlint:<rule-id>")} on a class, method, field, parameter or local variable: it
 * covers every line of the annotated declaration. The reason is a {@code //} comment after the annotation on
 * its line ({@code @SuppressWarnings("hushlint:java/hardcoded-credential") // test fixture}).
 */
public final class JavaSuppressor implements Suppressor<JavaSource> {

    private static final String PREFIX = "hushlint:";
    private static final Pattern TRAILING_COMMENT = Pattern.compile("^\\s*//\\s*(.*)$");

    @Override
    public Class<JavaSource> inputType() {
        return JavaSource.class;
    }

    @Override
    public List<SuppressionMarker> markers(JavaSource source) {
        TextFile file = source.file();
        // most files name no hushlint rule: skip them before touching the syntax tree
        if (!file.text().contains(PREFIX) || !file.text().contains("SuppressWarnings")) {
            return List.of();
        }
        List<SuppressionMarker> markers = new ArrayList<>();
        source.unit().ifPresent(unit -> {
            for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
                String name = annotation.getNameAsString();
                if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
                    continue;
                }
                TreeSet<String> ids = new TreeSet<>();
                for (Expression value : values(annotation)) {
                    if (value instanceof StringLiteralExpr s && s.getValue().startsWith(PREFIX)) {
                        ids.add(s.getValue().substring(PREFIX.length()).strip());
                    }
                }
                if (ids.isEmpty() || annotation.getParentNode().isEmpty()) {
                    continue;
                }
                Node target = annotation.getParentNode().get();
                if (target.getRange().isEmpty() || annotation.getRange().isEmpty()) {
                    continue;
                }
                int line = annotation.getRange().get().begin.line;
                int endLine = annotation.getRange().get().end.line;
                int endColumn = annotation.getRange().get().end.column;
                String after = endLine <= file.lineCount() ? file.line(endLine) : "";
                after = endColumn < after.length() ? after.substring(endColumn) : "";
                Matcher comment = TRAILING_COMMENT.matcher(after);
                String reason = comment.matches() ? comment.group(1) : "";
                markers.add(new SuppressionMarker(file.path(), line, target.getRange().get().begin.line,
                        target.getRange().get().end.line, ids, reason, "@SuppressWarnings"));
            }
        });
        return markers;
    }

    private static List<Expression> values(AnnotationExpr annotation) {
        Expression value = null;
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            value = single.getMemberValue();
        } else if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals("value")) {
                    value = pair.getValue();
                }
            }
        }
        if (value instanceof ArrayInitializerExpr array) {
            return array.getValues();
        }
        return value == null ? List.of() : List.of(value);
    }
}
