package io.github.aigov.governance;

import java.util.Objects;

/**
 * Where a definition came from: the definition's id, the file and position that declared it, its
 * provenance and citation (in Japanese and English; {@code null} if the definition has none), and
 * the overlay that contributed it ({@code null} for the base set).
 */
public record SourceRef(String definitionId, String file, int line, int column, Provenance provenance,
                        LocalizedText citation, String overlay) {
    public SourceRef {
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** {@code file:line:column}. */
    public String location() {
        return file + ":" + line + ":" + column;
    }
}
