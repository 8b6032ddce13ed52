package dev.hushlint.rules.java.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls that fetch a secret through the AWS SDK (v1 or v2) from Secrets Manager or SSM Parameter Store,
 * recognised without a classpath: the operation's method name, an import of the service's SDK package, and
 * a receiver that is not declared as some other type.
 */
public final class SecretFetches {

    public enum Service {
        SECRETS_MANAGER("Secrets Manager"), SSM("SSM Parameter Store");

        private final String label;

        Service(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One SDK fetch: the service and its API operation name (e.g. GetSecretValue). */
    public record Fetch(Service service, String operation) {
        public String describe() {
            return service.label() + " " + operation;
        }
    }

    private static final Map<String, Fetch> OPERATIONS = Map.of(
            "getSecretValue", new Fetch(Service.SECRETS_MANAGER, "GetSecretValue"),
            "batchGetSecretValue", new Fetch(Service.SECRETS_MANAGER, "BatchGetSecretValue"),
            "getParameter", new Fetch(Service.SSM, "GetParameter"),
            "getParameters", new Fetch(Service.SSM, "GetParameters"),
            "getParametersByPath", new Fetch(Service.SSM, "GetParametersByPath"));

    /** SDK client types (v2 sync/async, v1 interfaces and classes). */
    private static final Set<String> CLIENT_TYPES = Set.of(
            "SecretsManagerClient", "SecretsManagerAsyncClient", "AWSSecretsManager", "AWSSecretsManagerClient",
            "AWSSecretsManagerAsync", "AWSSecretsManagerAsyncClient",
            "SsmClient", "SsmAsyncClient", "AWSSimpleSystemsManagement", "AWSSimpleSystemsManagementClient",
            "AWSSimpleSystemsManagementAsync", "AWSSimpleSystemsManagementAsyncClient");

    private SecretFetches() {
    }

    /** True when the file text can contain an SDK fetch at all (a cheap prefilter). */
    public static boolean mentionsSdk(String text) {
        return text.contains("secretsmanager") || text.contains("services.ssm")
                || text.contains("simplesystemsmanagement");
    }

    /** The SDK fetch this call makes, if it is one. */
    public static Optional<Fetch> sdkFetch(MethodCallExpr call, String fileText, TypeDeclaration<?> type) {
        Fetch fetch = OPERATIONS.get(call.getNameAsString());
        // every SDK operation takes one request (an object or a builder consumer); a zero-argument
        // getParameter() is the response's accessor
        if (fetch == null || call.getScope().isEmpty() || call.getArguments().size() != 1) {
            return Optional.empty();
        }
        boolean imported = fetch.service() == Service.SECRETS_MANAGER ? fileText.contains("secretsmanager")
                : fileText.contains("services.ssm") || fileText.contains("simplesystemsmanagement");
        if (!imported) {
            return Optional.empty();
        }
        Expression scope = call.getScope().get();
        Type declared = null;
        if (scope instanceof NameExpr n) {
            declared = JavaNodes.declaredType(n, type);
        } else if (scope instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr && type != null) {
            declared = JavaNodes.field(type, fa.getNameAsString()).map(v -> v.getType()).orElse(null);
        } else if (scope instanceof ThisExpr) {
            return Optional.empty();
        }
        if (declared != null) {
            String name = JavaNodes.simpleTypeName(declared);
            if (!name.equals("var") && !CLIENT_TYPES.contains(name)) {
                return Optional.empty();
            }
        }
        return Optional.of(fetch);
    }

    /**
     * True when an SSM GetParameter(s) request asks for decryption: {@code withDecryption(true)} (v2 builder)
     * or {@code withWithDecryption(true)}/{@code setWithDecryption(true)} (v1) in the call's argument, or in
     * the request variable's initialisation within the member.
     */
    public static boolean withDecryption(MethodCallExpr call, Node member) {
        if (call.getArguments().isEmpty()) {
            return false;
        }
        Expression arg = call.getArgument(0);
        if (requestsDecryption(arg)) {
            return true;
        }
        if (arg instanceof NameExpr n && member != null) {
            for (MethodCallExpr m : member.findAll(MethodCallExpr.class)) {
                if (isDecryptionSetter(m) && m.findAncestor(com.github.javaparser.ast.body.VariableDeclarator.class)
                        .map(v -> v.getNameAsString().equals(n.getNameAsString())).orElse(false)) {
                    return true;
                }
                if (isDecryptionSetter(m) && m.getScope().filter(s -> s instanceof NameExpr sn
                        && sn.getNameAsString().equals(n.getNameAsString())).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean requestsDecryption(Expression arg) {
        for (MethodCallExpr m : arg.findAll(MethodCallExpr.class)) {
            if (isDecryptionSetter(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDecryptionSetter(MethodCallExpr m) {
        String name = m.getNameAsString();
        return (name.equals("withDecryption") || name.equals("withWithDecryption") || name.equals("setWithDecryption"))
                && m.getArguments().size() == 1
                && !(m.getArgument(0) instanceof BooleanLiteralExpr b && !b.getValue());
    }
}
