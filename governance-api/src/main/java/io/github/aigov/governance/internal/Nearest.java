package io.github.aigov.governance.internal;

import java.util.Collection;

/**
 * Kept only until the command line, moving to its own module, uses {@link io.github.aigov.governance.Nearest}:
 * no module may import another module's {@code internal} package.
 */
@Deprecated(forRemoval = true)
public final class Nearest {
    private Nearest() {
    }

    /** {@link io.github.aigov.governance.Nearest#of}. */
    public static String of(String given, Collection<String> candidates) {
        return io.github.aigov.governance.Nearest.of(given, candidates);
    }
}
