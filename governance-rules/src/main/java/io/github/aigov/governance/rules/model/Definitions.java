package io.github.aigov.governance.rules.model;

import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.rules.model.Sheets.Checklist;
import io.github.aigov.governance.rules.model.Sheets.DefinitionSetModel;
import io.github.aigov.governance.rules.model.Sheets.RiskSheet;
import java.util.List;

/**
 * A whole, checked definition set: what the rule compiler consumes, and the questionnaire that writes
 * its profiles ({@code null} when the set has none).
 */
public record Definitions(DefinitionSetModel set, RiskSheet risk, List<Checklist> checklists, String hash,
                          List<DefinitionsRef.OverlayRef> overlays, List<Problem> warnings, Questionnaire questionnaire,
                          List<io.github.aigov.governance.Crosswalk> crosswalks) {
    public Definitions {
        checklists = List.copyOf(checklists);
        overlays = List.copyOf(overlays);
        warnings = List.copyOf(warnings);
        crosswalks = crosswalks == null ? List.of() : List.copyOf(crosswalks);
    }

    /** Definitions without crosswalks (they are attached once the definitions are complete: {@link #withCrosswalks}). */
    public Definitions(DefinitionSetModel set, RiskSheet risk, List<Checklist> checklists, String hash,
                       List<DefinitionsRef.OverlayRef> overlays, List<Problem> warnings, Questionnaire questionnaire) {
        this(set, risk, checklists, hash, overlays, warnings, questionnaire, List.of());
    }

    /**
     * These definitions with the crosswalks to other frameworks that apply to them (checked against them by
     * their loader). Crosswalks decide nothing: they are not part of the content hash.
     */
    public Definitions withCrosswalks(List<io.github.aigov.governance.Crosswalk> crosswalks) {
        return new Definitions(set, risk, checklists, hash, overlays, warnings, questionnaire, crosswalks);
    }

    public DefinitionsRef ref() {
        return new DefinitionsRef(set.id(), set.version(), set.date(), hash, overlays);
    }
}
