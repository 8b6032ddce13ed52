package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaSecretPerInvocationTest {

    private static final String ID = LambdaSecretPerInvocation.INFO.id();
    private final LambdaSecretPerInvocation rule = new LambdaSecretPerInvocation();

    private static String handler(String members) {
        return """
                import com.amazonaws.services.lambda.runtime.*;
                import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
                public class H implements RequestHandler<String, String> {
                    private final SecretsManagerClient sm = SecretsManagerClient.create();
                """ + members + "\n}\n";
    }

    @Test
    void fetchInHandlerAndInHelperItCalls() {
        List<Finding> f = JavaRuleRunner.check(rule, handler("""
                public String handleRequest(String in, Context c) {
                    return in + load();
                }
                private String load() {
                    return sm.getSecretValue(r -> r.secretId("x")).secretString();
                }
                private String unused() {
                    return sm.getSecretValue(r -> r.secretId("y")).secretString();
                }"""));
        assertThat(JavaRuleRunner.lines(f, ID)).containsExactly(9);
        assertThat(f.get(0).message()).contains("GetSecretValue").contains("H").contains("load");
        assertThat(f.get(0).logicalPosition()).isEqualTo("H#load/GetSecretValue");
    }

    @Test
    void guardedHelperCallIsCached() {
        List<Finding> f = JavaRuleRunner.check(rule, handler("""
                private String secret;
                public String handleRequest(String in, Context c) {
                    if (secret == null) {
                        secret = load();
                    }
                    return in + secret;
                }
                private String load() {
                    return sm.getSecretValue(r -> r.secretId("x")).secretString();
                }"""));
        assertThat(f).isEmpty();
    }

    @Test
    void guardOnAnUnrelatedFieldIsNoCache() {
        List<Finding> f = JavaRuleRunner.check(rule, handler("""
                private String secret;
                private boolean enabled = true;
                public String handleRequest(String in, Context c) {
                    if (enabled) {
                        secret = sm.getSecretValue(r -> r.secretId("x")).secretString();
                    }
                    return in + secret;
                }"""));
        assertThat(JavaRuleRunner.lines(f, ID)).containsExactly(9);
    }

    @Test
    void notAHandlerClassIsNotChecked() {
        List<Finding> f = JavaRuleRunner.check(rule, """
                import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
                class RequestHandlerFactory {
                    private final SecretsManagerClient sm = SecretsManagerClient.create();
                    public String handleRequest(String in) {
                        return sm.getSecretValue(r -> r.secretId("x")).secretString();
                    }
                }""");
        assertThat(f).isEmpty();
    }

    @Test
    void superclassInAnotherFileMakesAHandlerThroughTheIndex(@TempDir Path dir) {
        Report report = JavaRuleRunner.scan(dir, Map.of(
                "a/Base.java", """
                        package a;
                        import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                        public abstract class Base<T> implements RequestStreamHandler { }
                        """,
                "b/Middle.java", """
                        package b;
                        public abstract class Middle extends a.Base<String> { }
                        """,
                "c/Leaf.java", """
                        package c;
                        import software.amazon.awssdk.services.ssm.SsmClient;
                        public class Leaf extends b.Middle {
                            private final SsmClient ssm = SsmClient.create();
                            @Override
                            protected String process(String in) {
                                return ssm.getParameter(r -> r.name("/p")).parameter().value();
                            }
                        }
                        """,
                "c/Unrelated.java", """
                        package c;
                        import software.amazon.awssdk.services.ssm.SsmClient;
                        public class Unrelated extends java.util.ArrayList<String> {
                            private final SsmClient ssm = SsmClient.create();
                            @Override
                            public String toString() {
                                return ssm.getParameter(r -> r.name("/p")).parameter().value();
                            }
                        }
                        """));
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(ID))
                .singleElement().satisfies(f -> {
                    assertThat(f.location().file().toString()).endsWith("Leaf.java");
                    assertThat(f.location().startLine()).isEqualTo(7);
                    assertThat(f.message()).contains("GetParameter");
                });
    }

    @Test
    void unparsableHandlerIsReportedByTheWholeScan(@TempDir Path dir) {
        Report report = JavaRuleRunner.scan(dir, Map.of("Broken.java", """
                import software.amazon.awssdk.services.ssm.SsmClient;
                public class Broken implements RequestHandler<String, String> {
                    public String handleRequest(String in, Context c) {
                        return in +;
                    }
                }
                """));
        assertThat(report.notifications()).anySatisfy(n -> assertThat(n.code()).isEqualTo("parse-error"));
    }

    @Test
    void fileWithoutSdkOrHandlerIsNotParsed() {
        // broken syntax: parsing it would give a parse-error notification
        assertThat(JavaRuleRunner.result(rule, "class A implements RequestHandler { void m( }").notifications()).isEmpty();
        assertThat(JavaRuleRunner.result(rule, "import software.amazon.awssdk.services.ssm.SsmClient; class A { void m( }")
                .notifications()).isEmpty();
        assertThat(JavaRuleRunner.result(rule,
                "import software.amazon.awssdk.services.ssm.SsmClient; class A implements RequestHandler { void m( }")
                .notifications()).singleElement().satisfies(n -> assertThat(n.code()).isEqualTo("parse-error"));
    }
}
