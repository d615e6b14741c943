package io.github.aigov.governance.bench;

/**
 * A {@code main} that does nothing: the bare JVM start that {@code run-benchmarks.sh} measures in the
 * same run as {@code ./governance assess}, on the same JVM options, so the command's own share shows.
 * It is run from the module's class directory, not the benchmark jar, so no large class path is opened.
 */
public final class JvmStart {
    private JvmStart() {
    }

    public static void main(String[] args) {
        // nothing: the JVM starts, loads this class and exits
    }
}
