package dev.hushlint.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.rules.java.flow.JavaNodes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Lambda handler class that builds static AWS credentials (an access key pair) instead of using its
 * execution role through the SDK's default credentials chain.
 */
public final class LambdaStaticAwsCredentials implements Rule<JavaSource> {

    public static final RuleInfo INFO = RuleInfo.builder("java/lambda-static-aws-credentials")
            .name("LambdaStaticAwsCredentials")
            .severity(Severity.MEDIUM)
            .summary("A Lambda handler builds static AWS credentials instead of using its execution role")
            .help("""
                    A Lambda function already runs with temporary credentials of its execution role, which the \
                    SDK's default credentials chain picks up and refreshes. Building an access key pair into a \
                    static provider instead means a long-lived IAM user key has to live somewhere the function \
                    can read it — an environment variable, a bundled file, a secret — where it leaks, is \
                    rarely rotated, and grants access from anywhere, not just from this function. This holds \
                    even when the values come from environment variables or a file.

                    **Fix:** delete the IAM user key; grant the permissions to the function's execution role and \
                    build clients with the default chain. To act in another account, assume a role with STS at \
                    runtime (`StsAssumeRoleCredentialsProvider`).

                    Bad:
                    ```java
                    public class ExportHandler implements RequestHandler<S3Event, Void> {
                        private final S3Client s3 = S3Client.builder()
                                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                        System.getenv("EXPORT_ACCESS_KEY_ID"), System.getenv("EXPORT_SECRET_KEY"))))
                                .build();
                    }
                    ```
                    Good:
                    ```java
                    public class ExportHandler implements RequestHandler<S3Event, Void> {
                        private final S3Client s3 = S3Client.create();   // the execution role, via the default chain
                    }
                    ```
                    Not reported: session credentials obtained at runtime from STS (`assumeRole`, \
                    `getSessionToken`) and then wrapped in a static provider; code outside handler classes \
                    (factories, tests, `main` programs).""")
            .cwe(798, 522)
            .precision("high")
            .build();

    /** Static credential constructions: type → how they are built ("new" or a static factory method). */
    private static final Map<String, String> CREDENTIAL_TYPES = Map.of(
            "BasicAWSCredentials", "new",
            "BasicSessionCredentials", "new",
            "AwsBasicCredentials", "create",
            "AwsSessionCredentials", "create");

    /** STS calls whose results are temporary credentials. */
    private static final Set<String> STS_CALLS = Set.of("assumeRole", "assumeRoleWithWebIdentity", "assumeRoleWithSAML",
            "getSessionToken", "getFederationToken");

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
        if (!(text.contains("BasicAWSCredentials") || text.contains("BasicSessionCredentials")
                || text.contains("AwsBasicCredentials") || text.contains("AwsSessionCredentials"))
                || !LambdaHandlers.couldDeclareHandler(text, context)) {
            return RuleResult.NONE;
        }
        Optional<CompilationUnit> unit = source.unit();
        if (unit.isEmpty()) {
            return RuleResult.of(source.parseFailure());
        }
        List<Finding> findings = new ArrayList<>();
        for (LambdaHandlers.Handler handler : LambdaHandlers.handlersIn(unit.get(), context)) {
            var type = handler.type();
            List<Node> roots = new ArrayList<>(handler.entryMethods());
            roots.addAll(LambdaHandlers.initializers(type));
            for (Node member : LambdaHandlers.reachable(type, roots, call -> false)) {
                for (Expression construction : constructions(member)) {
                    if (!LambdaHandlers.ownedBy(construction, type)
                            || JavaNodes.enclosingMember(construction).orElse(null) != member
                            || fromTemporaryCredentials(construction, member)) {
                        continue;
                    }
                    String credentialType = credentialType(construction);
                    String where = JavaNodes.memberName(member);
                    findings.add(Finding.builder(INFO)
                            .location(JavaNodes.location(source.file(), construction))
                            .logicalPosition(handler.qualifiedName() + "#" + where + "/" + credentialType)
                            .message("Lambda handler " + type.getNameAsString() + " builds static AWS credentials ("
                                    + credentialType + wrapping(construction) + ") in " + where
                                    + "; use the execution role through the default credentials chain")
                            .property("credentialType", credentialType)
                            .build());
                }
            }
        }
        return RuleResult.of(findings);
    }

    private static List<Expression> constructions(Node member) {
        List<Expression> found = new ArrayList<>();
        member.walk(node -> {
            if (node instanceof ObjectCreationExpr o && "new".equals(CREDENTIAL_TYPES.get(o.getType().getNameAsString()))
                    && o.getArguments().size() >= 2) {
                found.add(o);
            } else if (node instanceof MethodCallExpr m && m.getNameAsString().equals("create")
                    && m.getArguments().size() >= 2 && m.getScope().filter(s -> s instanceof NameExpr n
                    && "create".equals(CREDENTIAL_TYPES.get(n.getNameAsString()))).isPresent()) {
                found.add(m);
            }
        });
        return found;
    }

    private static String credentialType(Expression construction) {
        return construction instanceof ObjectCreationExpr o ? o.getType().getNameAsString()
                : ((MethodCallExpr) construction).getScope().map(Object::toString).orElse("credentials");
    }

    /** How the credentials are handed to a client, for the message. */
    private static String wrapping(Expression construction) {
        for (Node p = construction.getParentNode().orElse(null); p != null && !(p instanceof com.github.javaparser.ast.stmt.Statement
                && !(p.getParentNode().orElse(null) instanceof LambdaExpr)); p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr) {
                return " returned by a lambda credentials provider";
            }
            if (p instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("AWSStaticCredentialsProvider")) {
                return " in AWSStaticCredentialsProvider";
            }
            if (p instanceof MethodCallExpr m && m.getNameAsString().equals("create")
                    && m.getScope().map(s -> s.toString().equals("StaticCredentialsProvider")).orElse(false)) {
                return " in StaticCredentialsProvider";
            }
        }
        return "";
    }

    /**
     * True when the arguments come from STS at runtime (an assumed role's or session's temporary credentials)
     * or, for session credentials, from the Lambda runtime's own {@code AWS_SESSION_TOKEN} (the execution
     * role's temporary credentials): followed through locals of the member.
     */
    private static boolean fromTemporaryCredentials(Expression construction, Node member) {
        List<Expression> args = construction instanceof ObjectCreationExpr o ? o.getArguments()
                : ((MethodCallExpr) construction).getArguments();
        Deque<Expression> work = new ArrayDeque<>(args);
        Set<String> followed = new HashSet<>();
        while (!work.isEmpty()) {
            Expression e = work.pop();
            boolean[] temporary = {false};
            e.walk(node -> {
                if (node instanceof MethodCallExpr m && STS_CALLS.contains(m.getNameAsString())) {
                    temporary[0] = true;
                } else if (node instanceof MethodCallExpr m && m.getNameAsString().equals("getenv")
                        && m.getArguments().size() == 1 && m.getArgument(0) instanceof StringLiteralExpr s
                        && s.getValue().equals("AWS_SESSION_TOKEN") && args.size() == 3) {
                    temporary[0] = true;
                } else if (node instanceof NameExpr n && followed.add(n.getNameAsString())) {
                    for (VariableDeclarator v : member.findAll(VariableDeclarator.class)) {
                        if (v.getNameAsString().equals(n.getNameAsString())) {
                            v.getInitializer().ifPresent(work::push);
                        }
                    }
                    for (AssignExpr a : member.findAll(AssignExpr.class)) {
                        if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(n.getNameAsString())) {
                            work.push(a.getValue());
                        }
                    }
                }
            });
            if (temporary[0]) {
                return true;
            }
        }
        return false;
    }
}
