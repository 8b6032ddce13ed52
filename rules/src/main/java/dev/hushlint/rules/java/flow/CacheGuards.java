package dev.hushlint.rules.java.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;

import java.util.HashSet;
import java.util.Set;

/**
 * Is a call's result kept across invocations? Recognises the usual hand-written caches: a lazily initialised
 * field guarded by a check on a field (null check, expiry time, {@code containsKey}), an early return of a
 * cached field, and {@code computeIfAbsent} (or a loading {@code get(key, loader)}) on a map or cache held
 * in a field. A map or variable local to the method is no cache, and neither is a field written on every call.
 */
public final class CacheGuards {

    private static final Set<String> LOADING_CALLS = Set.of("computeIfAbsent", "computeIfPresent", "compute", "get",
            "getIfPresent", "memoize", "memoizeWithExpiration");

    private CacheGuards() {
    }

    public static boolean isCached(Node call, Node member, TypeDeclaration<?> type) {
        Node child = null;
        for (Node p = call; p != null && child != member; child = p, p = p.getParentNode().orElse(null)) {
            if ((p instanceof LambdaExpr || p instanceof MethodReferenceExpr)
                    && p.getParentNode().orElse(null) instanceof MethodCallExpr loader
                    && LOADING_CALLS.contains(loader.getNameAsString())
                    && (loader.getNameAsString().startsWith("memoize")
                    || loader.getScope().map(s -> JavaNodes.fieldRef(s, member, type) != null).orElse(false))) {
                return true;
            }
            if (child == null) {
                continue;
            }
            if (p instanceof IfStmt ifs && child != ifs.getCondition() && guards(ifs.getCondition(), child, member, type)) {
                return true;
            }
            if (p instanceof ConditionalExpr ce && child != ce.getCondition() && guards(ce.getCondition(), child, member, type)) {
                return true;
            }
            if (p instanceof BlockStmt block && child instanceof Statement stmt && earlyReturnGuard(block, stmt, member, type)) {
                return true;
            }
        }
        return false;
    }

    /** A preceding {@code if (<field check>) return …;} in the block, and the member writes that field. */
    private static boolean earlyReturnGuard(BlockStmt block, Statement stmt, Node member, TypeDeclaration<?> type) {
        Set<String> written = fieldsWritten(member, member, type);
        for (Statement s : block.getStatements()) {
            if (s == stmt) {
                return false;
            }
            if (s instanceof IfStmt ifs && exits(ifs.getThenStmt())) {
                Set<String> checked = fieldsIn(ifs.getCondition(), member, type);
                checked.retainAll(written);
                if (!checked.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean exits(Statement s) {
        if (s instanceof ReturnStmt || s instanceof ThrowStmt) {
            return true;
        }
        return s instanceof BlockStmt b && !b.getStatements().isEmpty() && exits(b.getStatements().getLast().get());
    }

    /** The branch stores into a field that the condition checks: a lazy initialisation or a cache refresh. */
    private static boolean guards(Expression condition, Node branch, Node member, TypeDeclaration<?> type) {
        Set<String> written = fieldsWritten(branch, member, type);
        if (written.isEmpty()) {
            return false;
        }
        Set<String> checked = fieldsIn(condition, member, type);
        checked.retainAll(written);
        return !checked.isEmpty();
    }

    /** Fields assigned ({@code f = …}) or stored into ({@code f.put(…)}) within the node. */
    private static Set<String> fieldsWritten(Node node, Node member, TypeDeclaration<?> type) {
        Set<String> fields = new HashSet<>();
        for (AssignExpr a : node.findAll(AssignExpr.class)) {
            String f = JavaNodes.fieldRef(a.getTarget(), member, type);
            if (f != null) {
                fields.add(f);
            }
        }
        for (MethodCallExpr m : node.findAll(MethodCallExpr.class)) {
            String name = m.getNameAsString();
            if ((name.equals("put") || name.equals("putIfAbsent") || name.equals("set") || name.equals("lazySet"))
                    && m.getScope().isPresent()) {
                String f = JavaNodes.fieldRef(m.getScope().get(), member, type);
                if (f != null) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    /**
     * Fields read in an expression (a guard condition), directly or through a local initialised from one
     * ({@code String v = cache.get(k); if (v == null) …}).
     */
    private static Set<String> fieldsIn(Expression condition, Node member, TypeDeclaration<?> type) {
        Set<String> fields = new HashSet<>();
        condition.walk(node -> {
            if (node instanceof NameExpr || node instanceof FieldAccessExpr) {
                String f = JavaNodes.fieldRef(node, member, type);
                if (f != null) {
                    fields.add(f);
                } else if (node instanceof NameExpr local) {
                    for (VariableDeclarator v : member.findAll(VariableDeclarator.class)) {
                        if (v.getNameAsString().equals(local.getNameAsString()) && v.getInitializer().isPresent()) {
                            v.getInitializer().get().walk(n -> {
                                String g = (n instanceof NameExpr || n instanceof FieldAccessExpr)
                                        ? JavaNodes.fieldRef(n, member, type) : null;
                                if (g != null) {
                                    fields.add(g);
                                }
                            });
                        }
                    }
                }
            }
        });
        return fields;
    }
}
