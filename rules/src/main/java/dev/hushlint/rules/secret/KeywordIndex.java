package dev.hushlint.rules.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A case-insensitive multi-keyword prefilter: one Aho–Corasick pass over the text tells which groups (patterns)
 * have at least one of their keywords in it. ASCII is folded to lower case on the fly, so the text is never
 * copied; keywords are matched as lower-case ASCII (non-ASCII text characters simply reset the automaton).
 * Immutable and thread-safe once built.
 */
final class KeywordIndex {

    private static final int ALPHABET = 128;

    /** goto/failure folded into one DFA table: next[state * 128 + c]. */
    private final int[] next;
    /** Groups whose keyword ends in this state (including via failure links); null when none. */
    private final int[][] output;
    private final int groupCount;

    private KeywordIndex(int[] next, int[][] output, int groupCount) {
        this.next = next;
        this.output = output;
        this.groupCount = groupCount;
    }

    /** @param keywordsByGroup for each group, its keywords (lower-case ASCII, non-empty) */
    static KeywordIndex build(List<List<String>> keywordsByGroup) {
        List<int[]> children = new ArrayList<>();
        List<BitSet> outputs = new ArrayList<>();
        children.add(newRow());
        outputs.add(new BitSet());
        for (int group = 0; group < keywordsByGroup.size(); group++) {
            for (String keyword : keywordsByGroup.get(group)) {
                if (keyword.isEmpty()) {
                    throw new IllegalArgumentException("empty keyword in group " + group);
                }
                int state = 0;
                for (int i = 0; i < keyword.length(); i++) {
                    int c = fold(keyword.charAt(i));
                    if (c < 0) {
                        throw new IllegalArgumentException("keywords must be ASCII");
                    }
                    int child = children.get(state)[c];
                    if (child < 0) {
                        child = children.size();
                        children.add(newRow());
                        outputs.add(new BitSet());
                        children.get(state)[c] = child;
                    }
                    state = child;
                }
                outputs.get(state).set(group);
            }
        }
        int states = children.size();
        int[] next = new int[states * ALPHABET];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int child = children.get(0)[c];
            if (child < 0) {
                next[c] = 0;
            } else {
                next[c] = child;
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            outputs.get(state).or(outputs.get(fail[state]));
            for (int c = 0; c < ALPHABET; c++) {
                int child = children.get(state)[c];
                if (child < 0) {
                    next[state * ALPHABET + c] = next[fail[state] * ALPHABET + c];
                } else {
                    next[state * ALPHABET + c] = child;
                    fail[child] = next[fail[state] * ALPHABET + c];
                    queue.add(child);
                }
            }
        }
        int[][] output = new int[states][];
        Map<BitSet, int[]> shared = new HashMap<>();
        for (int s = 0; s < states; s++) {
            BitSet set = outputs.get(s);
            if (!set.isEmpty()) {
                output[s] = shared.computeIfAbsent(set, b -> b.stream().toArray());
            }
        }
        return new KeywordIndex(next, output, keywordsByGroup.size());
    }

    /** The groups with at least one keyword occurring in the text (case-insensitively). */
    BitSet groupsIn(CharSequence text) {
        BitSet found = new BitSet(groupCount);
        int[] table = next;
        int[][] out = output;
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            int c = fold(text.charAt(i));
            if (c < 0) {
                state = 0;
                continue;
            }
            state = table[(state << 7) + c];
            int[] groups = out[state];
            if (groups != null) {
                for (int g : groups) {
                    found.set(g);
                }
            }
        }
        return found;
    }

    private static int fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c + ('a' - 'A');
        }
        return c < ALPHABET ? c : -1;
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }
}
