package dev.hushlint.rules.java.flow;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a value becomes visible to whoever reads logs: log calls (SLF4J incl. its fluent API, Log4j 2, JUL,
 * commons-logging, Flogger, Lambda's {@code LambdaLogger}), {@code System.out}/{@code System.err}, and the
 * message of a new exception (printed by {@code printStackTrace}, logged by frameworks, returned by Lambda
 * in the error response).
 */
public final class LogSinks {

    private static final Set<String> LOG_METHODS = Set.of("trace", "debug", "info", "warn", "warning", "error",
            "fatal", "severe", "fine", "finer", "finest", "config", "log", "logp", "logrb", "printf", "entering",
            "exiting", "addArgument", "addKeyValue", "setMessage");
    private static final Set<String> LOGGER_CHAIN = Set.of("atTrace", "atDebug", "atInfo", "atWarn", "atWarning",
            "atError", "atSevere", "atFine", "atLevel", "addArgument", "addKeyValue", "setMessage", "setCause",
            "addMarker", "withCause", "atMostEvery", "every");
    private static final Set<String> LOGGER_FACTORIES = Set.of("getLogger", "getLog", "getLambdaLogger");
    private static final Set<String> LOGGER_TYPES = Set.of("Logger", "Log", "LambdaLogger", "ExtendedLogger",
            "XLogger", "FluentLogger", "GoogleLogger", "LoggingEventBuilder");
    private static final Set<String> PRINT_METHODS = Set.of("println", "print", "printf", "format", "write", "append");

    private LogSinks() {
    }

    /**
     * What kind of sink the call is ("log call info", "System.out.println"), or empty.
     *
     * @param typeOf the declared simple type name of a variable or field, or null when unknown
     */
    public static Optional<String> sink(MethodCallExpr call, Function<String, String> typeOf) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        if (PRINT_METHODS.contains(name) && scope.get() instanceof FieldAccessExpr fa
                && fa.getScope() instanceof NameExpr sys && sys.getNameAsString().equals("System")
                && (fa.getNameAsString().equals("out") || fa.getNameAsString().equals("err"))) {
            return Optional.of("System." + fa.getNameAsString() + "." + name);
        }
        if (LOG_METHODS.contains(name) && isLogger(scope.get(), typeOf)) {
            return Optional.of("log call " + name + "()");
        }
        return Optional.empty();
    }

    /** A cheap first test: could this call be a sink at all (by its method name)? */
    public static boolean mayBeSink(MethodCallExpr call) {
        String name = call.getNameAsString();
        return LOG_METHODS.contains(name) || PRINT_METHODS.contains(name);
    }

    /** The exception type whose message this creation sets, or empty. */
    public static Optional<String> exceptionMessage(ObjectCreationExpr creation) {
        String type = creation.getType().getNameAsString();
        if ((type.endsWith("Exception") || type.endsWith("Error") || type.equals("Throwable"))
                && !creation.getArguments().isEmpty()) {
            return Optional.of("the message of a new " + type);
        }
        return Optional.empty();
    }

    static boolean isLogger(Expression e, Function<String, String> typeOf) {
        if (e instanceof NameExpr n) {
            return loggerName(n.getNameAsString()) || LOGGER_TYPES.contains(String.valueOf(typeOf.apply(n.getNameAsString())));
        }
        if (e instanceof FieldAccessExpr fa) {
            return loggerName(fa.getNameAsString());
        }
        if (e instanceof MethodCallExpr m) {
            if (LOGGER_FACTORIES.contains(m.getNameAsString())) {
                return true;
            }
            return LOGGER_CHAIN.contains(m.getNameAsString()) && m.getScope().map(s -> isLogger(s, typeOf)).orElse(false);
        }
        return false;
    }

    private static boolean loggerName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("log") || lower.endsWith("logger") || lower.endsWith("_log") || lower.equals("logs");
    }
}
