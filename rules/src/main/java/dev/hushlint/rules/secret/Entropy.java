package dev.hushlint.rules.secret;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy, in bits per character. */
public final class Entropy {

    private static final double LOG2 = Math.log(2);

    private Entropy() {
    }

    public static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] ascii = new int[128];
        Map<Character, Integer> others = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (others == null) {
                    others = new HashMap<>();
                }
                others.merge(c, 1, Integer::sum);
            }
        }
        double h = 0;
        for (int count : ascii) {
            h -= term(count, n);
        }
        if (others != null) {
            for (int count : others.values()) {
                h -= term(count, n);
            }
        }
        return h;
    }

    private static double term(int count, int n) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / n;
        return p * (Math.log(p) / LOG2);
    }
}
