package dev.hushlint.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.hushlint.engine.Fact;
import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.Indexer;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.rules.java.flow.LexicalJava;
import dev.hushlint.rules.java.flow.LexicalJava.TypeHeader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Which classes are AWS Lambda handlers: those implementing {@code RequestHandler} or
 * {@code RequestStreamHandler} directly, or through supertypes declared anywhere in the scanned tree.
 *
 * <p>The index pass reads type headers lexically (no parse) from files that declare a supertype; the rule
 * pass closes the hierarchy once per scan. Types are matched by simple name: without a classpath two
 * same-named types in different packages are one.
 */
public final class LambdaHandlers implements Indexer<JavaSource> {

    /** A type declared in the scanned tree with its direct supertypes (simple names). */
    public record TypeEdge(String qualifiedName, String simpleName, List<String> supertypes) {
        public TypeEdge {
            supertypes = List.copyOf(supertypes);
        }
    }

    public static final FactKey<TypeEdge> TYPES = new FactKey<>("java/type-hierarchy", TypeEdge.class);

    static final Set<String> HANDLER_INTERFACES = Set.of("RequestHandler", "RequestStreamHandler");
    private static final String HANDLER_METHOD = "handleRequest";

    /** The handler names of the last scan's facts, computed once per fact list (a memo of a pure function). */
    private static final AtomicReference<Memo> MEMO = new AtomicReference<>();

    private record Memo(List<TypeEdge> facts, Set<String> handlerTypes) {
    }

    /** A handler class in one file, with the members that run when it serves an invocation. */
    public record Handler(ClassOrInterfaceDeclaration type, String qualifiedName, List<MethodDeclaration> entryMethods) {
    }

    @Override
    public Class<JavaSource> inputType() {
        return JavaSource.class;
    }

    @Override
    public List<Fact<?>> index(JavaSource source) {
        String text = source.file().text();
        if (!text.contains("extends") && !text.contains("implements")) {
            return List.of();
        }
        String pkg = LexicalJava.packageName(text);
        List<Fact<?>> facts = new ArrayList<>();
        for (TypeHeader header : LexicalJava.typeHeaders(text)) {
            String qualified = pkg.isEmpty() ? header.simpleName() : pkg + "." + header.simpleName();
            facts.add(TYPES.of(new TypeEdge(qualified, header.simpleName(), header.supertypes())));
        }
        return facts;
    }

    /** Simple names of every type in the scan that is (transitively) a Lambda handler type. */
    public static Set<String> handlerTypes(ScanContext context) {
        List<TypeEdge> facts = context.facts(TYPES);
        if (facts.isEmpty()) {
            return Set.of();
        }
        Memo memo = MEMO.get();
        if (memo != null && memo.facts() == facts) {
            return memo.handlerTypes();
        }
        Set<String> handlers = close(facts);
        MEMO.set(new Memo(facts, handlers));
        return handlers;
    }

    private static Set<String> close(List<TypeEdge> edges) {
        Map<String, List<String>> subtypes = new HashMap<>();
        for (TypeEdge e : edges) {
            for (String s : e.supertypes()) {
                subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(e.simpleName());
            }
        }
        Set<String> handlers = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(HANDLER_INTERFACES);
        while (!work.isEmpty()) {
            for (String sub : subtypes.getOrDefault(work.pop(), List.of())) {
                if (handlers.add(sub)) {
                    work.push(sub);
                }
            }
        }
        return Set.copyOf(handlers);
    }

    /**
     * The lexical prefilter of the Lambda rules: could this file declare a handler class? True when it names a
     * handler interface, or extends a type the scan knows to be a handler.
     */
    public static boolean couldDeclareHandler(String text, ScanContext context) {
        if (text.contains("RequestHandler") || text.contains("RequestStreamHandler")) {
            return true;
        }
        Set<String> known = handlerTypes(context);
        if (known.isEmpty() || !text.contains("extends") && !text.contains("implements")) {
            return false;
        }
        for (TypeHeader h : LexicalJava.typeHeaders(text)) {
            if (h.supertypes().stream().anyMatch(known::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The handler classes declared in a parsed file (top-level and nested). */
    public static List<Handler> handlersIn(CompilationUnit unit, ScanContext context) {
        Set<String> known = new HashSet<>(handlerTypes(context));
        List<ClassOrInterfaceDeclaration> types = unit.findAll(ClassOrInterfaceDeclaration.class);
        // the file's own hierarchy, so a single-file check needs no index
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ClassOrInterfaceDeclaration t : types) {
                if (!known.contains(t.getNameAsString()) && supertypeNames(t).stream()
                        .anyMatch(s -> HANDLER_INTERFACES.contains(s) || known.contains(s))) {
                    known.add(t.getNameAsString());
                    grew = true;
                }
            }
        }
        List<Handler> handlers = new ArrayList<>();
        for (ClassOrInterfaceDeclaration t : types) {
            if (t.isInterface() || !known.contains(t.getNameAsString())) {
                continue;
            }
            handlers.add(new Handler(t, t.getFullyQualifiedName().orElse(t.getNameAsString()), entryMethods(t)));
        }
        return handlers;
    }

    private static List<String> supertypeNames(ClassOrInterfaceDeclaration t) {
        List<String> names = new ArrayList<>();
        for (ClassOrInterfaceType s : t.getExtendedTypes()) {
            names.add(s.getNameAsString());
        }
        for (ClassOrInterfaceType s : t.getImplementedTypes()) {
            names.add(s.getNameAsString());
        }
        return names;
    }

    /**
     * What runs per invocation: {@code handleRequest}; in a class that inherits it from a handler superclass,
     * also the {@code @Override} methods the superclass's template calls.
     */
    private static List<MethodDeclaration> entryMethods(ClassOrInterfaceDeclaration t) {
        List<MethodDeclaration> entries = new ArrayList<>();
        boolean implementsDirectly = t.getImplementedTypes().stream()
                .anyMatch(s -> HANDLER_INTERFACES.contains(s.getNameAsString()));
        for (MethodDeclaration m : t.getMethods()) {
            if (m.isStatic() || m.getBody().isEmpty()) {
                continue;
            }
            if (m.getNameAsString().equals(HANDLER_METHOD)
                    || (!implementsDirectly && m.isAnnotationPresent("Override"))) {
                entries.add(m);
            }
        }
        return entries;
    }

    /**
     * The methods of the type reachable from the roots through calls on {@code this} (unqualified or
     * {@code this.m()}, method references {@code this::m}), roots included. Calls for which
     * {@code skipCall} is true (e.g. behind a cache guard) are not followed.
     */
    public static Set<Node> reachable(TypeDeclaration<?> type, List<? extends Node> roots, Predicate<Node> skipCall) {
        Map<String, List<MethodDeclaration>> byName = new HashMap<>();
        for (MethodDeclaration m : type.getMethods()) {
            if (m.getBody().isPresent()) {
                byName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
            }
        }
        Set<Node> seen = new LinkedHashSet<>(roots);
        Deque<Node> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            Node current = work.pop();
            for (MethodCallExpr call : current.findAll(MethodCallExpr.class)) {
                if ((call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)
                        && !skipCall.test(call) && ownedBy(call, type)) {
                    for (MethodDeclaration target : byName.getOrDefault(call.getNameAsString(), List.of())) {
                        if (target.getParameters().size() == call.getArguments().size() || target.getParameters().isEmpty()
                                || target.getParameters().getLast().map(p -> p.isVarArgs()).orElse(false)) {
                            if (seen.add(target)) {
                                work.push(target);
                            }
                        }
                    }
                }
            }
            for (MethodReferenceExpr ref : current.findAll(MethodReferenceExpr.class)) {
                if (ref.getScope() instanceof ThisExpr && !skipCall.test(ref) && ownedBy(ref, type)) {
                    for (MethodDeclaration target : byName.getOrDefault(ref.getIdentifier(), List.of())) {
                        if (seen.add(target)) {
                            work.push(target);
                        }
                    }
                }
            }
        }
        return seen;
    }

    /** The roots of a handler class that run at cold start or per invocation: constructors, initializers, entries. */
    public static List<Node> initializers(TypeDeclaration<?> type) {
        List<Node> nodes = new ArrayList<>();
        for (var member : type.getMembers()) {
            if (member instanceof ConstructorDeclaration || member instanceof InitializerDeclaration
                    || member instanceof FieldDeclaration) {
                nodes.add(member);
            }
        }
        return nodes;
    }

    /** True when the nearest enclosing type of the node is {@code type} (not a nested, local or anonymous class). */
    public static boolean ownedBy(Node node, TypeDeclaration<?> type) {
        Node child = node;
        for (Node p = node.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?>) {
                return p == type;
            }
            final Node from = child;
            if (p instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o && o.getAnonymousClassBody()
                    .map(body -> body.stream().anyMatch(m -> m == from)).orElse(false)) {
                return false;
            }
        }
        return false;
    }
}
