package io.github.aigov.governance.rules.model;

import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.SourceRef;

/**
 * What every definition has: its id, title (may be null for rules), provenance, citation (Japanese and
 * English), where it was written, and the overlay that contributed it ({@code null} for the base set).
 */
public record Meta(String id, LocalizedText title, Provenance provenance, LocalizedText citation, Location location,
                   String overlay) {

    public SourceRef source() {
        return new SourceRef(id, location.file(), location.line(), location.column(), provenance, citation, overlay);
    }

    public Meta withId(String newId) {
        return new Meta(newId, title, provenance, citation, location, overlay);
    }
}
