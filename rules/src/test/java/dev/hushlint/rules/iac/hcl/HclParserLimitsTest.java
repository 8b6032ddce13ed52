package dev.hushlint.rules.iac.hcl;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Node.ExpressionNode;
import dev.hushlint.rules.tree.Node.ListNode;
import dev.hushlint.rules.tree.Node.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static dev.hushlint.rules.iac.hcl.HclTrees.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Absurd nesting is refused with an {@link HclException}, never a {@link StackOverflowError}. */
class HclParserLimitsTest {

    private static final int FAR_TOO_DEEP = 100_000;

    static Stream<Arguments> deepInputs() {
        return Stream.of(
                Arguments.of("tuples", "a = " + "[".repeat(FAR_TOO_DEEP)),
                Arguments.of("closed tuples", "a = " + "[".repeat(FAR_TOO_DEEP) + "]".repeat(FAR_TOO_DEEP)),
                Arguments.of("objects", "a = " + "{b = ".repeat(FAR_TOO_DEEP) + "1" + "}".repeat(FAR_TOO_DEEP)),
                Arguments.of("parentheses", "a = " + "(".repeat(FAR_TOO_DEEP) + "1" + ")".repeat(FAR_TOO_DEEP)),
                Arguments.of("unary minus", "a = " + "-".repeat(FAR_TOO_DEEP) + "1"),
                Arguments.of("unary not", "a = " + "!".repeat(FAR_TOO_DEEP) + "true"),
                Arguments.of("function calls", "a = " + "f(".repeat(FAR_TOO_DEEP) + ")".repeat(FAR_TOO_DEEP)),
                Arguments.of("indexes", "a = x" + "[x".repeat(FAR_TOO_DEEP) + "]".repeat(FAR_TOO_DEEP)),
                Arguments.of("conditionals", "a = " + "x ? ".repeat(FAR_TOO_DEEP) + "1" + " : 2".repeat(FAR_TOO_DEEP)),
                Arguments.of("blocks", "b {\n".repeat(FAR_TOO_DEEP) + "}\n".repeat(FAR_TOO_DEEP)),
                Arguments.of("labels", "r " + "\"x\" ".repeat(FAR_TOO_DEEP) + "{}\n"),
                Arguments.of("template interpolations", "a = \"" + "${\"".repeat(FAR_TOO_DEEP)
                        + "\"}".repeat(FAR_TOO_DEEP) + "\"\n"),
                Arguments.of("heredoc interpolations", "a = <<EOF\n" + "${\"".repeat(FAR_TOO_DEEP)
                        + "\"}".repeat(FAR_TOO_DEEP) + "\nEOF\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepInputs")
    void absurdNestingIsRefused(String kind, String text) {
        HclException e = catchThrowableOfType(HclException.class, () -> HclParser.parse(text));
        assertThat(e).as(kind).isNotNull();
        assertThat(e.getMessage()).containsAnyOf("deeper than " + HclParser.MAX_DEPTH, "too many block labels");
        assertThat(e.line()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nestingJustUnderTheLimitParsesOnASmallStack() throws Exception {
        int levels = HclParser.MAX_DEPTH - 1;
        String tuples = "a = " + "[".repeat(levels) + "]".repeat(levels) + "\n";
        String calls = "b = " + "f(".repeat(levels / 2) + "{k = [".repeat(levels / 4) + "1"
                + "]}".repeat(levels / 4) + ")".repeat(levels / 2) + "\n";
        String blocks = "c {\n".repeat(levels) + "}\n".repeat(levels);
        AtomicReference<Object> result = new AtomicReference<>();
        // half of the JVM's default thread stack (1 MiB on 64-bit Linux)
        Thread thread = new Thread(null, () -> {
            try {
                result.set(HclParser.parse(tuples + calls + blocks));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "small-stack", 512 * 1024);
        thread.start();
        thread.join();
        assertThat(result.get()).isInstanceOf(MapNode.class);
        Node node = at((MapNode) result.get(), "a");
        for (int i = 0; i < levels - 1; i++) {
            node = ((ListNode) node).items().get(0);
        }
        assertThat(((ListNode) node).items()).isEmpty();
        assertThat(at((MapNode) result.get(), "b")).isInstanceOf(ExpressionNode.class);
    }

    @Test
    void runningOutOfStackGivesAnHclExceptionNotAStackOverflowError() throws Exception {
        String tuples = "a = " + "[".repeat(FAR_TOO_DEEP) + "]".repeat(FAR_TOO_DEEP) + "\n";
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(HclParser.parse(tuples, Integer.MAX_VALUE));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(result.get()).isInstanceOf(HclException.class);
        assertThat(((HclException) result.get()).getMessage()).contains("too deep for the available stack");
    }

    @Test
    void nestedCallsCannotMultiplyTheSourceTextBeyondItsBudget() {
        String payload = "\"" + "x".repeat(200_000) + "\"";
        String text = "a = " + "f(".repeat(200) + payload + ")".repeat(200) + "\n";
        HclException e = catchThrowableOfType(HclException.class, () -> HclParser.parse(text));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("nested too deeply to keep their source text");
    }

    @Test
    void nestedInterpolationsCannotMultiplyTheCheckingWork() {
        String text = "a = \"" + "${\"".repeat(100) + "x".repeat(200_000) + "\"}".repeat(100) + "\"\n";
        HclException e = catchThrowableOfType(HclException.class, () -> HclParser.parse(text));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("template interpolations are nested too deeply");
    }

    @Test
    void aLargeRealisticFileParses() throws HclException {
        String one = HclTrees.resource("lambda.tf").replace("\"order_api\"", "\"order_api_%d\"")
                .replace("\"order_api_secrets\"", "\"order_api_secrets_%d\"")
                .replace("terraform {", "terraform {\n  # copy %d");
        StringBuilder text = new StringBuilder();
        int copies = 1000;
        for (int i = 0; i < copies; i++) {
            text.append(one.replace("%d", Integer.toString(i)));
        }
        MapNode root = HclParser.parse(text.toString());
        assertThat(HclTrees.map(root, "resource", "aws_lambda_function").entries()).hasSize(copies);
        assertThat(HclTrees.list(root, "terraform").items()).hasSize(copies);
        int linesPerCopy = one.split("\n", -1).length - 1;
        assertThat(HclTrees.map(root, "resource", "aws_lambda_function", "order_api_999").position().line())
                .isEqualTo(999 * linesPerCopy + HclTrees.map(root, "resource", "aws_lambda_function", "order_api_0")
                        .position().line());
    }
}
