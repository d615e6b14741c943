package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.GuidelineVersionsTest.V1;
import static io.github.aigov.governance.rules.GuidelineVersionsTest.V2;
import static io.github.aigov.governance.rules.GuidelineVersionsTest.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a revision changes, on fixed inputs: the shipped v1.0 and v2.0. */
class DefinitionDiffTest {

    @Test
    void version1To2ListsEveryDefinitionChange() {
        DefinitionDiff diff = Governance.diff(V1, V2, List.of());
        assertThat(diff.from().version()).isEqualTo("1.0");
        assertThat(diff.to().version()).isEqualTo("2.0");
        assertThat(diff.changes()).filteredOn(c -> !c.category().startsWith("crosswalk"))
                .extracting(c -> c.kind() + " " + c.category() + " " + c.id()).containsExactly(
                "ADDED combination COMB-NO-STAFF-JUDGEMENT",
                "CHANGED escalation ESC-HIGH",
                // v1.0 was reported to ask the planner for purpose, mitigation and quality assurance
                // including during operation; v2.0 for project details, objectives, mitigation and
                // quality-assurance plans
                "CHANGED group BOARD-REPORT-CONTENTS",
                "CHANGED item BOARD-OBJECTIVES",
                "CHANGED item BOARD-MITIGATION",
                "CHANGED item BOARD-QA-PLAN",
                "ADDED item BOARD-PROJECT-DETAILS",
                "CHANGED applicability APPL-BOARD-HIGH");
        assertThat(diff.changes().get(1).details()).extracting(m -> V2.render(m, Locale.ENGLISH))
                .containsExactly("reason text changed");
        // The crosswalks change with the revision too: the board report's items map to other frameworks from 2.0 on.
        assertThat(diff.changes()).filteredOn(c -> c.category().startsWith("crosswalk")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(DefinitionDiff.ChangeKind.ADDED);
            assertThat(c.category()).isEqualTo("crosswalk-mapping");
            assertThat(c.id()).matches("[a-z0-9-]+/BOARD-[A-Z-]+\\.\\d+");
        });
    }

    @Test
    void profilesShowWhoseDecisionChangesAndByWhichRule() {
        ProjectProfile judgementOnly = profile("STAFF_GENERAL", "INTERNAL_SUPPORT", "PUBLIC_ONLY", "NONE",
                ProcurementForm.CUSTOMISATION, false);
        ProjectProfile unchanged = new ProjectProfile("unchanged", "n", "o", "", new ProjectProfile.Scope(false, false),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                judgementOnly.axes());
        DefinitionDiff diff = Governance.diff(V1, V2, List.of(judgementOnly, unchanged));
        DefinitionDiff.ProfileImpact changed = diff.impacts().get(0);
        assertThat(changed.fromClassification()).isEqualTo(Classification.MEDIUM);
        assertThat(changed.toClassification()).isEqualTo(Classification.HIGH);
        assertThat(changed.differences()).extracting(m -> V2.render(m, Locale.ENGLISH)).startsWith(
                "classification MEDIUM → HIGH (decided by COMB-ANY-HIGH → COMB-NO-STAFF-JUDGEMENT)",
                "escalation required false → true (decided by ESC-MEDIUM → ESC-HIGH)",
                "PROC-03: RECOMMENDED → REQUIRED (decided by APPL-PROC-MEDIUM-RECOMMENDED → APPL-PROC-HIGH-ALL)")
                .contains("BOARD-QA-PLAN: NOT_APPLICABLE → REQUIRED (decided by APPL-BOARD-NOT-ESCALATED → APPL-BOARD-HIGH)",
                        "BOARD-PROJECT-DETAILS: new item, REQUIRED (decided by APPL-BOARD-HIGH)");
        assertThat(changed.differences()).extracting(m -> V2.render(m, Locale.JAPANESE))
                .first().isEqualTo("リスクレベル MEDIUM → HIGH（決定したルール COMB-ANY-HIGH → COMB-NO-STAFF-JUDGEMENT）");
        // out of scope in both: only the new board-report item appears, not applicable
        assertThat(diff.impacts().get(1).fromClassification()).isEqualTo(Classification.OUT_OF_SCOPE);
        assertThat(diff.impacts().get(1).differences()).extracting(m -> V2.render(m, Locale.ENGLISH))
                .allMatch(line -> line.startsWith("BOARD-") && line.contains("new item, NOT_APPLICABLE"));
    }

    @Test
    void aSetComparedWithItselfHasNoChanges() {
        ProjectProfile p = profile("PUBLIC", "RIGHTS_AFFECTING", "SENSITIVE_LEARNED", "NONE", ProcurementForm.NEW_DEVELOPMENT, true);
        DefinitionDiff diff = Governance.diff(V2, V2, List.of(p));
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.impacts()).singleElement().satisfies(i -> assertThat(i.changed()).isFalse());
    }
}
