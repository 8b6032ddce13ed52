package dev.hushlint.rules.secret;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordIndexTest {

    private final KeywordIndex index = KeywordIndex.build(List.of(
            List.of("he"), List.of("she"), List.of("his", "hers"), List.of("ghp_"), List.of("hvs.")));

    private List<Integer> groups(String text) {
        return index.groupsIn(text).stream().boxed().toList();
    }

    @Test
    void findsOverlappingAndNestedKeywords() {
        assertThat(groups("ushers")).containsExactly(0, 1, 2);
        assertThat(groups("ahishers")).containsExactly(0, 1, 2);
        assertThat(groups("nothing")).isEmpty();
        assertThat(groups("")).isEmpty();
    }

    @Test
    void matchesCaseInsensitively() {
        assertThat(groups("SHE")).containsExactly(0, 1);
        assertThat(groups("token GHP_abc")).containsExactly(3);
        assertThat(groups("HVS.x")).containsExactly(4);
    }

    @Test
    void nonAsciiBreaksAKeywordButNotTheScan() {
        assertThat(groups("sh€e")).isEmpty();
        assertThat(groups("é🔑ghp_")).containsExactly(3);
    }

    @Test
    void agreesWithNaiveSearchOnRandomTexts() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "abAB_-.:é";
        for (int round = 0; round < 300; round++) {
            List<List<String>> groups = new java.util.ArrayList<>();
            for (int g = 0; g < 1 + random.nextInt(6); g++) {
                List<String> keywords = new java.util.ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    keywords.add(randomText(random, "ab_-.:", 1 + random.nextInt(4)));
                }
                groups.add(keywords);
            }
            KeywordIndex built = KeywordIndex.build(groups);
            String text = randomText(random, alphabet, random.nextInt(40));
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (int g = 0; g < groups.size(); g++) {
                boolean naive = groups.get(g).stream().anyMatch(lower::contains);
                assertThat(built.groupsIn(text).get(g)).as(groups + " in " + text).isEqualTo(naive);
            }
        }
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void rejectsEmptyOrNonAsciiKeywords() {
        assertThatThrownBy(() -> KeywordIndex.build(List.of(List.of("")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeywordIndex.build(List.of(List.of("clé")))).isInstanceOf(IllegalArgumentException.class);
    }
}
