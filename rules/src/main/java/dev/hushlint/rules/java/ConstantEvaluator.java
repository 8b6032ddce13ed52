package dev.hushlint.rules.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates an expression to the constant string(s) it can hold, following what a reviewer would follow by
 * eye: literals, text blocks, {@code char[]}/{@code byte[]} initialisers, concatenation, ternaries (both
 * branches), {@code "…".toCharArray()}/{@code getBytes()}/decoders, {@code static final} and other
 * never-reassigned fields, effectively-final locals, static imports and constants of other files of the
 * scan (the lexical {@link JavaConstant} table). No classpath, no symbol solver.
 */
final class ConstantEvaluator {

    /** What a constant is: text, characters or raw bytes. */
    enum Shape { STRING, CHARS, BYTES }

    /** Where a piece of a value was written. */
    record Origin(Location location, Node node, String constantPosition) {
    }

    /** A piece of a value: {@code [start, end)} of the value came from {@code origin}. */
    record Piece(int start, int end, Origin origin) {
    }

    /** A constant value and where its pieces came from; {@code via} names the constant it was reached through. */
    record Value(String text, Shape shape, List<Piece> pieces, String via) {
        Origin originAt(int offset) {
            for (Piece p : pieces) {
                if (offset >= p.start() && offset < p.end()) {
                    return p.origin();
                }
            }
            return pieces.isEmpty() ? null : pieces.get(0).origin();
        }

        Origin firstOrigin() {
            return pieces.isEmpty() ? null : pieces.get(0).origin();
        }

        Value via(String name) {
            return via == null ? new Value(text, shape, pieces, name) : this;
        }
    }

    private static final int MAX_DEPTH = 10;
    private static final int MAX_VALUES = 8;

    private final CompilationUnit unit;
    private final TextFile file;
    private final ScanContext context;
    private final String packageName;
    private final Set<String> reassigned = new HashSet<>();
    private final Map<String, List<VariableDeclarator>> fields = new HashMap<>();
    private final Map<String, String> staticImports = new HashMap<>();
    private final List<String> staticWildcardOwners = new ArrayList<>();
    private final Map<String, String> typeImports = new HashMap<>();
    private final Map<String, List<VariableDeclarator>> variables = new HashMap<>();
    private final Map<String, List<Parameter>> parameters = new HashMap<>();
    private final Map<String, List<AssignExpr>> assignments = new HashMap<>();
    private final List<TypeDeclaration<?>> types = new ArrayList<>();

    ConstantEvaluator(CompilationUnit unit, TextFile file, ScanContext context) {
        this.unit = unit;
        this.file = file;
        this.context = context;
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        unit.walk(Node.TreeTraversal.PREORDER, node -> {
            if (node instanceof AssignExpr a) {
                nameOf(a.getTarget()).ifPresent(name -> {
                    reassigned.add(name);
                    assignments.computeIfAbsent(name, k -> new ArrayList<>()).add(a);
                });
            } else if (node instanceof UnaryExpr u) {
                if (u.getOperator().isPostfix() || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                        || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
                    nameOf(u.getExpression()).ifPresent(reassigned::add);
                }
            } else if (node instanceof VariableDeclarator v) {
                variables.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(v);
                if (v.getParentNode().orElse(null) instanceof FieldDeclaration) {
                    fields.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(v);
                }
            } else if (node instanceof Parameter p) {
                parameters.computeIfAbsent(p.getNameAsString(), k -> new ArrayList<>()).add(p);
            } else if (node instanceof TypeDeclaration<?> t) {
                types.add(t);
            }
        });
        for (ImportDeclaration imp : unit.getImports()) {
            String name = imp.getNameAsString();
            if (imp.isStatic()) {
                if (imp.isAsterisk()) {
                    staticWildcardOwners.add(simpleName(name));
                } else {
                    int dot = name.lastIndexOf('.');
                    if (dot > 0) {
                        staticImports.put(name.substring(dot + 1), simpleName(name.substring(0, dot)));
                    }
                }
            } else if (!imp.isAsterisk()) {
                typeImports.put(simpleName(name), name);
            }
        }
    }

    String packageName() {
        return packageName;
    }

    /** The fully qualified name an explicit single-type import gives this simple name, if any. */
    Optional<String> importedType(String simpleName) {
        return Optional.ofNullable(typeImports.get(simpleName));
    }

    /** The owner class a statically imported member comes from (its simple name), if any. */
    Optional<String> staticImportOwner(String member) {
        return Optional.ofNullable(staticImports.get(member));
    }

    List<String> wildcardImports() {
        List<String> out = new ArrayList<>();
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isAsterisk() && !imp.isStatic()) {
                out.add(imp.getNameAsString());
            }
        }
        return out;
    }

    boolean isReassigned(String name) {
        return reassigned.contains(name);
    }

    List<Value> evaluate(Expression e) {
        return evaluate(e, 0);
    }

    private List<Value> evaluate(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return List.of();
        }
        if (e instanceof StringLiteralExpr s) {
            return List.of(literal(s.asString(), Shape.STRING, s));
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return List.of(literal(t.asString(), Shape.STRING, t));
        }
        if (e instanceof EnclosedExpr en) {
            return evaluate(en.getInner(), depth + 1);
        }
        if (e instanceof CastExpr c) {
            return evaluate(c.getExpression(), depth + 1);
        }
        if (e instanceof ConditionalExpr c) {
            List<Value> out = new ArrayList<>(evaluate(c.getThenExpr(), depth + 1));
            out.addAll(evaluate(c.getElseExpr(), depth + 1));
            return cap(out);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            List<Value> left = evaluate(b.getLeft(), depth + 1);
            if (left.isEmpty()) {
                return List.of();
            }
            List<Value> right = evaluate(b.getRight(), depth + 1);
            List<Value> out = new ArrayList<>();
            for (Value l : left) {
                for (Value r : right) {
                    out.add(concat(l, r));
                }
            }
            return cap(out);
        }
        if (e instanceof ArrayCreationExpr a) {
            return a.getInitializer().map(init -> evaluate(init, depth + 1)).orElse(List.of());
        }
        if (e instanceof ArrayInitializerExpr init) {
            return array(init);
        }
        if (e instanceof MethodCallExpr m) {
            return wrapper(m, depth);
        }
        if (e instanceof ObjectCreationExpr o) {
            String type = o.getType().getNameAsString();
            if ((type.equals("String") || type.equals("BigInteger")) && !o.getArguments().isEmpty()) {
                return evaluate(o.getArgument(0), depth + 1);
            }
            return List.of();
        }
        if (e instanceof NameExpr n) {
            return resolveName(n.getNameAsString(), e, depth).stream().map(v -> v.via(n.getNameAsString())).toList();
        }
        if (e instanceof FieldAccessExpr f) {
            return resolveQualified(f, depth).stream().map(v -> v.via(f.getNameAsString())).toList();
        }
        return List.of();
    }

    private List<Value> wrapper(MethodCallExpr m, int depth) {
        String name = m.getNameAsString();
        Optional<Expression> scope = m.getScope();
        switch (name) {
            case "toCharArray", "getBytes", "trim", "strip", "intern", "toString" -> {
                if (scope.isPresent()) {
                    Shape shape = name.equals("toCharArray") ? Shape.CHARS : name.equals("getBytes") ? Shape.BYTES : null;
                    return evaluate(scope.get(), depth + 1).stream()
                            .map(v -> shape == null ? v : new Value(v.text(), shape, v.pieces(), v.via())).toList();
                }
                return List.of();
            }
            case "valueOf", "copyValueOf" -> {
                if (scope.isPresent() && scope.get().toString().equals("String") && m.getArguments().size() == 1) {
                    return evaluate(m.getArgument(0), depth + 1);
                }
                return List.of();
            }
            case "decode", "decodeBase64", "parseBase64Binary", "parseHexBinary", "decodeHex", "parseHex",
                 "fromHexString", "hexStringToByteArray", "hexToBytes" -> {
                if (m.getArguments().size() == 1) {
                    return evaluate(m.getArgument(0), depth + 1).stream()
                            .map(v -> new Value(v.text(), Shape.BYTES, v.pieces(), v.via())).toList();
                }
                return List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<Value> array(ArrayInitializerExpr init) {
        List<Expression> values = init.getValues();
        if (values.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        boolean chars = true;
        boolean numbers = true;
        for (Expression v : values) {
            Expression x = v;
            while (x instanceof CastExpr c) {
                x = c.getExpression();
            }
            if (x instanceof CharLiteralExpr ch) {
                numbers = false;
                text.append(ch.asChar());
            } else if (x instanceof IntegerLiteralExpr || (x instanceof UnaryExpr u && u.getExpression() instanceof IntegerLiteralExpr)) {
                chars = false;
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(x);
            } else {
                return List.of();
            }
        }
        if (chars == numbers) {
            return List.of();
        }
        Origin origin = origin(init);
        String value = text.toString();
        if (numbers && values.size() < 8) {
            return List.of();
        }
        return List.of(new Value(value, chars ? Shape.CHARS : Shape.BYTES,
                List.of(new Piece(0, value.length(), origin)), null));
    }

    private List<Value> resolveName(String name, Node use, int depth) {
        // a local of the enclosing callable, declared before the use and never reassigned
        Node callable = enclosingCallable(use);
        if (callable != null) {
            Range useRange = use.getRange().orElse(null);
            VariableDeclarator best = null;
            for (VariableDeclarator v : variables.getOrDefault(name, List.of())) {
                if (v.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent()
                        || enclosingCallable(v) != callable) {
                    continue;
                }
                if (useRange != null && v.getRange().map(r -> r.begin.isBefore(useRange.begin)).orElse(false)) {
                    best = v;
                }
            }
            if (best != null) {
                if (reassignedWithin(callable, name) || best.getInitializer().isEmpty()) {
                    return List.of();
                }
                return evaluate(best.getInitializer().get(), depth + 1);
            }
            for (Parameter p : parameters.getOrDefault(name, List.of())) {
                if (isWithin(use, p.getParentNode().orElse(null))) {
                    return List.of();
                }
            }
        }
        // a field of this file that is never reassigned
        List<VariableDeclarator> candidates = fields.get(name);
        if (candidates != null && !reassigned.contains(name)) {
            VariableDeclarator field = nearestField(candidates, use);
            if (field != null && field.getInitializer().isPresent()) {
                return evaluate(field.getInitializer().get(), depth + 1);
            }
            return List.of();
        }
        // a static import, or a constant of an implemented interface / the same package in another file
        String owner = staticImports.get(name);
        if (owner != null) {
            return crossFile(owner, name);
        }
        for (String wildcardOwner : staticWildcardOwners) {
            List<Value> v = crossFile(wildcardOwner, name);
            if (!v.isEmpty()) {
                return v;
            }
        }
        for (String superType : superTypes(use)) {
            List<Value> v = crossFile(superType, name);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return List.of();
    }

    private List<Value> resolveQualified(FieldAccessExpr f, int depth) {
        String name = f.getNameAsString();
        String owner = simpleName(f.getScope().toString());
        if (owner.isEmpty() || !Character.isUpperCase(owner.charAt(0))) {
            if (f.getScope().isThisExpr()) {
                return resolveName(name, f, depth);
            }
            return List.of();
        }
        for (TypeDeclaration<?> type : types) {
            if (type.getNameAsString().equals(owner)) {
                for (FieldDeclaration fd : type.getFields()) {
                    for (VariableDeclarator v : fd.getVariables()) {
                        if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()
                                && (fd.isFinal() || !reassigned.contains(name))) {
                            return evaluate(v.getInitializer().get(), depth + 1);
                        }
                    }
                }
                return List.of();
            }
        }
        return crossFile(owner, name);
    }

    /** A constant of another file: unique by owner and name, else nothing (ambiguous). */
    private List<Value> crossFile(String owner, String name) {
        JavaConstant found = null;
        for (JavaConstant c : context.facts(JavaConstant.KEY)) {
            if (c.name().equals(name) && c.owner().equals(owner)) {
                if (found != null && !found.value().equals(c.value())) {
                    return List.of();
                }
                found = c;
            }
        }
        if (found == null || found.location().file().equals(file.path())) {
            return List.of();
        }
        Origin origin = new Origin(found.location(), null, found.logicalPosition());
        return List.of(new Value(found.value(), Shape.STRING, List.of(new Piece(0, found.value().length(), origin)), null));
    }

    private List<String> superTypes(Node use) {
        List<String> out = new ArrayList<>();
        Optional<ClassOrInterfaceDeclaration> type = ancestor(use, ClassOrInterfaceDeclaration.class);
        while (type.isPresent()) {
            for (ClassOrInterfaceType t : type.get().getExtendedTypes()) {
                out.add(t.getNameAsString());
            }
            for (ClassOrInterfaceType t : type.get().getImplementedTypes()) {
                out.add(t.getNameAsString());
            }
            type = ancestor(type.get(), ClassOrInterfaceDeclaration.class);
        }
        return out;
    }

    private static VariableDeclarator nearestField(List<VariableDeclarator> candidates, Node use) {
        Optional<Node> enclosing = ancestor(use, TypeDeclaration.class);
        while (enclosing.isPresent()) {
            Node type = enclosing.get();
            for (VariableDeclarator v : candidates) {
                if (ancestor(v, TypeDeclaration.class).map(t -> t == type).orElse(false)) {
                    return v;
                }
            }
            enclosing = ancestor(type, TypeDeclaration.class);
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private boolean reassignedWithin(Node callable, String name) {
        for (AssignExpr a : assignments.getOrDefault(name, List.of())) {
            if (enclosingCallable(a) == callable) {
                return true;
            }
        }
        return false;
    }

    /** Variable declarators named {@code name} anywhere in the file (fields, locals, resources). */
    List<VariableDeclarator> variablesNamed(String name) {
        return variables.getOrDefault(name, List.of());
    }

    List<Parameter> parametersNamed(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    List<VariableDeclarator> fieldsNamed(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** True when {@code node} is {@code ancestor} or inside it. */
    static boolean isWithin(Node node, Node ancestor) {
        if (ancestor == null) {
            return false;
        }
        for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The nearest enclosing node of a type (JavaParser's own {@code findAncestor} is a generic varargs method). */
    static <T> Optional<T> ancestor(Node n, Class<? extends T> type) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (type.isInstance(p)) {
                return Optional.of(type.cast(p));
            }
        }
        return Optional.empty();
    }

    static Node enclosingCallable(Node n) {
        Optional<Node> p = n.getParentNode();
        while (p.isPresent()) {
            Node x = p.get();
            if (x instanceof CallableDeclaration<?> || x instanceof InitializerDeclaration) {
                return x;
            }
            if (x instanceof BodyDeclaration<?> && !(x instanceof CallableDeclaration<?>)) {
                return null;
            }
            p = x.getParentNode();
        }
        return null;
    }

    static Optional<String> nameOf(Expression target) {
        if (target instanceof NameExpr n) {
            return Optional.of(n.getNameAsString());
        }
        if (target instanceof FieldAccessExpr f) {
            return Optional.of(f.getNameAsString());
        }
        return Optional.empty();
    }

    static String simpleName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    Origin origin(Node node) {
        return new Origin(location(node), node, null);
    }

    Location location(Node node) {
        Range r = node.getRange().orElse(null);
        if (r == null) {
            return Location.line(file.path(), 1);
        }
        return new Location(file.path(), r.begin.line, r.begin.column, r.end.line, r.end.column + 1);
    }

    private Value literal(String text, Shape shape, Node node) {
        return new Value(text, shape, List.of(new Piece(0, text.length(), origin(node))), null);
    }

    private static Value concat(Value l, Value r) {
        List<Piece> pieces = new ArrayList<>(l.pieces());
        int offset = l.text().length();
        for (Piece p : r.pieces()) {
            pieces.add(new Piece(p.start() + offset, p.end() + offset, p.origin()));
        }
        return new Value(l.text() + r.text(), Shape.STRING, pieces, l.via() != null ? l.via() : r.via());
    }

    private static List<Value> cap(List<Value> values) {
        return values.size() <= MAX_VALUES ? values : values.subList(0, MAX_VALUES);
    }
}
