package dev.hushlint.rules.java.flow;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.TextFile;

import java.util.Optional;

/** Small, classpath-free questions about JavaParser nodes: where a node is, what a name refers to. */
public final class JavaNodes {

    private JavaNodes() {
    }

    /** The source location of a node (its whole range), in the file it was parsed from. */
    public static Location location(TextFile file, Node node) {
        Range r = node.getRange().orElseThrow();
        int start = offset(file, r.begin.line, r.begin.column);
        int end = offset(file, r.end.line, r.end.column) + 1;
        return file.location(start, Math.min(end, file.text().length()));
    }

    private static int offset(TextFile file, int line, int column) {
        int lineCount = file.lineCount();
        int l = Math.max(1, Math.min(line, lineCount));
        return Math.min(file.lineStart(l) + Math.max(0, column - 1), file.text().length());
    }

    /**
     * The member that holds the node: a method, constructor, initializer block or field declaration of the
     * nearest type. Lambdas belong to the member they are written in; nested and anonymous classes end the walk.
     */
    public static Optional<Node> enclosingMember(Node node) {
        Node child = node;
        for (Node p = node.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof InitializerDeclaration || p instanceof FieldDeclaration) {
                return Optional.of(p);
            }
            if (p instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
            final Node from = child;
            if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().map(b -> b.stream().anyMatch(m -> m == from)).orElse(false)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code Type#member} for logical positions: no line numbers, nothing of any value. */
    public static String memberName(Node member) {
        if (member instanceof MethodDeclaration m) {
            return m.getNameAsString();
        }
        if (member instanceof ConstructorDeclaration) {
            return "<init>";
        }
        if (member instanceof InitializerDeclaration i) {
            return i.isStatic() ? "<clinit>" : "<init-block>";
        }
        if (member instanceof FieldDeclaration f) {
            return f.getVariables().isEmpty() ? "<field>" : f.getVariable(0).getNameAsString();
        }
        return "<member>";
    }

    /** True when a variable or parameter of that name is declared inside the member (incl. lambda parameters). */
    public static boolean isDeclaredIn(Node member, String name) {
        if (member instanceof FieldDeclaration) {
            return false;
        }
        for (Parameter p : member.findAll(Parameter.class)) {
            if (p.getNameAsString().equals(name)) {
                return true;
            }
        }
        for (VariableDeclarator v : member.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name) && !(v.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                return true;
            }
        }
        return false;
    }

    /** The field of that name declared directly in the type, if any. */
    public static Optional<VariableDeclarator> field(TypeDeclaration<?> type, String name) {
        for (FieldDeclaration f : type.getFields()) {
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The name of the field an expression refers to ({@code this.x}, {@code Type.x}, or a bare {@code x}
     * that is a field of the type and not a local of the member), or null.
     */
    public static String fieldRef(Node expr, Node member, TypeDeclaration<?> type) {
        if (expr instanceof FieldAccessExpr fa && (fa.getScope() instanceof ThisExpr
                || fa.getScope() instanceof NameExpr n && n.getNameAsString().equals(type.getNameAsString()))) {
            return field(type, fa.getNameAsString()).isPresent() ? fa.getNameAsString() : null;
        }
        if (expr instanceof NameExpr n && field(type, n.getNameAsString()).isPresent()
                && !isDeclaredIn(member, n.getNameAsString())) {
            return n.getNameAsString();
        }
        return null;
    }

    /** The simple name of a declared type, without type arguments or array brackets; "var" when inferred. */
    public static String simpleTypeName(Type type) {
        Type t = type;
        while (t.isArrayType()) {
            t = t.asArrayType().getComponentType();
        }
        if (t.isClassOrInterfaceType()) {
            return t.asClassOrInterfaceType().getNameAsString();
        }
        return t.asString();
    }

    /**
     * The declared type of a name at a node: a parameter or local of the enclosing member, else a field of
     * the enclosing type; null when unknown.
     */
    public static Type declaredType(NameExpr name, TypeDeclaration<?> type) {
        String id = name.getNameAsString();
        Optional<Node> member = enclosingMember(name);
        if (member.isPresent() && !(member.get() instanceof FieldDeclaration)) {
            for (Parameter p : member.get().findAll(Parameter.class)) {
                if (p.getNameAsString().equals(id)) {
                    return p.getType();
                }
            }
            for (VariableDeclarator v : member.get().findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(id)) {
                    return v.getType();
                }
            }
        }
        return type == null ? null : field(type, id).map(VariableDeclarator::getType).orElse(null);
    }

    /** The nearest enclosing type declaration. */
    public static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
