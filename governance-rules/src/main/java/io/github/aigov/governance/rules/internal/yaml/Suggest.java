package io.github.aigov.governance.rules.internal.yaml;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Nearest;
import java.util.Collection;

/** "Did you mean ...?" hints: the known word a mistyped one most likely meant ({@link Nearest}). */
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

    /** The candidate {@code given} most likely meant ({@link Nearest}), or {@code null}. */
    public static String closest(String given, Collection<String> candidates) {
        return Nearest.of(given, candidates);
    }
}
