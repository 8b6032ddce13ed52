package dev.hushlint.rules.iac.hcl;

import dev.hushlint.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every kind of bad input gives an {@link HclException} with the right line and no quoted content. */
class HclParserErrorsTest {

    /** Looks like a credential; no error message may contain it. */
    private static final String SECRET = "Zq8rT4vLx2Wn6Kp0";

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("a = 1\n}\n", 2, "unexpected '}'"),
                bad("resource \"x\" \"y\" {\n  a = 1\n", 1, "unclosed block"),
                bad("a = {\n  b = 1\n", 1, "unclosed '{'"),
                bad("a = [1,\n 2\n", 1, "unclosed '['"),
                bad("a = f(1,\n 2\n", 1, "unclosed '('"),
                bad("a = (1 + 2\n", 1, "unclosed '('"),
                bad("x = 1\na = \"" + SECRET + "\n", 2, "unterminated string"),
                bad("a = \"" + SECRET, 1, "unterminated string"),
                bad("a = \"${var.x" + SECRET, 1, "unterminated template interpolation"),
                bad("a = \"${\"" + SECRET + "}\"\n", 1, "unterminated template interpolation"),
                bad("a = \"${\"" + SECRET + "\n}\"\n", 1, "unterminated string"),
                bad("a = <<EOF\n" + SECRET + "\n", 1, "unterminated heredoc"),
                bad("a = <<EOF\n" + SECRET + "\nEOF2\n", 1, "unterminated heredoc"),
                bad("a = <<EOF " + SECRET + "\nEOF\n", 1, "heredoc marker must be followed by the end of its line"),
                bad("a = << EOF\nEOF\n", 1, "expected a heredoc marker"),
                bad("a = \"${<<EOF " + SECRET + "\nEOF\n}\"\n", 1, "heredoc marker must be followed by the end of its line"),
                bad("a = \"${<<EOF\n" + SECRET + "\n}\"\n", 1, "unterminated template interpolation"),
                bad("a = \"\\q" + SECRET + "\"\n", 1, "invalid escape sequence"),
                bad("x = 1\na = \"${var.x +}" + SECRET + "\"\n", 2, "expected an expression, found the end of the template sequence"),
                bad("a = \"" + SECRET + "${}\"\n", 1, "expected an expression, found the end of the template sequence"),
                bad("a = \"${a b}\"\n", 1, "expected '}' to end the interpolation, found identifier"),
                bad("a = \"${\"${x +}\"}\"\n", 1, "expected an expression, found the end of the template sequence"),
                bad("a = <<EOF\n" + SECRET + "\n${(x}\nEOF\n", 3, "unclosed '(' opened on line 3: the end of the template sequence reached"),
                bad("a = \"%{ if x }" + SECRET + "\"\n", 1, "a template directive is not closed"),
                bad("a = <<EOF\n%{ for x in y }\n" + SECRET + "\nEOF\n", 1, "a template directive is not closed"),
                bad("a = \"%{ endif }\"\n", 1, "%{ endif } without its %{ if }"),
                bad("a = \"%{ if x }a%{ else }b%{ else }c%{ endif }\"\n", 1, "%{ else } without its %{ if }, or a second one"),
                bad("a = \"%{ for x in y }%{ endif }\"\n", 1, "%{ endif } without its %{ if }"),
                bad("a = \"%{ bogus }\"\n", 1, "unknown template directive"),
                bad("a = \"%{ for x y }%{ endfor }\"\n", 1, "expected 'in' in a for directive"),
                bad("a = 0.5.0\n", 1, "expected the end of the line after an attribute, found '.'"),
                bad("a = \"\\u12" + SECRET + "\"\n", 1, "invalid unicode escape"),
                bad("a = \"\\UFFFFFFFF\"\n", 1, "not a character"),
                bad("a = \"\\uD83D\\uDE00\"\n", 1, "not a character"),
                bad("a = 1\n/* " + SECRET + "\n", 2, "unterminated comment"),
                bad("a = 1\nb = @" + SECRET + "\n", 2, "unexpected character '@'"),
                bad("a = 1 & 2\n", 1, "unexpected character '&'"),
                bad("a = `x`\n", 1, "unexpected character '`'"),
                bad("a = \u00a0 1\n", 1, "unexpected character U+00A0"),
                bad("a = 1\na = 2\n", 2, "duplicate attribute (first defined on line 1)"),
                bad("locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n", 5, "duplicate local value"),
                bad("a = 1\na {\n}\n", 2, "a block has the name of an attribute"),
                bad("r \"x\" {\n  s {}\n  s = 1\n}\n", 3, "an attribute has the name of a block"),
                bad("r \"x\" {}\nr \"x\" \"y\" {}\n", 2, "different numbers of labels"),
                bad("r \"${var.x}\" {}\n", 1, "block label cannot contain a template interpolation"),
                bad("a 1\n", 1, "expected '=' or '{' after a name, found number"),
                bad("r \"x\" = 1\n", 1, "expected '{' after the block labels"),
                bad("a = 1 b = 2\n", 1, "expected the end of the line after an attribute, found identifier"),
                bad("r {} s {}\n", 1, "expected the end of the line after a block"),
                bad("r \"a\" \"b\" { x = 1\n}\n", 1, "expected '}' to close a block on one line"),
                bad("r {\n  x = 1 }\n", 2, "expected the end of the line after an attribute, found '}'"),
                bad("r { b {} }\n", 1, "expected '=' (a block on one line holds one attribute)"),
                bad("r { x = 1, y = 2 }\n", 1, "expected '}' to close a block on one line, found ','"),
                bad("r { \"x\" = 1 }\n", 1, "expected an attribute or a line end after '{', found string"),
                bad("a = { for = 1 }\n", 1, "expected a variable name after 'for'"),
                bad("a = x.0.1\n", 1, "expected an attribute name or index after '.', found number"),
                bad("a =\n1\n", 1, "expected an expression, found end of line"),
                bad("a = 1 +\n 2\n", 1, "expected an expression, found end of line"),
                bad("\"a\" = 1\n", 1, "expected an attribute name or a block type, found string"),
                bad("a = [1 2]\n", 1, "expected ',' or ']' in a tuple, found number"),
                bad("a = f(1 2)\n", 1, "expected ',' or ')' in the arguments"),
                bad("a = { b 1 }\n", 1, "expected '=' or ':' after an object key"),
                bad("a = { b = 1 c = 2 }\n", 1, "expected ',' or a line end between object items"),
                bad("a = x ? 1\n", 1, "expected ':' in a conditional expression"),
                bad("a = x.\"y\"\n", 1, "expected an attribute name or index after '.', found string"),
                bad("a = [for x y]\n", 1, "expected 'in' in a for expression"),
                bad("a = {for k, v in m : k}\n", 1, "expected '=>' in an object for expression"),
                bad("a = [for x in y : x\n", 1, "unclosed '['"),
                bad("a = p::f\n", 1, "expected '(' after a provider function name"),
                bad("a = " + "9".repeat(500) + "\n", 1, "number literal is too long"),
                bad("a = 1e99999999999\n", 1, "number literal is out of range"),
                bad("a = ...\n", 1, "expected an expression, found '...'"));
    }

    private static Arguments bad(String text, int line, String message) {
        return Arguments.of(text, line, message);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("badInputs")
    void badInputIsRejectedWithItsLine(String text, int line, String message) {
        HclException e = catchThrowableOfType(HclException.class, () -> HclParser.parse(text));
        assertThat(e).as("no exception for %s", text).isNotNull();
        assertThat(e).isInstanceOf(InputException.class);
        assertThat(e.getMessage()).contains(message).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 6));
        assertThat(e.line()).isEqualTo(line);
    }

    @Test
    void errorLinesCountCrlfAndCrLineEnds() {
        HclException crlf = catchThrowableOfType(HclException.class,
                () -> HclParser.parse("a = 1\r\n\r\nb = \"x\r\n"));
        assertThat(crlf.line()).isEqualTo(3);
        HclException cr = catchThrowableOfType(HclException.class, () -> HclParser.parse("a = 1\r\rb = 2 3\r"));
        assertThat(cr.line()).isEqualTo(3);
    }

    @Test
    void tooLargeInputIsRejectedBeforeParsing() {
        String huge = "a = 1\n".repeat(HclParser.MAX_CHARS / 6 + 1);
        assertThatThrownBy(() -> HclParser.parse(huge)).isInstanceOf(HclException.class)
                .hasMessageContaining("too large");
    }
}
