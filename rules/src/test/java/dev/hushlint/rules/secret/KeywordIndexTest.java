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
    void rejectsEmptyOrNonAsciiKeywords() {
        assertThatThrownBy(() -> KeywordIndex.build(List.of(List.of("")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeywordIndex.build(List.of(List.of("clé")))).isInstanceOf(IllegalArgumentException.class);
    }
}
