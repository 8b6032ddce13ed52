package dev.hushlint.rules.iam;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/** IAM wildcards: {@code *} matches any run of characters (colons and slashes included), {@code ?} one character. */
final class Glob {

    private Glob() {
    }

    /** Does the pattern match the whole text? Wildcards in the text are plain characters. */
    static boolean matches(String pattern, String text, boolean ignoreCase) {
        if (ignoreCase) {
            pattern = pattern.toLowerCase(Locale.ROOT);
            text = text.toLowerCase(Locale.ROOT);
        }
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Is there a string both patterns match? */
    static boolean intersects(String a, String b) {
        int m = a.length();
        int n = b.length();
        boolean[][] seen = new boolean[m + 1][n + 1];
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[] {0, 0});
        while (!todo.isEmpty()) {
            int[] s = todo.pop();
            int i = s[0];
            int j = s[1];
            if (seen[i][j]) {
                continue;
            }
            seen[i][j] = true;
            if (i == m && j == n) {
                return true;
            }
            char ca = i < m ? a.charAt(i) : 0;
            char cb = j < n ? b.charAt(j) : 0;
            if (i < m && ca == '*') {
                todo.push(new int[] {i + 1, j});
                if (j < n && cb != '*') {
                    todo.push(new int[] {i, j + 1});
                }
            }
            if (j < n && cb == '*') {
                todo.push(new int[] {i, j + 1});
                if (i < m && ca != '*') {
                    todo.push(new int[] {i + 1, j});
                }
            }
            if (i < m && j < n && ca != '*' && cb != '*' && (ca == '?' || cb == '?' || ca == cb)) {
                todo.push(new int[] {i + 1, j + 1});
            }
        }
        return false;
    }
}
