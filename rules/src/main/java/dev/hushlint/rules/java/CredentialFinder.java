package dev.hushlint.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.hushlint.engine.Location;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.java.ConstantEvaluator.Origin;
import dev.hushlint.rules.java.ConstantEvaluator.Shape;
import dev.hushlint.rules.java.ConstantEvaluator.Value;
import dev.hushlint.rules.secret.CredentialValues;
import dev.hushlint.rules.secret.SecretNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared analysis behind {@code java/hardcoded-credential}, {@code java/hardcoded-crypto-key} and
 * {@code java/credential-in-url}: one walk over a parsed file that finds every literal reaching a credential
 * — a catalogue sink, a secret-named setter, a credential key, a fallback of a credential lookup, a
 * comparison with a secret, a secret-named variable, field, getter or annotation attribute, a JAAS line,
 * a connection string, a URL with a password.
 */
final class CredentialFinder {

    static final String CREDENTIAL = "java/hardcoded-credential";
    static final String CRYPTO_KEY = "java/hardcoded-crypto-key";
    static final String URL = "java/credential-in-url";

    private static final Set<String> KEY_VALUE_METHODS = Set.of("put", "putIfAbsent", "setProperty", "set",
            "header", "setHeader", "addHeader", "setRequestProperty", "addRequestProperty", "property", "option",
            "withHeader", "defaultHeader", "putString", "addProperty", "withProperty", "entry", "param");
    private static final Set<String> PAIR_FACTORIES = Set.of("of", "ofEntries");
    private static final Set<String> FALLBACK_COMBINATORS = Set.of("requireNonNullElse", "defaultIfEmpty",
            "defaultIfBlank", "defaultString", "firstNonNull", "firstNonBlank", "coalesce");
    private static final Set<String> OPTIONAL_FALLBACKS = Set.of("orElse", "or", "getOrElse", "orElseGet");
    private static final Pattern LOOKUP_METHOD = Pattern.compile(
            "(?i)^(get|opt|env|read|lookup|resolve|config|fetch)\\w*$|^property$");
    private static final Pattern NOT_A_SETTER = Pattern.compile(
            "^(get|is|has|find|load|fetch|read|lookup|resolve|retrieve|remove|delete|contains|validate|check|verify|"
                    + "matches|encode|decode|hash|encrypt|decrypt|mask|log|print|should|expect|assert|generate|create|"
                    + "rotate|reset|clear|update|request|parse|format|to|compute|derive|sign|refresh|revoke|save|store|"
                    + "send|handle|on|process|apply|test|new|build|require|ensure|sanitize|redact|hide|show|describe).*");
    private static final Pattern SETTER_PREFIX = Pattern.compile("^(set|with|use|add)(?=[A-Z])");
    private static final Pattern VALUE_DEFAULT = Pattern.compile("^\\$\\{([^:}]+):([^}]*)}$");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(?i)\\bpassword\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern CONNECTION_KEY = Pattern.compile(
            "(?i)\\b(AccountKey|SharedAccessKey|SharedAccessSignature|SharedSecretValue)=([^;\"\\s]+)");
    private static final Pattern AUTH_HEADER_VALUE = Pattern.compile("^(?i:basic|bearer|token|apikey|sso-key)\\s+(\\S{6,})$");
    private static final Pattern URL_USERINFO = Pattern.compile(
            "\\b([a-zA-Z][a-zA-Z0-9+.:-]*)://([^/\\s:@?#\"'{}]*):([^\\s@/?#\"']+)@([\\w.\\[\\]-]+)");
    private static final Pattern URL_PASSWORD_PARAM = Pattern.compile("(?i)(?:^|[?;&:])(?:password|pwd|passwd)=([^;&\\s\"']+)");
    private static final Pattern ORACLE_THIN = Pattern.compile("(?i)jdbc:oracle:thin:([^/@:\\s]+)/([^@\\s]+)@");
    private static final Set<String> URL_DOC_PASSWORDS = Set.of("password", "pass", "passwd", "pwd", "secret",
            "pw", "pass123", "yourpassword", "mypassword", "p", "xxx");

    private final CompilationUnit unit;
    private final TextFile file;
    private final ConstantEvaluator eval;
    private final boolean testCode;
    private final List<CredentialHit> hits = new ArrayList<>();

    private CredentialFinder(CompilationUnit unit, TextFile file, ScanContext context) {
        this.unit = unit;
        this.file = file;
        this.eval = new ConstantEvaluator(unit, file, context);
        this.testCode = isTestCode(file.displayPath());
    }

    static List<CredentialHit> find(CompilationUnit unit, TextFile file, ScanContext context) {
        CredentialFinder finder = new CredentialFinder(unit, file, context);
        finder.run();
        // a literal used as key material is a crypto-key finding, even when its name also says "secret"
        Set<String> keys = new java.util.HashSet<>();
        for (CredentialHit h : finder.hits) {
            if (h.ruleId().equals(CRYPTO_KEY)) {
                keys.add(h.location() + "\0" + h.secret());
            }
        }
        return finder.hits.stream()
                .filter(h -> !h.ruleId().equals(CREDENTIAL) || !keys.contains(h.location() + "\0" + h.secret()))
                .toList();
    }

    /** Test sources: under a {@code test}/{@code tests}/{@code src/test} directory or named like a test class. */
    static boolean isTestCode(String displayPath) {
        String p = "/" + displayPath.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.contains("/src/test/") || p.contains("/test/") || p.contains("/tests/") || p.contains("/src/it/")
                || p.contains("/testFixtures/") || name.endsWith("Test.java") || name.endsWith("Tests.java")
                || name.endsWith("IT.java") || name.endsWith("TestCase.java");
    }

    private final List<ObjectCreationExpr> creations = new ArrayList<>();
    private final List<MethodCallExpr> calls = new ArrayList<>();
    private final List<VariableDeclarator> declarators = new ArrayList<>();
    private final List<AssignExpr> assigns = new ArrayList<>();
    private final List<ReturnStmt> returns = new ArrayList<>();
    private final List<AnnotationExpr> annotations = new ArrayList<>();
    private final List<Expression> literals = new ArrayList<>();
    private final List<BinaryExpr> concatenations = new ArrayList<>();
    private final List<MethodDeclaration> methods = new ArrayList<>();
    private final List<EnumConstantDeclaration> enumConstants = new ArrayList<>();
    private final List<TypeDeclaration<?>> types = new ArrayList<>();

    private void collect() {
        unit.walk(Node.TreeTraversal.PREORDER, node -> {
            if (node instanceof ObjectCreationExpr o) {
                creations.add(o);
            } else if (node instanceof MethodCallExpr m) {
                calls.add(m);
            } else if (node instanceof VariableDeclarator v) {
                declarators.add(v);
            } else if (node instanceof AssignExpr a) {
                assigns.add(a);
            } else if (node instanceof ReturnStmt r) {
                returns.add(r);
            } else if (node instanceof AnnotationExpr a) {
                annotations.add(a);
            } else if (node instanceof MethodDeclaration md) {
                methods.add(md);
            } else if (node instanceof EnumConstantDeclaration e) {
                enumConstants.add(e);
            } else if (node instanceof TypeDeclaration<?> t) {
                types.add(t);
            } else if (node instanceof StringLiteralExpr || node instanceof TextBlockLiteralExpr) {
                literals.add((Expression) node);
            } else if (node instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                    && !(b.getParentNode().orElse(null) instanceof BinaryExpr)) {
                concatenations.add(b);
            }
        });
    }

    private void run() {
        collect();
        for (ObjectCreationExpr n : creations) {
            ClassOrInterfaceType type = n.getType();
            if (!catalogue(n, "<init>", type.getNameAsString(), n.getArguments(), type.getScope().map(Object::toString).orElse(null))) {
                localParameters(n, constructorParameters(type.getNameAsString(), n.getArguments().size()),
                        n.getArguments(), "new " + type.getNameAsString());
            }
        }
        for (MethodCallExpr m : calls) {
            method(m);
        }
        for (EnumConstantDeclaration e : enumConstants) {
            e.getParentNode().filter(TypeDeclaration.class::isInstance).map(t -> ((TypeDeclaration<?>) t).getNameAsString())
                    .ifPresent(type -> localParameters(e, constructorParameters(type, e.getArguments().size()),
                            e.getArguments(), type + "." + e.getNameAsString()));
        }
        for (VariableDeclarator v : declarators) {
            v.getInitializer().ifPresent(init -> named(v.getNameAsString(), init, v));
        }
        for (AssignExpr a : assigns) {
            if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
                ConstantEvaluator.nameOf(a.getTarget()).ifPresent(name -> named(name, a.getValue(), a));
            }
        }
        for (ReturnStmt r : returns) {
            r.getExpression().ifPresent(e -> ConstantEvaluator.<MethodDeclaration>ancestor(r, MethodDeclaration.class).ifPresent(md -> {
                String getter = md.getNameAsString().replaceFirst("^get(?=[A-Z])", "");
                if (md.getParameters().isEmpty() && isSecretName(getter) && ConstantEvaluator.enclosingCallable(r) == md) {
                    named(getter, e, r);
                }
            }));
        }
        for (AnnotationExpr a : annotations) {
            annotation(a);
        }
        for (Expression literal : literals) {
            literalShapes(literal);
        }
        for (BinaryExpr b : concatenations) {
            if (mayHoldUrlShape(b)) {
                for (Value v : eval.evaluate(b)) {
                    if (v.pieces().size() > 1) {
                        inspectText(v, b);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ sinks

    private void method(MethodCallExpr m) {
        String name = m.getNameAsString();
        List<Expression> args = m.getArguments();
        String owner = m.getScope().map(this::receiverType).orElseGet(() -> unscopedOwner(m));
        if (catalogue(m, name, owner, args, null)) {
            return;
        }
        if (m.getScope().isEmpty() || m.getScope().get().isThisExpr()) {
            localParameters(m, methodParameters(name, args.size()), args, name);
        }
        if (args.size() == 2 && KEY_VALUE_METHODS.contains(name)) {
            keyValue(m, args.get(0), args.get(1), name);
        }
        if (PAIR_FACTORIES.contains(name) && args.size() >= 2 && args.size() % 2 == 0
                && m.getScope().map(s -> s.toString().endsWith("Map")).orElse(false)) {
            for (int i = 0; i + 1 < args.size(); i += 2) {
                keyValue(m, args.get(i), args.get(i + 1), "Map.of");
            }
        }
        if (args.size() == 2 && LOOKUP_METHOD.matcher(name).matches() && !name.equals("get")) {
            credentialKey(args.get(0)).ifPresent(key -> fallback(args.get(1), key, name));
        }
        if (args.size() == 2 && FALLBACK_COMBINATORS.contains(name)) {
            lookupKey(args.get(0)).ifPresent(key -> fallback(args.get(1), key, name));
        }
        if (args.size() == 1 && OPTIONAL_FALLBACKS.contains(name) && m.getScope().isPresent()) {
            Optional<String> key = chainLookupKey(m.getScope().get());
            key.ifPresent(k -> fallback(args.get(0), k, name));
        }
        if (args.size() == 1 && (name.equals("equals") || name.equals("equalsIgnoreCase") || name.equals("contentEquals"))
                && m.getScope().isPresent()) {
            compare(m.getScope().get(), args.get(0));
            compare(args.get(0), m.getScope().get());
        }
        if (args.size() == 2 && (name.equals("equals") || name.equals("isEqual")) && m.getScope().isPresent()) {
            compare(args.get(0), args.get(1));
            compare(args.get(1), args.get(0));
        }
        if (args.size() == 1) {
            setter(m, name, args.get(0));
        }
    }

    /** A catalogue sink: reports each literal argument at a credential parameter. True when the call matched. */
    private boolean catalogue(Node call, String method, String owner, List<Expression> args, String qualifier) {
        List<CredentialSink> sinks = CredentialSinks.byMethod(method);
        if (sinks.isEmpty() || owner == null) {
            return false;
        }
        boolean matched = false;
        for (CredentialSink sink : sinks) {
            if (!sink.owner().equals(owner) || (sink.arity() >= 0 && sink.arity() != args.size())
                    || sink.parameter() >= args.size() || !importAllows(sink, owner, qualifier)) {
                continue;
            }
            matched = true;
            for (Value v : eval.evaluate(args.get(sink.parameter()))) {
                sinkValue(sink, v, call);
            }
        }
        return matched;
    }

    private void sinkValue(CredentialSink sink, Value v, Node call) {
        String text = v.text();
        switch (sink.kind()) {
            case CONNECTION_STRING -> {
                Matcher m = CONNECTION_KEY.matcher(text);
                while (m.find()) {
                    accept(CREDENTIAL, v, m.start(2), m.group(2), call, sink.display(),
                            "Hardcoded " + m.group(1) + " in the connection string passed to " + sink.display(), sink.id(), true);
                }
            }
            case USER_COLON_PASSWORD -> {
                int colon = text.indexOf(':');
                if (colon > 0) {
                    String password = text.substring(colon + 1);
                    accept(CREDENTIAL, v, colon + 1, password, call, sink.display(),
                            "Hardcoded password passed to " + sink.display() + via(v), sink.id(), true);
                }
            }
            default -> {
                if (sink.kind() == CredentialSink.Kind.CRYPTO_KEY && v.shape() == Shape.BYTES && text.indexOf(',') > 0) {
                    // a byte[] initialiser of numbers: key material by construction
                    report(CRYPTO_KEY, v, 0, text, call, sink.display(),
                            "Hardcoded key bytes passed to " + sink.display() + " (" + sink.label() + ")", sink.id());
                    return;
                }
                String rule = sink.isCryptoKey() ? CRYPTO_KEY : CREDENTIAL;
                String what = sink.isCryptoKey() ? "key material" : sink.label();
                accept(rule, v, 0, text, call, sink.display(),
                        "Hardcoded " + what + " passed to " + sink.display()
                                + (sink.isCryptoKey() ? " (" + sink.label() + ")" : "") + via(v), sink.id(), true);
            }
        }
    }

    /**
     * A call of a method or constructor declared in this file whose parameter is named like a secret
     * ({@code connect("orders", "…")} with {@code void connect(String user, String password)}), records included.
     */
    private void localParameters(Node call, List<Parameter> parameters, List<Expression> args, String callee) {
        if (parameters == null || parameters.size() != args.size()) {
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i).getNameAsString();
            if (!isSecretName(parameter) || isAmbiguousName(parameter)) {
                continue;
            }
            for (Value v : eval.evaluate(args.get(i))) {
                if (v.shape() == Shape.BYTES && v.text().indexOf(',') > 0) {
                    continue;
                }
                if (!CredentialValues.looksLikeName(v.text(), parameter) && !isMessage(v.text())) {
                    accept(CREDENTIAL, v, 0, v.text(), call, parameter,
                            "Hardcoded credential passed to parameter '" + parameter + "' of " + callee + via(v), null, true);
                }
            }
        }
    }

    /** The parameters of the one method of this file with that name and arity, or null when none or several. */
    private List<Parameter> methodParameters(String name, int arity) {
        List<Parameter> found = null;
        for (MethodDeclaration md : methods) {
            if (md.getNameAsString().equals(name) && md.getParameters().size() == arity && md.getParameters().stream().noneMatch(Parameter::isVarArgs)) {
                if (found != null) {
                    return null;
                }
                found = md.getParameters();
            }
        }
        return found;
    }

    /** The parameters of the one constructor (or record header) of a type of this file with that arity. */
    private List<Parameter> constructorParameters(String type, int arity) {
        List<Parameter> found = null;
        for (TypeDeclaration<?> t : types) {
            if (!t.getNameAsString().equals(type)) {
                continue;
            }
            if (t instanceof com.github.javaparser.ast.body.RecordDeclaration r && r.getParameters().size() == arity) {
                found = r.getParameters();
            }
            for (ConstructorDeclaration c : t.getConstructors()) {
                if (c.getParameters().size() == arity) {
                    if (found != null && found != c.getParameters()) {
                        return null;
                    }
                    found = c.getParameters();
                }
            }
        }
        return found;
    }

    /** A one-argument method whose name says it takes a secret: {@code setPassword}, {@code clientSecret}, {@code withApiKey}. */
    private void setter(MethodCallExpr m, String name, Expression arg) {
        if (NOT_A_SETTER.matcher(name).matches()) {
            return;
        }
        String property = SETTER_PREFIX.matcher(name).replaceFirst("");
        if (!isSecretName(property) || !isSecretName(name)) {
            return;
        }
        for (Value v : eval.evaluate(arg)) {
            if (v.shape() == Shape.BYTES && v.text().indexOf(',') > 0) {
                continue;
            }
            if (!CredentialValues.looksLikeName(v.text(), property) && !isMessage(v.text())) {
                boolean weakAllowed = !property.toLowerCase(Locale.ROOT).endsWith("token");
                accept(CREDENTIAL, v, 0, v.text(), m, name,
                        "Hardcoded credential passed to " + name + via(v), null, weakAllowed);
            }
        }
    }

    /** {@code put("password", "…")}, {@code setProperty("javax.net.ssl.keyStorePassword", "…")}, auth headers. */
    private void keyValue(Node call, Expression keyExpr, Expression valueExpr, String method) {
        Optional<String> keyText = keyText(keyExpr);
        if (keyText.isEmpty()) {
            return;
        }
        String key = keyText.get();
        boolean authHeader = key.equalsIgnoreCase("Authorization") || key.equalsIgnoreCase("Proxy-Authorization");
        if (!authHeader && !isCredentialKey(key)) {
            return;
        }
        for (Value v : eval.evaluate(valueExpr)) {
            if (authHeader) {
                Matcher m = AUTH_HEADER_VALUE.matcher(v.text());
                if (m.matches()) {
                    accept(CREDENTIAL, v, m.start(1), m.group(1), call, key,
                            "Hardcoded credential in the " + key + " header" + via(v), null, true);
                }
            } else if (!CredentialValues.looksLikeName(v.text(), key) && !isLookupValue(valueExpr) && !isMessage(v.text())) {
                accept(CREDENTIAL, v, 0, v.text(), call, key,
                        "Hardcoded credential stored under '" + key + "' (" + method + ")" + via(v), null, true);
            }
        }
    }

    private void fallback(Expression valueExpr, String key, String method) {
        for (Value v : eval.evaluate(valueExpr)) {
            if (!CredentialValues.looksLikeName(v.text(), key) && !isMessage(v.text())) {
                accept(CREDENTIAL, v, 0, v.text(), valueExpr, key,
                        "Hardcoded fallback value for credential '" + key + "' (" + method + ")" + via(v), null, true);
            }
        }
    }

    /** {@code "…".equals(password)}: the secret is the literal it is compared with. */
    private void compare(Expression secretSide, Expression literalSide) {
        Optional<String> name = secretExpressionName(secretSide);
        if (name.isEmpty() || isAmbiguousName(name.get())) {
            return;
        }
        for (Value v : eval.evaluate(literalSide)) {
            if (!CredentialValues.looksLikeName(v.text(), name.get()) && !isMessage(v.text())) {
                accept(CREDENTIAL, v, 0, v.text(), literalSide, name.get(),
                        "'" + name.get() + "' is compared with a hardcoded value" + via(v), null, true);
            }
        }
    }

    /** A secret-named variable, field, constant or getter that holds a literal. */
    private void named(String name, Expression init, Node at) {
        if (!isSecretName(name)) {
            return;
        }
        for (Value v : eval.evaluate(init)) {
            if (v.shape() == Shape.BYTES && v.text().indexOf(',') > 0) {
                continue;
            }
            if (CredentialValues.isPlausibleSecretValue(v.text(), name)
                    && (!isAmbiguousName(name) || CredentialValues.isStrongSecret(v.text()))) {
                report(CREDENTIAL, v, 0, v.text(), at, name,
                        "Hardcoded credential assigned to '" + name + "'" + via(v), null);
            }
        }
    }

    private void annotation(AnnotationExpr a) {
        String annotation = a.getNameAsString();
        if ((annotation.equals("Value") || annotation.endsWith(".Value")) && a instanceof SingleMemberAnnotationExpr s) {
            for (Value v : eval.evaluate(s.getMemberValue())) {
                Matcher m = VALUE_DEFAULT.matcher(v.text());
                if (m.matches()) {
                    String property = m.group(1).strip();
                    String fallback = m.group(2);
                    if (isSecretName(property) && !CredentialValues.looksLikeName(fallback, property)) {
                        accept(CREDENTIAL, v, m.start(2), fallback, a, property,
                                "Hardcoded default for '" + property + "' in @Value", null, true);
                    }
                } else {
                    annotatedName(a).ifPresent(name -> {
                        if (isSecretName(name) && CredentialValues.isPlausibleSecretValue(v.text(), name)) {
                            report(CREDENTIAL, v, 0, v.text(), a, name,
                                    "Hardcoded credential in @Value on '" + name + "'", null);
                        }
                    });
                }
            }
            return;
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair pair : n.getPairs()) {
                if (!isSecretName(pair.getNameAsString())) {
                    continue;
                }
                for (Value v : eval.evaluate(pair.getValue())) {
                    if (!CredentialValues.looksLikeName(v.text(), pair.getNameAsString()) && !isMessage(v.text())) {
                        accept(CREDENTIAL, v, 0, v.text(), pair, pair.getNameAsString(),
                                "Hardcoded credential in @" + annotation + "(" + pair.getNameAsString() + ")", null, true);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ shapes inside literals

    private void literalShapes(Expression literal) {
        if (literal.getParentNode().orElse(null) instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            // judged as part of the whole concatenation too; still judged alone below
        }
        for (Value v : eval.evaluate(literal)) {
            inspectText(v, literal);
        }
    }

    /** Only concatenations with a literal that starts a URL, a JAAS line or a connection string are evaluated. */
    private static boolean mayHoldUrlShape(BinaryExpr b) {
        for (Expression e = b; e instanceof BinaryExpr x; e = x.getLeft()) {
            if (x.getLeft() instanceof StringLiteralExpr s && isUrlStart(s.asString())) {
                return true;
            }
            if (x.getRight() instanceof StringLiteralExpr s && isUrlStart(s.asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUrlStart(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.contains("://") || lower.startsWith("jdbc:") || lower.contains("loginmodule")
                || lower.contains("password=") || lower.contains("accountkey=") || lower.contains("server=");
    }

    /** JAAS lines, connection strings and URLs with a password inside one constant string. */
    private void inspectText(Value v, Node at) {
        String text = v.text();
        if (text.length() < 8 || text.length() > 20_000) {
            return;
        }
        if (text.contains("LoginModule")) {
            Matcher m = JAAS_PASSWORD.matcher(text);
            while (m.find()) {
                accept(CREDENTIAL, v, m.start(1), m.group(1), at, "jaas",
                        "Hardcoded password in a JAAS login configuration", null, true);
            }
        }
        Matcher key = CONNECTION_KEY.matcher(text);
        while (key.find()) {
            accept(CREDENTIAL, v, key.start(2), key.group(2), at, "connection-string",
                    "Hardcoded " + key.group(1) + " in a connection string", null, true);
        }
        if (text.contains("://")) {
            Matcher m = URL_USERINFO.matcher(text);
            while (m.find()) {
                String user = m.group(2);
                String password = m.group(3);
                if (isDocumentationUserInfo(user, password) || password.contains("${") || password.startsWith("{")
                        || password.startsWith("%") || password.startsWith("$")) {
                    continue;
                }
                accept(URL, v, m.start(3), password, at, m.group(1),
                        "Password in the user-info of a " + m.group(1) + " URL", null, true);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:") || lower.contains("://") || lower.contains("server=") || lower.contains("data source=")
                || lower.contains("host=")) {
            Matcher m = URL_PASSWORD_PARAM.matcher(text);
            while (m.find()) {
                String password = m.group(1);
                if (URL_DOC_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) || password.startsWith("$")
                        || password.startsWith("{") || password.startsWith("%")) {
                    continue;
                }
                accept(URL, v, m.start(1), password, at, "password-parameter",
                        "Password parameter in a connection URL", null, true);
            }
        }
        if (lower.startsWith("jdbc:oracle:thin:")) {
            Matcher m = ORACLE_THIN.matcher(text);
            if (m.find() && !isDocumentationUserInfo(m.group(1), m.group(2))) {
                accept(URL, v, m.start(2), m.group(2), at, "jdbc:oracle",
                        "Password in an Oracle thin JDBC URL", null, true);
            }
        }
    }

    private static boolean isDocumentationUserInfo(String user, String password) {
        String p = password.toLowerCase(Locale.ROOT);
        return URL_DOC_PASSWORDS.contains(p) || CredentialValues.isNeverASecret(password)
                || (user.equalsIgnoreCase("user") && p.startsWith("pass"));
    }

    // ------------------------------------------------------------------ reporting

    /**
     * Reports {@code secret} (found at {@code offset} of {@code v}) when it is a credential argument — or,
     * when weak literals are not allowed here, when it is also a plausible secret value. Test code needs a
     * strong value either way.
     */
    private void accept(String rule, Value v, int offset, String secret, Node at, String detail, String message,
                        String sinkId, boolean weakAllowed) {
        boolean ok = weakAllowed ? CredentialValues.isCredentialArgument(secret)
                : CredentialValues.isPlausibleSecretValue(secret, detail);
        if (ok) {
            report(rule, v, offset, secret, at, detail, message, sinkId);
        }
    }

    private void report(String rule, Value v, int offset, String secret, Node at, String detail, String message,
                        String sinkId) {
        if (testCode && !CredentialValues.isStrongSecret(secret)) {
            return;
        }
        if (secret.strip().isEmpty()) {
            return;
        }
        Origin origin = v.originAt(offset);
        Location location = origin == null ? eval.location(at) : origin.location();
        String logical;
        if (origin != null && origin.constantPosition() != null) {
            logical = origin.constantPosition() + "/" + detail;
        } else {
            logical = logicalPosition(origin != null && origin.node() != null ? origin.node() : at) + "/" + detail;
        }
        hits.add(new CredentialHit(rule, location, logical, message, secret.strip().isEmpty() ? secret : secret, sinkId));
    }

    private static String via(Value v) {
        return v.via() == null ? "" : " (via " + v.via() + ")";
    }

    /** {@code com.acme.Handler#handleRequest}: enclosing types and member, no line number. */
    private String logicalPosition(Node node) {
        List<String> types = new ArrayList<>();
        String member = null;
        for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
            if (member == null) {
                if (p instanceof MethodDeclaration md) {
                    member = md.getNameAsString();
                } else if (p instanceof ConstructorDeclaration) {
                    member = "<init>";
                } else if (p instanceof InitializerDeclaration i) {
                    member = i.isStatic() ? "<clinit>" : "<init>";
                } else if (p instanceof FieldDeclaration f) {
                    member = f.getVariables().isEmpty() ? "field" : f.getVariable(0).getNameAsString();
                } else if (p instanceof EnumConstantDeclaration e) {
                    member = e.getNameAsString();
                }
            }
            if (p instanceof TypeDeclaration<?> t) {
                types.add(0, t.getNameAsString());
            }
        }
        String pkg = eval.packageName();
        String type = String.join(".", types);
        return (pkg.isEmpty() ? "" : pkg + ".") + (type.isEmpty() ? file.fileName() : type)
                + (member == null ? "" : "#" + member);
    }

    // ------------------------------------------------------------------ resolution helpers

    /** The simple type a call's receiver has, following builder chains to their root. */
    private String receiverType(Expression scope) {
        return receiverType(scope, 0);
    }

    private String receiverType(Expression scope, int depth) {
        if (depth > 8) {
            return null;
        }
        if (scope instanceof NameExpr n) {
            String name = n.getNameAsString();
            Optional<String> declared = declaredType(name, n, depth + 1);
            if (declared.isPresent()) {
                return declared.get();
            }
            return Character.isUpperCase(name.charAt(0)) ? name : null;
        }
        if (scope instanceof FieldAccessExpr f) {
            if (f.getScope().isThisExpr()) {
                return declaredType(f.getNameAsString(), f, depth + 1).orElse(null);
            }
            String name = f.getNameAsString();
            if (Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT))) {
                return name;
            }
            return null;
        }
        if (scope instanceof ObjectCreationExpr o) {
            return o.getType().getNameAsString();
        }
        if (scope instanceof MethodCallExpr m) {
            if (m.getScope().isPresent()) {
                return receiverType(m.getScope().get(), depth + 1);
            }
            return unscopedOwner(m);
        }
        if (scope instanceof com.github.javaparser.ast.expr.EnclosedExpr e) {
            return receiverType(e.getInner(), depth + 1);
        }
        return null;
    }

    /** The owner of an unqualified call: a static import, else the enclosing class's supertypes. */
    private String unscopedOwner(MethodCallExpr m) {
        Optional<String> imported = eval.staticImportOwner(m.getNameAsString());
        if (imported.isPresent()) {
            return imported.get();
        }
        Optional<ClassOrInterfaceDeclaration> type = ConstantEvaluator.ancestor(m, ClassOrInterfaceDeclaration.class);
        if (type.isPresent()) {
            for (ClassOrInterfaceType t : type.get().getExtendedTypes()) {
                return t.getNameAsString();
            }
        }
        return null;
    }

    /** The declared simple type of a local, parameter or field visible at {@code use}. */
    private Optional<String> declaredType(String name, Node use, int depth) {
        Node callable = ConstantEvaluator.enclosingCallable(use);
        if (callable != null) {
            for (VariableDeclarator v : eval.variablesNamed(name)) {
                if (!(v.getParentNode().orElse(null) instanceof FieldDeclaration) && ConstantEvaluator.isWithin(v, callable)) {
                    return Optional.ofNullable(typeName(v, depth));
                }
            }
            for (Parameter p : eval.parametersNamed(name)) {
                if (ConstantEvaluator.isWithin(use, p.getParentNode().orElse(null))) {
                    return Optional.of(simpleType(p.getType().asString()));
                }
            }
        }
        for (VariableDeclarator v : eval.fieldsNamed(name)) {
            return Optional.ofNullable(typeName(v, depth));
        }
        return Optional.empty();
    }

    private String typeName(VariableDeclarator v, int depth) {
        if (v.getType().isVarType()) {
            return v.getInitializer().map(init -> receiverTypeOfValue(init, depth)).orElse(null);
        }
        return simpleType(v.getType().asString());
    }

    private String receiverTypeOfValue(Expression init, int depth) {
        if (init instanceof ObjectCreationExpr o) {
            return o.getType().getNameAsString();
        }
        return receiverType(init, depth + 1);
    }

    private static String simpleType(String type) {
        String t = type;
        int generic = t.indexOf('<');
        if (generic >= 0) {
            t = t.substring(0, generic);
        }
        return ConstantEvaluator.simpleName(t.strip());
    }

    /** Whether the file's imports let {@code owner} be the catalogue's class. */
    private boolean importAllows(CredentialSink sink, String owner, String qualifier) {
        if (qualifier != null && qualifier.contains(".")) {
            return sink.packages().stream().anyMatch(p -> qualifier.equals(p) || qualifier.startsWith(p + "."));
        }
        Optional<String> imported = eval.importedType(owner);
        if (imported.isPresent()) {
            String fq = imported.get();
            return sink.packages().stream().anyMatch(p -> fq.startsWith(p + "."));
        }
        String pkg = eval.packageName();
        if (sink.packages().stream().anyMatch(p -> p.equals(pkg))) {
            return true;
        }
        for (String wildcard : eval.wildcardImports()) {
            if (sink.packages().stream().anyMatch(p -> p.equals(wildcard) || wildcard.startsWith(p + "."))) {
                return true;
            }
        }
        // a nested builder type (RedisURI.Builder) or an import-free owner: accept distinctive names only
        return !Set.of("User", "Store", "Session", "Connection", "Email", "Credentials", "Algorithm", "Keys", "DSL",
                "Transport", "DataSource", "KeyParameter", "GitHub", "Jwts", "JwtBuilder", "JwtParser").contains(owner)
                || sink.packages().stream().anyMatch(p -> p.startsWith("java.") || p.startsWith("javax."));
    }

    /** The key text of a key/value call: a resolvable constant, else a constant-like name ({@code Context.SECURITY_CREDENTIALS}). */
    private Optional<String> keyText(Expression keyExpr) {
        List<Value> values = eval.evaluate(keyExpr);
        if (values.size() == 1) {
            return Optional.of(values.get(0).text());
        }
        if (values.isEmpty()) {
            Optional<String> name = ConstantEvaluator.nameOf(keyExpr);
            if (name.isPresent() && name.get().equals(name.get().toUpperCase(Locale.ROOT))) {
                return name;
            }
        }
        return Optional.empty();
    }

    private Optional<String> credentialKey(Expression keyExpr) {
        return keyText(keyExpr).filter(this::isCredentialKey);
    }

    /** {@code System.getenv("DB_PASSWORD")}, {@code props.getProperty("db.password")}: the credential key looked up. */
    private Optional<String> lookupKey(Expression e) {
        if (e instanceof MethodCallExpr m && m.getArguments().size() >= 1
                && (LOOKUP_METHOD.matcher(m.getNameAsString()).matches() || m.getNameAsString().equals("get"))) {
            return credentialKey(m.getArgument(0));
        }
        return Optional.empty();
    }

    private Optional<String> chainLookupKey(Expression scope) {
        Expression e = scope;
        for (int i = 0; i < 6 && e != null; i++) {
            if (e instanceof MethodCallExpr m) {
                for (Expression arg : m.getArguments()) {
                    Optional<String> key = lookupKey(arg);
                    if (key.isPresent()) {
                        return key;
                    }
                }
                Optional<String> key = lookupKey(m);
                if (key.isPresent()) {
                    return key;
                }
                e = m.getScope().orElse(null);
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Text with spaces stored under a credential-ish key is a label or a message, not the credential. */
    private static boolean isMessage(String value) {
        String v = value.strip();
        return v.indexOf(' ') > 0 && !v.startsWith("-----BEGIN") && !v.contains("LoginModule");
    }

    private static boolean isLookupValue(Expression valueExpr) {
        return valueExpr instanceof MethodCallExpr;
    }

    /** A variable, field or getter call named like a secret: the other side of a comparison. */
    private Optional<String> secretExpressionName(Expression e) {
        if (e instanceof NameExpr n && isSecretName(n.getNameAsString())) {
            return Optional.of(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f && isSecretName(f.getNameAsString())) {
            return Optional.of(f.getNameAsString());
        }
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
            String getter = m.getNameAsString().replaceFirst("^get(?=[A-Z])", "");
            if (!getter.equals(m.getNameAsString()) && isSecretName(getter)) {
                return Optional.of(getter);
            }
        }
        return Optional.empty();
    }

    private Optional<String> annotatedName(AnnotationExpr a) {
        Node parent = a.getParentNode().orElse(null);
        if (parent instanceof FieldDeclaration f && !f.getVariables().isEmpty()) {
            return Optional.of(f.getVariable(0).getNameAsString());
        }
        if (parent instanceof Parameter p) {
            return Optional.of(p.getNameAsString());
        }
        if (parent instanceof MethodDeclaration md) {
            return Optional.of(SETTER_PREFIX.matcher(md.getNameAsString()).replaceFirst(""));
        }
        return Optional.empty();
    }

    private boolean isCredentialKey(String key) {
        return key.length() <= 120 && isSecretName(key) && !isCredentialTypeName(key);
    }

    private static final java.util.regex.Pattern CREDENTIAL_TYPE_NAME =
            java.util.regex.Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+Credentials?");

    /**
     * {@code "AwsBasicCredentials"}, {@code "UsernamePasswordCredentials"}: a PascalCase type name ending in
     * Credential(s) names a class (e.g. a lookup table keyed by type), not a property whose value is a secret.
     */
    private static boolean isCredentialTypeName(String key) {
        return CREDENTIAL_TYPE_NAME.matcher(key).matches();
    }

    /**
     * A bare {@code token} or {@code pass} is as often a lexer token or a compiler pass as a credential: such
     * names count only with a random-looking value, and never in comparisons.
     */
    private static boolean isAmbiguousName(String name) {
        List<String> words = SecretNames.words(name);
        return words.size() == 1 && Set.of("token", "tokens", "pass", "tok").contains(words.get(0));
    }

    private static boolean isSecretName(String name) {
        return SecretNames.isSecretName(name);
    }
}
