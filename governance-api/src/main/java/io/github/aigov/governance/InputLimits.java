package io.github.aigov.governance;

/**
 * Limits applied to every YAML or JSON document the library reads, so no input can exhaust memory
 * or time. Defaults are generous for hand-written files and tiny for an attack.
 *
 * @param maxDocumentBytes largest accepted document, in bytes (default 1 MiB)
 * @param maxDepth         deepest accepted nesting of maps and lists (default 64)
 * @param maxAliases       most aliases accepted in one document (default 50)
 * @param maxNodes         most nodes in one document once aliases are expanded (default 100,000)
 */
public record InputLimits(int maxDocumentBytes, int maxDepth, int maxAliases, int maxNodes) {
    public static final InputLimits DEFAULT = new InputLimits(1 << 20, 64, 50, 100_000);

    public InputLimits {
        if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
