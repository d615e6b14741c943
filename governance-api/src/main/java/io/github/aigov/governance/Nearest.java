package io.github.aigov.governance;

import java.util.Collection;
import java.util.Locale;

/**
 * The known word a mistyped one most likely meant: the same word in another case ({@code JSON} →
 * {@code json}), else the only word it begins ({@code 2} → {@code 2.0}, {@code mark} →
 * {@code markdown}), else the closest within a small edit distance ({@code PROCUREMNT} →
 * {@code PROCUREMENT}). Used for the library's "did you mean" hints and the command line's usage
 * errors, so both suggest alike.
 */
public final class Nearest {
    /** Longer words are not compared (the distance is quadratic); they get no suggestion. */
    private static final int MAX_COMPARED = 200;

    private Nearest() {
    }

    /** The candidate {@code given} most likely meant, or {@code null} when none is close enough. */
    public static String of(String given, Collection<String> candidates) {
        if (given == null || given.isEmpty() || given.length() > MAX_COMPARED) {
            return null;
        }
        String g = given.toLowerCase(Locale.ROOT);
        String prefixed = null;
        int prefixes = 0;
        for (String c : candidates) {
            if (c == null) {
                continue; // a definition whose own id was refused
            }
            String lower = c.toLowerCase(Locale.ROOT);
            if (lower.equals(g)) {
                return c;
            }
            if (lower.startsWith(g) && !c.equals(prefixed)) {
                prefixed = c;
                prefixes++;
            }
        }
        if (prefixes == 1) {
            return prefixed;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null) {
                continue;
            }
            int d = distance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, g.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /**
     * Edit distance counting a swap of two neighbouring characters as one edit, as a typist makes it
     * ({@code jsno} → {@code json}): the optimal string alignment distance. {@link Integer#MAX_VALUE}
     * for words too long to compare.
     */
    static int distance(String a, String b) {
        if (a.length() > MAX_COMPARED || b.length() > MAX_COMPARED) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
