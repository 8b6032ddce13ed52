package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaStaticAwsCredentialsTest {

    private static final String ID = LambdaStaticAwsCredentials.INFO.id();
    private final LambdaStaticAwsCredentials rule = new LambdaStaticAwsCredentials();

    @Test
    void constructorFieldAndHelperAreCheckedButUncalledStaticFactoryIsNot() {
        List<Finding> f = JavaRuleRunner.check(rule, """
                import com.amazonaws.services.lambda.runtime.*;
                import software.amazon.awssdk.auth.credentials.*;
                public class H implements RequestHandler<String, String> {
                    private final Object a = StaticCredentialsProvider.create(AwsBasicCredentials.create(System.getenv("A"), System.getenv("B")));
                    private final Object b;
                    public H() {
                        b = helper();
                    }
                    private Object helper() {
                        return new com.amazonaws.auth.BasicAWSCredentials(System.getenv("C"), System.getenv("D"));
                    }
                    public static Object forTools(String ak, String sk) {
                        return AwsBasicCredentials.create(ak, sk);
                    }
                    public String handleRequest(String in, Context c) {
                        return in;
                    }
                }""");
        assertThat(JavaRuleRunner.lines(f, ID)).containsExactly(4, 10);
        assertThat(f.get(0).message()).contains("AwsBasicCredentials in StaticCredentialsProvider");
        assertThat(f.get(0).logicalPosition()).isEqualTo("H#a/AwsBasicCredentials");
    }

    @Test
    void temporaryCredentialsFromStsAreNotReported() {
        List<Finding> f = JavaRuleRunner.check(rule, """
                import com.amazonaws.services.lambda.runtime.*;
                import software.amazon.awssdk.auth.credentials.*;
                public class H implements RequestHandler<String, String> {
                    private final software.amazon.awssdk.services.sts.StsClient sts = null;
                    public String handleRequest(String in, Context c) {
                        var creds = sts.getSessionToken().credentials();
                        String ak = creds.accessKeyId();
                        var p = StaticCredentialsProvider.create(AwsSessionCredentials.create(ak, creds.secretAccessKey(), creds.sessionToken()));
                        var q = StaticCredentialsProvider.create(AwsSessionCredentials.create(System.getenv("K"), System.getenv("S"), System.getenv("T")));
                        return in;
                    }
                }""");
        assertThat(JavaRuleRunner.lines(f, ID)).containsExactly(9);
    }

    @Test
    void nonHandlerClassIsNotChecked() {
        assertThat(JavaRuleRunner.check(rule, """
                import software.amazon.awssdk.auth.credentials.*;
                class LocalRunner {
                    public static void main(String[] args) {
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(args[0], args[1]));
                    }
                }""")).isEmpty();
    }
}
