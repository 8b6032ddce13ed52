package dev.hushlint.rules.iac.hcl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged files (characters deleted, inserted, swapped, the file cut short) either parse or fail with an
 * {@link HclException} carrying a line inside the file: never another exception.
 */
class HclParserMutationTest {

    private static final String SIGNIFICANT = "{}[]()\"'$%<<-#/*\\\n\r\t =:,.?!&|~EOF";

    @Test
    void damagedFilesFailCleanly() {
        Random random = new Random(20261127L);
        int parsed = 0;
        int rejected = 0;
        for (String name : List.of("lambda.tf", "secrets.tf", "kms.tf", "module-style.tf")) {
            String original = HclTrees.resource(name);
            for (int round = 0; round < 500; round++) {
                String damaged = damage(original, random);
                try {
                    HclParser.parse(damaged);
                    parsed++;
                } catch (HclException e) {
                    rejected++;
                    assertThat(e.line()).as("line of %s in %s", e.getMessage(), name)
                            .isBetween(1, (int) damaged.chars().filter(c -> c == '\n' || c == '\r').count() + 1);
                    assertThat(e.getMessage()).isNotBlank();
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("unexpected " + e + " for a damaged " + name + ":\n" + damaged, e);
                }
            }
        }
        // both outcomes must occur, or the damage is not exercising anything
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    private static String damage(String text, Random random) {
        StringBuilder damaged = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && damaged.length() > 0; e++) {
            int at = random.nextInt(damaged.length());
            switch (random.nextInt(4)) {
                case 0 -> damaged.deleteCharAt(at);
                case 1 -> damaged.insert(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
                case 2 -> damaged.setCharAt(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
                default -> damaged.setLength(at);
            }
        }
        return damaged.toString();
    }
}
