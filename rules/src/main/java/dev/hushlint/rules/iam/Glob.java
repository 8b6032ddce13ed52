package dev.hushlint.rules.iam;


/** IAM wildcards: {@code *} matches any run of characters (colons and slashes included), {@code ?} one character. */
final class Glob {

    private Glob() {
    }

    /** Does the pattern match the whole text? Wildcards in the text are plain characters. */
    static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
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

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && (a | 0x20) == (b | 0x20) && Character.isLetter(a)
                && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** Is there a string both patterns match? Bottom-up over suffix pairs: O(|a|·|b|), one allocation. */
    static boolean intersects(String a, String b) {
        int m = a.length();
        int n = b.length();
        int width = n + 1;
        boolean[] dp = new boolean[(m + 1) * width];
        dp[m * width + n] = true;
        for (int i = m; i >= 0; i--) {
            for (int j = n; j >= 0; j--) {
                if (i == m && j == n) {
                    continue;
                }
                char ca = i < m ? a.charAt(i) : 0;
                char cb = j < n ? b.charAt(j) : 0;
                boolean v = false;
                if (i < m && ca == '*') {
                    v = dp[(i + 1) * width + j] || (j < n && cb != '*' && dp[i * width + j + 1]);
                }
                if (!v && j < n && cb == '*') {
                    v = dp[i * width + j + 1] || (i < m && ca != '*' && dp[(i + 1) * width + j]);
                }
                if (!v && i < m && j < n && ca != '*' && cb != '*' && (ca == '?' || cb == '?' || ca == cb)) {
                    v = dp[(i + 1) * width + j + 1];
                }
                dp[i * width + j] = v;
            }
        }
        return dp[0];
    }
}
