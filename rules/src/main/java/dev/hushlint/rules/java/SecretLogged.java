package dev.hushlint.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.java.flow.JavaNodes;
import dev.hushlint.rules.java.flow.LexicalJava;
import dev.hushlint.rules.java.flow.LogSinks;
import dev.hushlint.rules.java.flow.SecretFlow;
import dev.hushlint.rules.secret.SecretNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret value written to a log, the console or an exception message within one method.
 */
public final class SecretLogged implements Rule<JavaSource> {

    public static final RuleInfo INFO = RuleInfo.builder("java/secret-logged")
            .name("SecretLogged")
            .severity(Severity.HIGH)
            .summary("A secret value is written to a log, the console or an exception message")
            .help("""
                    A secret — fetched from Secrets Manager or Parameter Store, read from a secret-named \
                    environment variable or property, hardcoded, or held in a parameter or field named like a \
                    password, token or key — reaches a log call (SLF4J, Log4j 2, java.util.logging, \
                    commons-logging, Lambda's `LambdaLogger`), `System.out`/`System.err`, or the message of an \
                    exception. In Lambda every one of these ends up in CloudWatch Logs, readable by far more \
                    people and tools than the secret itself, and kept for the log group's retention.

                    **Fix:** log that the secret was loaded, its name or ARN, or a derived value (its length, a \
                    hash prefix) — never the value. Keep secrets out of exception messages.

                    Bad:
                    ```java
                    String password = secrets.getSecretValue(r -> r.secretId(secretArn)).secretString();
                    context.getLogger().log("connecting with " + password);
                    ```
                    Good:
                    ```java
                    String password = SECRETS.getSecretString(secretArn);     // cached outside the handler
                    context.getLogger().log("loaded secret " + secretArn + " (" + password.length() + " chars)");
                    ```
                    Followed within one method: locals, concatenation, `String.format`, `StringBuilder`, \
                    collections, JSON parsing of the secret string, lambdas and `forEach`. Not reported: \
                    lengths, hashes and digests, emptiness and null checks, a secret's ARN, name or version, \
                    and SDK response objects (whose `toString` redacts the secret).""")
            .cwe(532)
            .precision("high")
            .build();

    /** Tokens that mean the file may hold a secret source strong enough on its own. */
    private static final String[] STRONG_SOURCES = {"getSecretValue", "secretString", "SecretString",
            "secretBinary", "SecretBinary", "withDecryption", "WithDecryption", "SecretsProvider"};
    private static final String[] SECRET_STEMS = {"passw", "pwd", "secret", "token", "apikey", "api_key",
            "credential", "privatekey", "private_key", "accesskey", "access_key", "passphrase", "creds", "signingkey",
            "authkey", "passcode"};
    private static final boolean[] STEM_START = new boolean[128];

    static {
        for (String stem : SECRET_STEMS) {
            STEM_START[stem.charAt(0)] = true;
        }
    }

    private static final Pattern LOMBOK_VALUE = Pattern.compile("@(?:lombok\\.)?Value\\b(?!\\s*\\()");
    private static final Pattern ENV_KEY = Pattern.compile("get(?:env|Property)\\(\\s*\"([^\"]{1,100})\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<JavaSource> inputType() {
        return JavaSource.class;
    }

    @Override
    public RuleResult check(JavaSource source, ScanContext context) {
        String text = source.file().text();
        if (!mayLogSecret(text)) {
            return RuleResult.NONE;
        }
        Optional<CompilationUnit> unit = source.unit();
        if (unit.isEmpty()) {
            return RuleResult.of(source.parseFailure());
        }
        Map<String, String> constants = constants(unit.get());
        Set<String> secretRecords = SecretFlow.secretRecords(unit.get());
        List<Finding> findings = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.get().findAll(TypeDeclaration.class)) {
            String typeName = type.getFullyQualifiedName().orElse(type.getNameAsString());
            for (Node member : type.getMembers()) {
                if (!(member instanceof MethodDeclaration || member instanceof ConstructorDeclaration
                        || member instanceof InitializerDeclaration)) {
                    continue;
                }
                checkMember(source, member, type, typeName, text, constants, secretRecords, findings);
            }
        }
        return RuleResult.of(findings);
    }

    private static void checkMember(JavaSource source, Node member, TypeDeclaration<?> type, String typeName, String text,
                                    Map<String, String> constants, Set<String> secretRecords, List<Finding> findings) {
        SecretFlow flow = null;
        List<Node> sinks = new ArrayList<>();
        member.walk(node -> {
            if (node instanceof MethodCallExpr || node instanceof ObjectCreationExpr) {
                sinks.add(node);
            }
        });
        for (Node node : sinks) {
            Optional<String> sink = Optional.empty();
            if (node instanceof MethodCallExpr call) {
                if (!LogSinks.mayBeSink(call)) {
                    continue;
                }
                SecretFlow f = flow;
                sink = LogSinks.sink(call, name -> f == null ? null : f.typeOf(name));
                if (sink.isEmpty() && flow == null && call.getScope().isPresent() && call.getScope().get().isNameExpr()) {
                    // the logger's declared type may be all that marks it: resolve it once the flow exists
                    flow = SecretFlow.of(member, type, text, constants, secretRecords);
                    SecretFlow g = flow;
                    sink = LogSinks.sink(call, g::typeOf);
                }
            } else if (node instanceof ObjectCreationExpr creation) {
                sink = LogSinks.exceptionMessage(creation);
            }
            if (sink.isEmpty() || JavaNodes.enclosingMember(node).orElse(null) != member) {
                continue;
            }
            if (flow == null) {
                flow = SecretFlow.of(member, type, text, constants, secretRecords);
            }
            SecretFlow.Taint taint = null;
            for (Expression arg : ((NodeWithArguments<?>) node).getArguments()) {
                SecretFlow.Taint t = flow.eval(arg);
                if (t != null && t.shows()) {
                    taint = t;
                    break;
                }
            }
            if (taint == null) {
                continue;
            }
            String where = JavaNodes.memberName(member);
            Finding.Builder finding = Finding.builder(INFO)
                    .location(JavaNodes.location(source.file(), node))
                    .logicalPosition(typeName + "#" + where + "/" + sinkId(node))
                    .message("A secret (" + taint.origin() + ") reaches " + sink.get()
                            + "; log its name or a derived value instead, never the value")
                    .property("source", taint.origin());
            if (taint.literal() != null) {
                finding.secret(taint.literal());
            }
            findings.add(finding.build());
        }
    }

    private static String sinkId(Node node) {
        return node instanceof MethodCallExpr m ? m.getNameAsString()
                : "new " + ((ObjectCreationExpr) node).getType().getNameAsString();
    }

    /** String constants of the file, by field name (the last one wins on a clash). */
    private static Map<String, String> constants(CompilationUnit unit) {
        Map<String, String> constants = new HashMap<>();
        for (FieldDeclaration f : unit.findAll(FieldDeclaration.class)) {
            if (!f.isFinal() && !f.isStatic()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                v.getInitializer().filter(i -> i instanceof StringLiteralExpr)
                        .ifPresent(i -> constants.put(v.getNameAsString(), ((StringLiteralExpr) i).asString()));
            }
        }
        return constants;
    }

    /**
     * The lexical prefilter: parse only a file that has a secret source strong on its own (an SDK secret
     * fetch, a secret-named environment variable or property) or a line that names a secret-named
     * identifier next to a log, print or exception.
     */
    static boolean mayLogSecret(String text) {
        // every strong source holds "ecret" or "ecryption": two fast scans instead of one per source
        if (text.contains("ecret") || text.contains("ecryption")) {
            for (String s : STRONG_SOURCES) {
                if (text.contains(s)) {
                    return true;
                }
            }
        }
        // most files name no secret at all: say so in one pass, before lower-casing a copy of the text
        if (!mayMentionStem(text)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!mentionsStem(lower)) {
            return false;
        }
        Matcher env = ENV_KEY.matcher(text.contains("getenv") || text.contains("getProperty") ? text : "");
        while (env.find()) {
            if (SecretNames.isSecretName(env.group(1))) {
                return true;
            }
        }
        return secretReachesSinkStatement(LexicalJava.codeOnly(text), lower.length() == text.length() ? lower : null);
    }

    /**
     * A lexical approximation of the flow, over comment- and string-free code split into statements: names
     * that are secret-named, or assigned or filled ({@code sb.append(x)}) from a statement holding such a
     * name, are tracked; true when a statement with a log, print or exception sink holds a tracked name.
     */
    private static boolean secretReachesSinkStatement(String code, String lower) {
        Set<String> tracked = new HashSet<>();
        Map<String, Boolean> judged = new HashMap<>();
        // records and Lombok beans print every field: a secret-named one anywhere may be logged with the object
        boolean printsAllFields = code.contains("record ") || code.contains("@Data") || code.contains("@ToString")
                || code.contains("Value") && LOMBOK_VALUE.matcher(code).find();
        List<int[]> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';' || c == '{' || c == '}') {
                if (i > start + 1) {
                    ranges.add(new int[]{start, i});
                }
                start = i + 1;
            }
        }
        // statements where a secret word occurs (all of them when offsets of the lower-cased text do not line up)
        boolean[] stem = new boolean[ranges.size()];
        if (lower == null) {
            java.util.Arrays.fill(stem, true);
        } else {
            int[] starts = ranges.stream().mapToInt(r -> r[0]).toArray();
            for (String st : SECRET_STEMS) {
                for (int at = lower.indexOf(st); at >= 0; at = lower.indexOf(st, at + 1)) {
                    int k = java.util.Arrays.binarySearch(starts, at);
                    k = k >= 0 ? k : -k - 2;
                    if (k >= 0 && at < ranges.get(k)[1]) {
                        stem[k] = true;
                    }
                }
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < ranges.size(); k++) {
                int[] r = ranges.get(k);
                if (!stem[k] && !mentionsAny(code, r[0], r[1], tracked)) {
                    continue;
                }
                String statement = code.substring(r[0], r[1]);
                Matcher id = IDENTIFIER.matcher(statement);
                boolean holds = false;
                String first = null;
                while (id.find()) {
                    String word = id.group();
                    if (first == null) {
                        first = word;
                    }
                    if (tracked.contains(word)) {
                        holds = true;
                        break;
                    }
                    boolean call = nextNonSpace(statement, id.end()) == '(';
                    String key = call ? word + "(" : word;
                    if (judged.computeIfAbsent(key, unused -> call ? secretAccessor(word) : secretNamedValue(word, code))) {
                        holds = true;
                        break;
                    }
                }
                if (!holds) {
                    continue;
                }
                if (sinkStatement(statement) || printsAllFields) {
                    return true;
                }
                String target = declaresPrimitive(statement) ? null : assignmentTarget(statement);
                if (target != null) {
                    tracked.add(target);
                } else if (first != null && (statement.contains(".append(") || statement.contains(".put(")
                        || statement.contains(".add(") || statement.contains(".setProperty("))) {
                    tracked.add(first);
                }
            }
        }
        return false;
    }

    /**
     * One pass over the text for any secret stem, comparing {@code Character.toLowerCase} of each character:
     * true whenever {@link #mentionsStem(String)} is true of the lower-cased text (the stems are ASCII, and
     * every character that lower-cases to an ASCII letter does so on its own), so false is a safe "no".
     */
    static boolean mayMentionStem(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = lowered(text.charAt(i));
            if (c >= 128 || !STEM_START[c]) {
                continue;
            }
            for (String stem : SECRET_STEMS) {
                if (stem.charAt(0) == c && startsWithLowered(text, i, stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code Character.toLowerCase}, with ASCII answered inline. */
    private static char lowered(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    private static boolean startsWithLowered(String text, int from, String stem) {
        if (from + stem.length() > text.length()) {
            return false;
        }
        for (int k = 1; k < stem.length(); k++) {
            if (lowered(text.charAt(from + k)) != stem.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Does any secret stem occur in the lower-cased text? */
    static boolean mentionsStem(String lower) {
        for (String stem : SECRET_STEMS) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsAny(String code, int from, int to, Set<String> names) {
        // a name starting inside the statement (it may run past its end); searching only there, not to the file's end
        for (String name : names) {
            char first = name.charAt(0);
            for (int at = from; at < to; at++) {
                if (code.charAt(at) == first && code.startsWith(name, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasSecretStem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String stem : SECRET_STEMS) {
            if (w.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A secret-named variable or field, as the flow judges it: not a type name ({@code SharedSecrets}), and
     * not declared in this file only with types that print no secret ({@code SecretKey masterSecret}).
     */
    private static boolean secretNamedValue(String word, String code) {
        if (!hasSecretStem(word) || Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT))
                || !SecretFlow.namesSecretValue(word)) {
            return false;
        }
        boolean declared = false;
        int from = 0;
        int at;
        while ((at = code.indexOf(word, from)) >= 0) {
            from = at + word.length();
            if (at > 0 && Character.isJavaIdentifierPart(code.charAt(at - 1))
                    || from < code.length() && Character.isJavaIdentifierPart(code.charAt(from))) {
                continue;
            }
            char after = nextNonSpace(code, from);
            if (after != '=' && after != ';' && after != ',' && after != ')' || after == '=' && from + 1 < code.length()
                    && code.indexOf("==", from) == skipSpaces(code, from)) {
                continue;
            }
            String type = declaredTypeBefore(code, at);
            if (type == null) {
                continue;
            }
            declared = true;
            if (SecretFlow.isTextType(type)) {
                return true;
            }
        }
        return !declared;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The simple type name written before a declared name ({@code Map<String, X>[] name}), or null. */
    private static String declaredTypeBefore(String code, int nameStart) {
        int i = nameStart - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        // array brackets and type arguments
        while (i >= 0 && (code.charAt(i) == ']' || code.charAt(i) == '[' || Character.isWhitespace(code.charAt(i)))) {
            i--;
        }
        if (i >= 0 && code.charAt(i) == '>') {
            int depth = 0;
            for (; i >= 0; i--) {
                char c = code.charAt(i);
                if (c == '>') {
                    depth++;
                } else if (c == '<' && --depth == 0) {
                    i--;
                    break;
                } else if (c == ';' || c == '{' || c == '}') {
                    return null;
                }
            }
        }
        int end = i + 1;
        while (i >= 0 && Character.isJavaIdentifierPart(code.charAt(i))) {
            i--;
        }
        if (i + 1 >= end) {
            return null;
        }
        String type = code.substring(i + 1, end);
        return switch (type) {
            case "return", "new", "throw", "else", "case", "assert", "yield" -> null;
            default -> type;
        };
    }

    /** {@code getPassword()}, {@code password()}: an accessor of a secret-named property. */
    private static boolean secretAccessor(String word) {
        return hasSecretStem(word) && SecretFlow.accessorOfSecret(word);
    }

    private static char nextNonSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    /** The variable a statement assigns ({@code String x = …}, {@code x = …}, {@code x += …}), or null. */
    private static String assignmentTarget(String statement) {
        int eq = statement.indexOf('=');
        while (eq > 0 && (eq + 1 < statement.length() && statement.charAt(eq + 1) == '='
                || "!<>=".indexOf(statement.charAt(eq - 1)) >= 0)) {
            eq = statement.indexOf('=', eq + 2);
        }
        if (eq <= 0) {
            return null;
        }
        int end = eq;
        while (end > 0 && "+-*/|&^ \t\r\n".indexOf(statement.charAt(end - 1)) >= 0) {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isJavaIdentifierPart(statement.charAt(begin - 1))) {
            begin--;
        }
        return begin < end ? statement.substring(begin, end) : null;
    }

    private static final String[] SINK_TOKENS = {".debug(", ".info(", ".warn(", ".warning(", ".error(", ".trace(",
            ".fatal(", ".fine(", ".finer(", ".finest(", ".severe(", ".config(", ".log(", ".logp(", ".printf(",
            ".addArgument(", ".addKeyValue(", "System.out", "System.err", "Exception(", "Error("};
    private static final String[] PRIMITIVE_DECLARATIONS = {"int ", "long ", "boolean ", "short ", "byte ", "char ",
            "double ", "float "};

    /** A log, print or exception in the statement. */
    private static boolean sinkStatement(String statement) {
        for (String token : SINK_TOKENS) {
            if (statement.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** {@code int n = password.length}: a number derived from a secret is not followed. */
    private static boolean declaresPrimitive(String statement) {
        String t = statement.strip();
        if (t.startsWith("final ")) {
            t = t.substring(6);
        }
        for (String p : PRIMITIVE_DECLARATIONS) {
            if (t.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
