package io.github.aigov.governance.rules.internal.model;

import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.rules.internal.model.Sheets.Checklist;
import io.github.aigov.governance.rules.internal.model.Sheets.DefinitionSetModel;
import io.github.aigov.governance.rules.internal.model.Sheets.RiskSheet;
import java.util.List;

/**
 * A whole, checked definition set: what the rule compiler consumes, and the questionnaire that writes
 * its profiles ({@code null} when the set has none).
 */
public record Definitions(DefinitionSetModel set, RiskSheet risk, List<Checklist> checklists, String hash,
                          List<DefinitionsRef.OverlayRef> overlays, List<Problem> warnings, Questionnaire questionnaire) {
    public Definitions {
        checklists = List.copyOf(checklists);
        overlays = List.copyOf(overlays);
        warnings = List.copyOf(warnings);
    }

    public DefinitionsRef ref() {
        return new DefinitionsRef(set.id(), set.version(), set.date(), hash, overlays);
    }
}
