package dev.hushlint.rules.iac.hcl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Small inputs whose verdict was checked against {@code terraform fmt} (syntax-cases.tsv): the reader accepts
 * and rejects what Terraform does, apart from the few rows that say why not.
 */
class HclSyntaxCasesTest {

    @TestFactory
    Stream<DynamicTest> eachCaseHasItsVerdict() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] rows = HclTrees.resource("syntax-cases.tsv").split("\n");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] columns = row.split("\t");
            String verdict = columns[0];
            String text = unescape(columns[1]);
            String name = "line " + (i + 1) + ": " + verdict + " " + columns[1];
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (verdict.equals("accept")) {
                    assertThatCode(() -> HclParser.parse(text)).doesNotThrowAnyException();
                } else {
                    assertThat(verdict).isEqualTo("reject");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HclParser.parse(text))
                            .isInstanceOf(HclException.class);
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(150);
        return tests.stream();
    }

    private static String unescape(String escaped) {
        StringBuilder text = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char kind = escaped.charAt(++i);
            text.append(switch (kind) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case '\\' -> '\\';
                default -> throw new IllegalArgumentException("bad escape in syntax-cases.tsv: \\" + kind);
            });
        }
        return text.toString();
    }
}
