package io.github.aigov.governance.rules.internal.yaml;

import io.github.aigov.governance.Message;
import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" hints: the closest known word within a small edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** A hint naming the closest candidate, or one listing what is allowed. */
    public static Message hint(String given, Collection<String> candidates) {
        String best = closest(given, candidates);
        if (best != null) {
            return Message.of("hint.did-you-mean", best);
        }
        return Message.of("hint.one-of", String.join(", ", candidates.stream().filter(c -> c != null).toList()));
    }

    public static String closest(String given, Collection<String> candidates) {
        String g = given == null ? "" : given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null) {
                continue; // a definition whose own id was refused
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

    private static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
