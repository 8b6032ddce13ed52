package dev.hushlint.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.java.flow.CacheGuards;
import dev.hushlint.rules.java.flow.JavaNodes;
import dev.hushlint.rules.java.flow.SecretFetches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Lambda handler that calls Secrets Manager or SSM Parameter Store through the SDK on every invocation,
 * in its handler method or a helper of the same class, with no cache in between.
 */
public final class LambdaSecretPerInvocation implements Rule<JavaSource> {

    public static final RuleInfo INFO = RuleInfo.builder("java/lambda-secret-per-invocation")
            .name("LambdaSecretPerInvocation")
            .severity(Severity.LOW)
            .summary("A Lambda handler fetches a secret from Secrets Manager or Parameter Store on every invocation")
            .help("""
                    The handler calls `GetSecretValue` or `GetParameter(s)` through the AWS SDK each time it runs, \
                    without keeping the result. Every invocation pays the latency and the API cost, and a burst \
                    of invocations can be throttled by Secrets Manager or Parameter Store — taking the function \
                    down with it. AWS advises fetching secrets once, outside the handler, and caching them.

                    **Fix:** fetch in the constructor or a static initializer (runs once per execution \
                    environment), cache lazily in a field, or use a cached client: the Secrets Manager caching \
                    library (`SecretCache`), Powertools for AWS Lambda parameters, or the AWS Parameters and \
                    Secrets Lambda Extension (`http://localhost:2773`).

                    Bad:
                    ```java
                    public class OrderHandler implements RequestHandler<Order, String> {
                        private final SecretsManagerClient secrets = SecretsManagerClient.create();

                        public String handleRequest(Order order, Context context) {
                            String password = secrets.getSecretValue(r -> r.secretId("prod/orders/db"))
                                    .secretString();                 // one API call per invocation
                            return save(order, password);
                        }
                    }
                    ```
                    Good:
                    ```java
                    public class OrderHandler implements RequestHandler<Order, String> {
                        private static final SecretCache SECRETS = new SecretCache();

                        public String handleRequest(Order order, Context context) {
                            return save(order, SECRETS.getSecretString("prod/orders/db"));   // cached, refreshed by TTL
                        }
                    }
                    ```
                    Recognised caches: a fetch in a constructor, initializer or field initializer; a field \
                    initialised lazily behind a check of that field (`if (password == null)`, an expiry time, \
                    `containsKey`); `computeIfAbsent` on a map held in a field. A local map, or a field written \
                    on every call, is no cache.""")
            .cwe(400)
            .precision("high")
            .build();

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
        if (!SecretFetches.mentionsSdk(text) || !LambdaHandlers.couldDeclareHandler(text, context)) {
            return RuleResult.NONE;
        }
        Optional<CompilationUnit> unit = source.unit();
        if (unit.isEmpty()) {
            return RuleResult.of(source.parseFailure());
        }
        List<Finding> findings = new ArrayList<>();
        for (LambdaHandlers.Handler handler : LambdaHandlers.handlersIn(unit.get(), context)) {
            var type = handler.type();
            Set<Node> reachable = LambdaHandlers.reachable(type, handler.entryMethods(),
                    call -> JavaNodes.enclosingMember(call).map(m -> CacheGuards.isCached(call, m, type)).orElse(false));
            for (Node member : reachable) {
                for (MethodCallExpr call : member.findAll(MethodCallExpr.class)) {
                    if (!LambdaHandlers.ownedBy(call, type)
                            || JavaNodes.enclosingMember(call).orElse(null) != member) {
                        continue;
                    }
                    Optional<SecretFetches.Fetch> fetch = SecretFetches.sdkFetch(call, text, type);
                    if (fetch.isEmpty() || CacheGuards.isCached(call, member, type)) {
                        continue;
                    }
                    String where = JavaNodes.memberName(member);
                    findings.add(Finding.builder(INFO)
                            .location(JavaNodes.location(source.file(), call.getName()))
                            .logicalPosition(handler.qualifiedName() + "#" + where + "/" + fetch.get().operation())
                            .message(fetch.get().describe() + " is called on every invocation of Lambda handler "
                                    + type.getNameAsString() + " (in " + where + "), with no cache; fetch it once "
                                    + "outside the handler or use a cached client")
                            .property("operation", fetch.get().operation())
                            .build());
                }
            }
        }
        return RuleResult.of(findings);
    }
}
