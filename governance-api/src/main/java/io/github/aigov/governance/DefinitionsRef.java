package io.github.aigov.governance;

import java.util.List;

/**
 * Which definitions decided: the set's id, version, date and SHA-256 content hash, and the
 * overlays applied on top of it, in order.
 */
public record DefinitionsRef(String id, String version, String date, String hash, List<OverlayRef> overlays) {
    public DefinitionsRef {
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
    }

    /**
     * One overlay applied to a definition set: its id, file and content hash, and its own title and
     * citation as the overlay states them ({@code null} in a record of schema 1, which did not keep them).
     */
    public record OverlayRef(String id, String file, String hash, LocalizedText title, LocalizedText citation) {
    }
}
