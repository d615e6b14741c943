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

    /** One overlay applied to a definition set. */
    public record OverlayRef(String id, String file, String hash) {
    }
}
