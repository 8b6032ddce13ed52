package dev.hushlint.rules.java.flow;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import dev.hushlint.rules.secret.SecretNames;
import dev.hushlint.rules.secret.SecretValues;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where secret values flow within one member (a method, constructor or initializer, lambdas included):
 * a flow-insensitive taint over its locals, from secret sources through concatenation, formatting,
 * builders, collections, JSON parsing and lambda parameters. Derived values (length, hash, emptiness,
 * comparisons) and a secret's metadata (ARN, name, version) are not the secret.
 */
public final class SecretFlow {

    /** What a tainted value is. */
    public enum Kind {
        /** the secret itself, or a string that contains it */
        SECRET,
        /** a collection or parsed document holding it, whose {@code toString} shows it */
        STRUCTURE,
        /** an SDK response holding it, whose {@code toString} redacts it */
        RESPONSE,
        /** a part of a structure read under a key that names no secret: its own secret-named keys are secrets */
        NESTED
    }

    /**
     * A tainted value.
     *
     * @param origin  where it came from, for messages ("environment variable DB_PASSWORD"); never a value
     * @param literal the hardcoded value when the origin is a literal, else null
     */
    public record Taint(Kind kind, String origin, String literal) {
        Taint as(Kind k) {
            return k == kind ? this : new Taint(k, origin, literal);
        }

        public boolean shows() {
            return kind == Kind.SECRET || kind == Kind.STRUCTURE;
        }
    }

    private static final Set<String> DERIVED = Set.of("length", "size", "hashCode", "isEmpty", "isBlank", "isPresent",
            "equals", "equalsIgnoreCase", "contentEquals", "compareTo", "compareToIgnoreCase", "startsWith", "endsWith",
            "contains", "matches", "indexOf", "lastIndexOf", "charAt", "codePointAt", "codePoints", "chars", "getClass",
            "regionMatches", "count", "substring", "subSequence", "hash", "digest", "doFinal", "containsKey", "has",
            "keySet", "fieldNames", "isNull", "isMissingNode", "describeConstable", "getBytesLength", "sha256Hex",
            "md5Hex", "sha1Hex");
    /** Functions that return (a rendering of) their argument. */
    private static final Set<String> TRANSPARENT = Set.of("valueOf", "format", "join", "toString", "copyValueOf",
            "encodeToString", "requireNonNull", "requireNonNullElse", "fromUtf8String", "fromByteArray", "fromString",
            "copyOf", "copyOfRange", "wrap", "nullToEmpty", "defaultString", "defaultIfEmpty", "trimToEmpty",
            "trimToNull", "strip", "trim", "deepToString", "stringify", "escape", "quote");
    /** Functions that return a structure holding their argument. */
    private static final Set<String> STRUCTURING = Set.of("of", "ofNullable", "asList", "singletonList", "singleton",
            "singletonMap", "readValue", "readTree", "fromJson", "parse", "parseString", "parseObject", "toJsonTree",
            "convertValue", "entry");
    private static final Set<String> STRUCTURE_GETTERS = Set.of("get", "getString", "getAsString", "optString",
            "path", "getOrDefault", "opt", "findValue", "at", "getAsJsonPrimitive", "getProperty", "getText", "getStr");
    private static final Set<String> STRUCTURE_VIEWS = Set.of("values", "entrySet", "stream", "iterator", "elements",
            "fields", "parallelStream", "toList", "collect", "filter", "sorted", "getAsJsonObject", "getAsJsonArray",
            "getJSONObject", "getJSONArray", "asMap", "toMap", "getObject", "optJSONObject", "with", "deepCopy");
    /**
     * Calls that read one entry of a map, document, header set or property set under a key (not
     * {@code getString}: a resource bundle's messages are keyed like "Enter.keystore.password.").
     */
    private static final Set<String> KEYED_READS = Set.of("get", "optString", "path", "getOrDefault", "opt",
            "getProperty", "getHeader", "getFirst", "getFirstHeader", "header", "getParameter", "getAsJsonPrimitive",
            "findValue", "getValue");
    /** Header names that carry a credential though the vocabulary would not call them secret-named. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-amz-security-token");
    private static final Set<String> RESPONSE_SECRET = Set.of("secretString", "getSecretString", "secretBinary",
            "getSecretBinary", "value", "getValue");
    private static final Set<String> RESPONSE_VIEWS = Set.of("parameter", "getParameter", "parameters",
            "getParameters", "secretValues", "getSecretValues", "join", "get", "getNow", "toCompletableFuture",
            "orElseThrow", "stream", "iterator", "next", "findFirst", "findAny", "orElse", "resultOrThrow");
    /** Methods that return (part of) the text of a string, bytes, builder, Optional or SdkBytes. */
    private static final Set<String> TEXT_TRANSFORMS = Set.of("toString", "trim", "strip", "stripLeading",
            "stripTrailing", "toLowerCase", "toUpperCase", "concat", "replace", "replaceAll", "replaceFirst", "getBytes",
            "toCharArray", "split", "lines", "intern", "formatted", "repeat", "indent", "translateEscapes",
            "asUtf8String", "asByteArray", "asString", "asByteBuffer", "array", "get", "orElse", "orElseThrow",
            "orElseGet", "clone", "reverse", "stripIndent", "join", "getValue", "value", "getPlainText", "reveal",
            "unwrap", "asCharArray", "substring", "subSequence", "append", "insert", "toArray", "iterator", "next",
            "stream", "map", "filter", "findFirst", "findAny", "toList", "collect", "block", "getNow", "getAsString",
            "asText", "textValue", "getText", "stringValue", "getAsJsonPrimitive", "toPrettyString", "decode");
    private static final Set<String> MUTATORS_TEXT = Set.of("append", "insert", "add", "setLength");
    private static final Set<String> MUTATORS_STRUCTURE = Set.of("addAll", "put", "putAll", "set", "push", "offer",
            "putIfAbsent", "addFirst", "addLast", "setProperty", "addProperty", "putOpt", "accumulate");
    private static final Set<String> ELEMENT_CALLBACKS = Set.of("forEach", "ifPresent", "ifPresentOrElse", "map",
            "flatMap", "filter", "peek", "anyMatch", "allMatch", "noneMatch", "computeIfPresent", "thenAccept",
            "thenApply", "thenCompose", "whenComplete", "forEachOrdered", "forEachRemaining", "handle");
    /** Leading verbs that make a secret-named call something other than a read of the secret. */
    private static final Set<String> NON_ACCESSOR_VERBS = Set.of("next", "peek", "current", "skip", "scan", "parse",
            "lex", "is", "has", "should", "validate", "check", "verify", "reset", "clear", "rotate", "revoke", "set",
            "update", "remove", "delete", "save", "store", "count", "expect", "match", "consume", "with", "on", "handle",
            "process", "mask", "redact", "hash", "encrypt", "sign", "compare", "invalidate", "expire", "supports");
    private static final Set<String> NON_VALUE_WORDS = Set.of("class", "algorithm", "algorithms", "alg", "alias",
            "aliases", "kind", "mode", "spec", "factory", "generator", "status", "state", "callback", "handler",
            "listener", "exception", "builder", "permission", "info", "impl", "usage", "option", "options", "supplier",
            "loader", "parser", "request", "response", "result", "holder", "entry");
    /** Words that make "token" a credential: access token, bearer token, session token, bot token … */
    private static final Set<String> TOKEN_QUALIFIERS = Set.of("access", "auth", "authorization", "authentication",
            "bearer", "refresh", "id", "session", "api", "jwt", "oauth", "oauth2", "csrf", "xsrf", "bot", "personal",
            "service", "security", "sas", "client", "app", "user", "login", "identity", "github", "gitlab", "slack",
            "npm", "pypi", "vault", "sso", "saml", "okta", "cognito", "firebase", "webhook", "push", "device",
            "verification", "invite", "magic", "private", "signed", "sts", "aws", "admin", "master", "deploy");
    /** Last words of names whose values are secret text. */
    private static final Set<String> TEXT_SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase",
            "passcode", "secret", "token", "apikey", "authtoken", "pass", "jwtsecret", "clientsecret",
            "webhooksecret");
    private static final Set<String> TEXT_TYPES = Set.of("String", "CharSequence", "char", "byte", "StringBuilder",
            "StringBuffer", "Object", "SdkBytes", "ByteBuffer", "var", "Optional", "Secret", "SecureString",
            "GuardedString", "Supplier");

    private final Node member;
    private final TypeDeclaration<?> type;
    private final String fileText;
    private final Map<String, String> constants;
    private final Set<String> secretRecords;
    private final Map<String, Type> localTypes = new HashMap<>();
    private final Map<String, Taint> locals = new HashMap<>();
    /** Where each local first became tainted: a use before that point (in source order) is clean. */
    private final Map<String, Position> taintedFrom = new HashMap<>();

    private SecretFlow(Node member, TypeDeclaration<?> type, String fileText, Map<String, String> constants,
                       Set<String> secretRecords) {
        this.member = member;
        this.type = type;
        this.fileText = fileText;
        this.constants = constants;
        this.secretRecords = secretRecords;
    }

    /**
     * Analyses one member.
     *
     * @param constants     string constants of the file (name → value), to resolve {@code getenv(KEY)}
     * @param secretRecords the file's {@link #secretRecords(Node)}
     */
    public static SecretFlow of(Node member, TypeDeclaration<?> type, String fileText, Map<String, String> constants,
                                Set<String> secretRecords) {
        SecretFlow flow = new SecretFlow(member, type, fileText, constants, secretRecords);
        flow.run();
        return flow;
    }

    /** The local's declared type is a record of this file whose generated toString prints a secret component. */
    private boolean printsSecretComponents(Type declared) {
        return declared != null && declared.isClassOrInterfaceType()
                && secretRecords.contains(JavaNodes.simpleTypeName(declared));
    }

    /**
     * Records declared in a file with a secret-named component and no {@code toString} of their own: their
     * generated {@code toString} prints every component, the secret included.
     */
    public static Set<String> secretRecords(Node unit) {
        Set<String> names = new java.util.HashSet<>();
        for (RecordDeclaration r : unit.findAll(RecordDeclaration.class)) {
            boolean ownToString = r.getMethodsByName("toString").stream().anyMatch(m -> m.getParameters().isEmpty());
            if (!ownToString && r.getParameters().stream().anyMatch(p -> secretNamed(p.getNameAsString(), p.getType()))) {
                names.add(r.getNameAsString());
            }
        }
        // Lombok's @Data / @ToString / @Value generate the same kind of toString, unless the field is excluded
        for (com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                : unit.findAll(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)) {
            boolean lombokToString = c.isAnnotationPresent("Data") || c.isAnnotationPresent("ToString")
                    || c.isAnnotationPresent("Value") && c.getAnnotationByName("Value")
                    .map(a -> a.isMarkerAnnotationExpr()).orElse(false);
            if (!lombokToString || !c.getMethodsByName("toString").isEmpty()) {
                continue;
            }
            for (FieldDeclaration f : c.getFields()) {
                boolean excluded = f.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Exclude"));
                if (!excluded && !f.isStatic() && f.getVariables().stream()
                        .anyMatch(v -> secretNamed(v.getNameAsString(), v.getType()))) {
                    names.add(c.getNameAsString());
                }
            }
        }
        return names;
    }

    /** The simple declared type of a local, parameter or field visible in the member, or null. */
    public String typeOf(String name) {
        Type t = localTypes.get(name);
        if (t == null && type != null) {
            t = JavaNodes.field(type, name).map(VariableDeclarator::getType).orElse(null);
        }
        return t == null ? null : JavaNodes.simpleTypeName(t);
    }

    private boolean owned(Node node) {
        return JavaNodes.enclosingMember(node).orElse(null) == member;
    }

    private void run() {
        if (member instanceof FieldDeclaration) {
            return;
        }
        for (Parameter p : member.findAll(Parameter.class)) {
            if (owned(p)) {
                localTypes.put(p.getNameAsString(), p.getType());
                if (p.getParentNode().orElse(null) instanceof CallableDeclaration<?>
                        && secretNamed(p.getNameAsString(), p.getType())) {
                    taint(p.getNameAsString(), new Taint(Kind.SECRET, "parameter '" + p.getNameAsString() + "'", null), p);
                }
            }
        }
        List<VariableDeclarator> declarators = member.findAll(VariableDeclarator.class, this::owned);
        for (VariableDeclarator v : declarators) {
            localTypes.put(v.getNameAsString(), v.getType());
        }
        List<AssignExpr> assignments = member.findAll(AssignExpr.class, this::owned);
        List<MethodCallExpr> calls = member.findAll(MethodCallExpr.class, this::owned);
        List<ForEachStmt> loops = member.findAll(ForEachStmt.class, this::owned);
        for (int round = 0; round < 6; round++) {
            Map<String, Taint> before = new HashMap<>(locals);
            for (VariableDeclarator v : declarators) {
                Taint t = v.getInitializer().map(this::eval).orElse(null);
                if (t == null) {
                    t = nameTaint(v);
                }
                taint(v.getNameAsString(), t, v);
            }
            for (AssignExpr a : assignments) {
                if (a.getTarget() instanceof NameExpr n && localTypes.containsKey(n.getNameAsString())) {
                    taint(n.getNameAsString(), eval(a.getValue()), a);
                }
            }
            for (MethodCallExpr m : calls) {
                propagateThroughCall(m);
            }
            for (ForEachStmt loop : loops) {
                Taint t = eval(loop.getIterable());
                if (t != null) {
                    taint(loop.getVariable().getVariable(0).getNameAsString(), t, loop);
                }
            }
            if (before.equals(locals)) {
                break;
            }
        }
    }

    /** Receivers that a call fills ({@code sb.append(secret)}) and lambda parameters that receive elements. */
    private void propagateThroughCall(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (m.getScope().isEmpty()) {
            return;
        }
        Expression scope = m.getScope().get();
        if (MUTATORS_TEXT.contains(name) || MUTATORS_STRUCTURE.contains(name)) {
            Taint arg = null;
            for (Expression a : m.getArguments()) {
                arg = join(arg, showing(eval(a)));
            }
            String root = rootVariable(scope);
            if (arg != null && root != null) {
                taint(root, arg.as(MUTATORS_TEXT.contains(name) ? Kind.SECRET : Kind.STRUCTURE), m);
            }
        }
        if (ELEMENT_CALLBACKS.contains(name)) {
            Taint receiver = eval(scope);
            if (receiver == null) {
                return;
            }
            for (Expression a : m.getArguments()) {
                if (a instanceof LambdaExpr lambda && !lambda.getParameters().isEmpty()) {
                    int index = lambda.getParameters().size() == 2 && (name.equals("forEach") || name.equals("computeIfPresent"))
                            ? 1 : 0;
                    Kind element = receiver.kind() == Kind.RESPONSE || receiver.kind() == Kind.NESTED
                            ? receiver.kind() : Kind.SECRET;
                    taint(lambda.getParameter(index).getNameAsString(), receiver.as(element), lambda);
                }
            }
        }
    }

    /** The variable at the root of a builder chain: {@code sb} in {@code sb.append(a).append(b)}. */
    private String rootVariable(Expression scope) {
        Expression e = scope;
        while (e instanceof MethodCallExpr mc && (MUTATORS_TEXT.contains(mc.getNameAsString())
                || MUTATORS_STRUCTURE.contains(mc.getNameAsString())) && mc.getScope().isPresent()) {
            e = mc.getScope().get();
        }
        return e instanceof NameExpr n && localTypes.containsKey(n.getNameAsString()) ? n.getNameAsString() : null;
    }

    private void taint(String name, Taint t, Node at) {
        if (t != null) {
            locals.merge(name, t, SecretFlow::join);
            Position pos = at.getBegin().orElse(Position.HOME);
            taintedFrom.merge(name, pos, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** A local named like a secret: a credential literal, or any non-literal value of a text-like type. */
    private Taint nameTaint(VariableDeclarator v) {
        String name = v.getNameAsString();
        if (!secretNamed(name, v.getType())) {
            return null;
        }
        Optional<Expression> init = v.getInitializer();
        if (init.isEmpty() || init.get().isNullLiteralExpr()) {
            return null;
        }
        if (literalValue(init.get()) != null) {
            String value = literalValue(init.get());
            return looksLikeCredential(value, name) ? new Taint(Kind.SECRET, "hardcoded credential in '" + name + "'", value) : null;
        }
        if (init.get().isLiteralExpr() || init.get() instanceof ObjectCreationExpr) {
            return null;
        }
        return new Taint(Kind.SECRET, "variable '" + name + "'", null);
    }

    private static boolean secretNamed(String name, Type declared) {
        if (!namesSecretValue(name)) {
            return false;
        }
        if (declared == null) {
            return true;
        }
        if (declared.isPrimitiveType()) {
            return false;
        }
        if (declared.isArrayType()) {
            String component = JavaNodes.simpleTypeName(declared);
            return component.equals("char") || component.equals("byte");
        }
        return TEXT_TYPES.contains(JavaNodes.simpleTypeName(declared));
    }

    /** The value of a string literal, text block, or same-file string constant; null otherwise. */
    public String literalValue(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        if (e instanceof NameExpr n && !localTypes.containsKey(n.getNameAsString())) {
            return constants.get(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr fa) {
            return constants.get(fa.getNameAsString());
        }
        return null;
    }

    /** Whether a literal assigned to a secret-named variable looks like a credential rather than a key or label. */
    static boolean looksLikeCredential(String value, String name) {
        String v = value.strip();
        if (v.length() < 4 || v.chars().anyMatch(Character::isWhitespace) || SecretValues.isPlaceholder(v)
                || SecretValues.isReference(v) || SecretValues.isSecretIdentifier(v) || SecretValues.isDocumentationExample(v)) {
            return false;
        }
        String squashed = v.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        if (squashed.equals(name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT))) {
            return false;
        }
        // a property key or env-var name ("db.password", "API_KEY"), not a value
        boolean keyLike = v.matches("[a-z0-9]+([._-][a-z0-9]+)+") || v.matches("[A-Z0-9]+(_[A-Z0-9]+)+");
        return !(keyLike && SecretNames.mentionsSecret(v));
    }

    /** The taint of an expression in this member, or null when it holds no secret. */
    public Taint eval(Expression e) {
        if (e == null) {
            return null;
        }
        if (e instanceof EnclosedExpr en) {
            return eval(en.getInner());
        }
        if (e instanceof CastExpr c) {
            return eval(c.getExpression());
        }
        if (e instanceof AssignExpr a) {
            return eval(a.getValue());
        }
        if (e instanceof ConditionalExpr c) {
            return join(eval(c.getThenExpr()), eval(c.getElseExpr()));
        }
        if (e instanceof BinaryExpr b) {
            if (b.getOperator() != BinaryExpr.Operator.PLUS) {
                return null;
            }
            // iteratively: generated code concatenates thousands of terms
            Taint t = null;
            java.util.ArrayDeque<Expression> terms = new java.util.ArrayDeque<>();
            terms.push(b);
            while (!terms.isEmpty()) {
                Expression x = terms.pop();
                if (x instanceof BinaryExpr p && p.getOperator() == BinaryExpr.Operator.PLUS) {
                    terms.push(p.getRight());
                    terms.push(p.getLeft());
                } else {
                    t = join(t, showing(eval(x)));
                }
            }
            return t == null ? null : t.as(Kind.SECRET);
        }
        if (e instanceof NameExpr n) {
            Position from = taintedFrom.get(n.getNameAsString());
            if (from != null && n.getBegin().map(b -> b.isBefore(from)).orElse(false)) {
                return null;
            }
            return name(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr fa) {
            if (fa.getScope() instanceof ThisExpr) {
                return field(fa.getNameAsString());
            }
            String id = fa.getNameAsString();
            return isVariableName(id) && namesSecretValue(id) ? new Taint(Kind.SECRET, "field '" + id + "'", null) : null;
        }
        if (e instanceof ArrayAccessExpr aa) {
            Taint t = eval(aa.getName());
            return t == null ? null : t.kind() == Kind.RESPONSE || t.kind() == Kind.NESTED ? t : t.as(Kind.SECRET);
        }
        if (e instanceof ArrayCreationExpr ac) {
            return ac.getInitializer().map(this::eval).orElse(null);
        }
        if (e instanceof ArrayInitializerExpr ai) {
            Taint t = null;
            for (Expression v : ai.getValues()) {
                t = join(t, showing(eval(v)));
            }
            return t;
        }
        if (e instanceof LambdaExpr l) {
            if (l.getExpressionBody().isPresent()) {
                return eval(l.getExpressionBody().get());
            }
            Taint t = null;
            for (ReturnStmt r : l.getBody().findAll(ReturnStmt.class)) {
                t = join(t, r.getExpression().map(this::eval).orElse(null));
            }
            return t;
        }
        if (e instanceof ObjectCreationExpr o) {
            return creation(o);
        }
        if (e instanceof MethodCallExpr m) {
            return call(m);
        }
        return null;
    }

    private Taint name(String id) {
        if (localTypes.containsKey(id)) {
            Taint t = locals.get(id);
            if (t == null && printsSecretComponents(localTypes.get(id))) {
                return new Taint(Kind.STRUCTURE, "record " + JavaNodes.simpleTypeName(localTypes.get(id))
                        + " with a secret component", null);
            }
            return t;
        }
        if (type != null && JavaNodes.field(type, id).isPresent()) {
            return field(id);
        }
        // inherited or outer field: judge by name; constants (ALL_CAPS) are usually key names, Capitalised names types
        return isVariableName(id) && namesSecretValue(id) ? new Taint(Kind.SECRET, "field '" + id + "'", null) : null;
    }

    private Taint field(String id) {
        Optional<VariableDeclarator> f = type == null ? Optional.empty() : JavaNodes.field(type, id);
        if (f.isEmpty()) {
            return isVariableName(id) && namesSecretValue(id) ? new Taint(Kind.SECRET, "field '" + id + "'", null) : null;
        }
        VariableDeclarator v = f.get();
        if (!secretNamed(id, v.getType())) {
            return null;
        }
        Optional<Expression> init = v.getInitializer();
        if (init.isPresent()) {
            String value = init.get() instanceof StringLiteralExpr s ? s.asString()
                    : init.get() instanceof TextBlockLiteralExpr t ? t.asString() : null;
            if (value != null) {
                return looksLikeCredential(value, id) ? new Taint(Kind.SECRET, "hardcoded credential in '" + id + "'", value) : null;
            }
            if (init.get().isLiteralExpr()) {
                return null;
            }
        }
        return new Taint(Kind.SECRET, "field '" + id + "'", null);
    }

    /**
     * The shared vocabulary's judgement, narrowed for data flow: a name whose last word denotes a kind of
     * thing rather than a value ({@code credentialClass}, {@code privateKeyAlgorithm}, {@code secretKeyFactory})
     * holds no secret.
     */
    public static boolean namesSecretValue(String name) {
        if (!SecretNames.isSecretName(name)) {
            return false;
        }
        List<String> words = SecretNames.words(name);
        if (words.isEmpty() || NON_VALUE_WORDS.contains(words.get(words.size() - 1))) {
            return false;
        }
        // "token" alone is as often a parser's token as a credential: it needs an auth word beside it
        if (words.contains("token") || words.contains("tokens")) {
            boolean otherSecretWord = words.stream().anyMatch(w -> !w.startsWith("token") && SecretNames.isSecretName(w));
            return otherSecretWord || words.stream().anyMatch(TOKEN_QUALIFIERS::contains);
        }
        return true;
    }

    /**
     * An accessor whose value is the secret text itself: {@code getPassword()}, {@code apiKey()},
     * {@code getAccessToken()}, {@code secretString()} — not {@code getPrivateKey()} or {@code getCredentials()},
     * whose objects print no key material or are of unknown type.
     */
    public static boolean accessorNamesSecretText(String property) {
        if (!namesSecretValue(property)) {
            return false;
        }
        List<String> words = SecretNames.words(property);
        String last = words.get(words.size() - 1);
        String lastTwo = words.size() >= 2 ? words.get(words.size() - 2) + " " + last : last;
        return TEXT_SECRET_WORDS.contains(last) || lastTwo.equals("api key") || lastTwo.equals("access key")
                || lastTwo.equals("secret string") || lastTwo.equals("secret binary") || lastTwo.equals("client secret");
    }

    /**
     * A map key, property, JSON field or header name whose value is a secret: key-shaped (no spaces, no
     * trailing dot, at most five words) and ending in the secret word ({@code db.password}, {@code x-api-key},
     * {@code clientSecret}), so a message key such as {@code Key.password.must.be.at.least.6.characters} is not one.
     */
    static boolean secretKey(String key) {
        if (CREDENTIAL_HEADERS.contains(key.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (key.isEmpty() || key.length() > 80 || key.endsWith(".") || !key.matches("[A-Za-z0-9_.:/-]+")) {
            return false;
        }
        List<String> words = SecretNames.words(key);
        if (words.isEmpty() || words.size() > 5 || !namesSecretValue(key)) {
            return false;
        }
        String last = words.get(words.size() - 1);
        String lastTwo = words.size() >= 2 ? words.get(words.size() - 2) + " " + last : last;
        return SecretNames.isSecretName(last) || SecretNames.isSecretName(lastTwo);
    }

    /** Types whose values print their content (a {@code SecretKey} or {@code KeyStore} prints none). */
    public static boolean isTextType(String simpleName) {
        return TEXT_TYPES.contains(simpleName) || simpleName.equals("char") || simpleName.equals("byte")
                || simpleName.startsWith("Map") || simpleName.startsWith("List") || simpleName.equals("Properties")
                || simpleName.startsWith("Json") || simpleName.startsWith("JSON");
    }

    private static boolean isVariableName(String id) {
        return !id.isEmpty() && Character.isLowerCase(id.charAt(0));
    }

    private Taint creation(ObjectCreationExpr o) {
        String t = o.getType().getNameAsString();
        Taint arg = null;
        for (Expression a : o.getArguments()) {
            arg = join(arg, showing(eval(a)));
        }
        if (arg == null) {
            return null;
        }
        return switch (t) {
            case "String", "StringBuilder", "StringBuffer" -> arg.as(Kind.SECRET);
            case "JSONObject", "JsonObject", "JSONArray", "HashMap", "LinkedHashMap", "TreeMap", "ArrayList",
                    "Properties" -> arg.as(Kind.STRUCTURE);
            default -> null;
        };
    }

    private Taint call(MethodCallExpr m) {
        String name = m.getNameAsString();
        Optional<Expression> scope = m.getScope();
        Taint source = source(m);
        if (source != null) {
            return source;
        }
        Taint receiver = scope.map(this::eval).orElse(null);
        if (receiver != null) {
            Taint t = onReceiver(receiver, m);
            if (t != null || receiver.kind() == Kind.RESPONSE) {
                return t;
            }
            if (DERIVED.contains(name)) {
                return null;
            }
        }
        if (DERIVED.contains(name)) {
            return null;
        }
        Taint args = null;
        for (Expression a : m.getArguments()) {
            args = join(args, showing(eval(a)));
        }
        if (args != null) {
            if (TRANSPARENT.contains(name) || name.equals("encode") && scope.map(s -> s.toString().contains("Base64")
                    || s.toString().contains("URLEncoder") || s.toString().contains("getEncoder")).orElse(false)) {
                return args.as(Kind.SECRET);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (STRUCTURING.contains(name) || lower.contains("json") || lower.startsWith("parse")) {
                return args.as(Kind.STRUCTURE);
            }
        }
        if (m.getArguments().isEmpty() && accessorOfSecret(name)) {
            return new Taint(Kind.SECRET, "accessor " + name + "()", null);
        }
        return null;
    }

    /** A method call on a tainted receiver; null means "not a secret" unless the receiver is the secret itself. */
    private Taint onReceiver(Taint receiver, MethodCallExpr m) {
        String name = m.getNameAsString();
        switch (receiver.kind()) {
            case RESPONSE -> {
                if (RESPONSE_SECRET.contains(name) && m.getArguments().isEmpty()) {
                    return receiver.as(Kind.SECRET);
                }
                return RESPONSE_VIEWS.contains(name) ? receiver : null;
            }
            case STRUCTURE -> {
                if (name.equals("getValue") && m.getArguments().isEmpty() || name.equals("toString")
                        || name.equals("toPrettyString") || name.equals("asText") || name.equals("textValue")) {
                    return receiver.as(Kind.SECRET);
                }
                if ((STRUCTURE_GETTERS.contains(name) || KEYED_READS.contains(name)) && !m.getArguments().isEmpty()) {
                    String key = literalValue(m.getArgument(0));
                    if (key == null || secretKey(key)) {
                        return receiver.as(Kind.SECRET);
                    }
                    return receiver.as(Kind.NESTED);
                }
                return STRUCTURE_VIEWS.contains(name) ? receiver : null;
            }
            case NESTED -> {
                if ((STRUCTURE_GETTERS.contains(name) || KEYED_READS.contains(name)) && !m.getArguments().isEmpty()) {
                    String key = literalValue(m.getArgument(0));
                    return key != null && secretKey(key) ? receiver.as(Kind.SECRET) : receiver;
                }
                return STRUCTURE_VIEWS.contains(name) ? receiver : null;
            }
            default -> {
                if (name.equals("substring") || name.equals("subSequence")) {
                    // a short prefix identifies a secret without revealing it; the rest after a prefix
                    // ("Bearer ") is the secret
                    boolean prefix = m.getArguments().size() == 2 && m.getArgument(0).toString().equals("0");
                    return prefix ? null : receiver;
                }
                // the secret's own text, transformed; any other method of an object of unknown type
                // (accessToken.getExpiry()) says nothing about the secret
                return TEXT_TRANSFORMS.contains(name) ? receiver : null;
            }
        }
    }

    /** Calls that produce a secret, or a response or structure holding one. */
    private Taint source(MethodCallExpr m) {
        String name = m.getNameAsString();
        int argc = m.getArguments().size();
        boolean onSystem = m.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals("System")).isPresent();
        if (onSystem && (name.equals("getenv") || name.equals("getProperty")) && argc >= 1) {
            String key = literalValue(m.getArgument(0));
            if (key != null && SecretNames.isSecretName(key)) {
                return new Taint(Kind.SECRET, (name.equals("getenv") ? "environment variable " : "system property ") + key, null);
            }
            return null;
        }
        if (name.equals("get") && argc == 1 && m.getScope().filter(s -> s instanceof MethodCallExpr g
                && g.getNameAsString().equals("getenv") && g.getArguments().isEmpty()).isPresent()) {
            String key = literalValue(m.getArgument(0));
            return key != null && SecretNames.isSecretName(key)
                    ? new Taint(Kind.SECRET, "environment variable " + key, null) : null;
        }
        if (KEYED_READS.contains(name) && argc >= 1 && argc <= 2 && m.getScope().isPresent() && !onSystem) {
            String key = literalValue(m.getArgument(0));
            if (key != null && secretKey(key)) {
                return new Taint(Kind.SECRET, "the value under '" + key + "'", null);
            }
        }
        Optional<SecretFetches.Fetch> fetch = SecretFetches.sdkFetch(m, fileText, type);
        if (fetch.isPresent()) {
            if (fetch.get().service() == SecretFetches.Service.SECRETS_MANAGER) {
                return new Taint(Kind.RESPONSE, "Secrets Manager " + fetch.get().operation(), null);
            }
            return SecretFetches.withDecryption(m, member)
                    ? new Taint(Kind.RESPONSE, "SSM " + fetch.get().operation() + " with decryption", null) : null;
        }
        // the Secrets Manager caching library and Powertools providers return the value itself
        if ((name.equals("getSecretString") || name.equals("getSecretBinary")) && argc == 1) {
            return new Taint(Kind.SECRET, "Secrets Manager secret " + name, null);
        }
        if (name.equals("get") && argc == 1 && m.getScope().isPresent() && isSecretProvider(m.getScope().get())) {
            return new Taint(Kind.SECRET, "Powertools secrets provider", null);
        }
        return null;
    }

    private boolean isSecretProvider(Expression scope) {
        if (scope instanceof NameExpr n) {
            String t = typeOf(n.getNameAsString());
            return t != null && t.endsWith("SecretsProvider");
        }
        return scope instanceof MethodCallExpr mc && (mc.getNameAsString().equals("getSecretsProvider")
                || mc.getScope().map(this::isSecretProvider).orElse(false));
    }

    /** {@code getPassword()}, {@code apiKey()}, {@code secretString()}: reads of a secret-named property. */
    public static boolean accessorOfSecret(String name) {
        if (name.startsWith("get") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
            return accessorNamesSecretText(name.substring(3));
        }
        List<String> words = SecretNames.words(name);
        return !words.isEmpty() && !NON_ACCESSOR_VERBS.contains(words.get(0)) && accessorNamesSecretText(name);
    }

    private static Taint showing(Taint t) {
        return t == null || !t.shows() ? null : t;
    }

    private static Taint join(Taint a, Taint b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.kind().ordinal() <= b.kind().ordinal() ? a : b;
    }

    /** The member analysed. */
    public Node member() {
        return member;
    }
}
