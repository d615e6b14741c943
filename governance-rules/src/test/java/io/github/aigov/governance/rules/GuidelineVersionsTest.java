package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** DS-920 v1.0 and v2.0 side by side: what the revision changes, and what it leaves alone. */
class GuidelineVersionsTest {
    static final GovernanceEngine V1 = Governance.builder().guidelineVersion("1.0").build();
    static final GovernanceEngine V2 = Governance.builder().guidelineVersion("2.0").build();

    static ProjectProfile profile(String users, String work, String data, String judgement, ProcurementForm form,
                                  boolean trains) {
        return new ProjectProfile("p", "Project", "Ministry", "", new ProjectProfile.Scope(true, false),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(form, trains),
                Map.of("users", users, "work", work, "data", data, "judgement", judgement));
    }

    @Test
    void theShippedVersionsAreListedOldestFirstAndEachBuilds() {
        assertThat(Governance.guidelineVersions()).containsExactly("1.0", "2.0");
        for (String v : Governance.guidelineVersions()) {
            assertThat(Governance.builder().guidelineVersion(v).build().definitions().version()).isEqualTo(v);
        }
    }

    @Test
    void theDefaultIsTheLatestShippedVersion() {
        assertThat(Governance.builder().build().definitions().version())
                .isEqualTo(Governance.guidelineVersions().get(Governance.guidelineVersions().size() - 1));
        assertThat(Governance.builder().build().definitions().version()).isEqualTo("2.0");
        assertThat(V1.definitions().version()).isEqualTo("1.0");
        assertThat(V1.definitions().date()).isEqualTo("2025-05-27");
        assertThat(V2.definitions().date()).isEqualTo("2026-06-12");
        assertThat(V1.definitions().hash()).startsWith("sha256:").isNotEqualTo(V2.definitions().hash());
    }

    @Test
    void outputsWithoutStaffJudgementAreHighOnlyInVersion2() {
        ProjectProfile onlyJudgementHigh = profile("STAFF_GENERAL", "INTERNAL_SUPPORT", "PUBLIC_ONLY", "NONE",
                ProcurementForm.SAAS_API, false);
        Decision v1 = V1.assess(onlyJudgementHigh);
        Decision v2 = V2.assess(onlyJudgementHigh);
        assertThat(v1.classification()).isEqualTo(Classification.MEDIUM);
        assertThat(v1.escalation().required()).isFalse();
        assertThat(v2.classification()).isEqualTo(Classification.HIGH);
        assertThat(v2.classificationReason().ruleId()).isEqualTo("COMB-NO-STAFF-JUDGEMENT");
        assertThat(v2.classificationReason().source().provenance()).isEqualTo(Provenance.INTERPRETATION);
        // it rests on one third-party summary, not on the press or the Digital Agency, and says so in both languages
        assertThat(v2.classificationReason().source().citation().en()).contains("an unverified third-party summary of v2.0");
        assertThat(v2.classificationReason().source().citation().ja()).contains("第2.0版についての第三者による未検証の要約");
        assertThat(V2.render(v2.classificationReason().message(), java.util.Locale.ENGLISH))
                .contains("based on an unverified third-party summary of v2.0");
        assertThat(v2.escalation().required()).isTrue();
        assertThat(v2.items(ItemStatus.REQUIRED)).extracting(ItemResult::id)
                .contains("BOARD-PROJECT-DETAILS", "BOARD-OBJECTIVES", "BOARD-MITIGATION", "BOARD-QA-PLAN");
        assertThat(v2.item("BOARD-QA-PLAN").orElseThrow().source().provenance()).isEqualTo(Provenance.PUBLIC);
    }

    @Test
    void whereVersion2ChangedNothingRelevantBothAgree() {
        ProjectProfile seabis = profile("STAFF_GENERAL", "INTERNAL_SUPPORT", "INTERNAL_NON_CONFIDENTIAL", "EVERY_OUTPUT",
                ProcurementForm.CUSTOMISATION, false);
        Decision v1 = V1.assess(seabis);
        Decision v2 = V2.assess(seabis);
        assertThat(v2.classification()).isEqualTo(v1.classification()).isEqualTo(Classification.LOW);
        assertThat(v2.escalation().required()).isEqualTo(v1.escalation().required()).isFalse();
        assertThat(statuses(v2, "PROC-", "CONT-")).isEqualTo(statuses(v1, "PROC-", "CONT-"));
        assertThat(statuses(v2, "BOARD-").values()).containsOnly(ItemStatus.NOT_APPLICABLE);
    }

    /** Over the whole answer space: v2.0 differs from v1.0 exactly where judgement is NONE, and only upwards. */
    @Test
    void version2OnlyRaisesProjectsWhoseOutputsNoStaffJudge() {
        List<String> differing = new ArrayList<>();
        for (String u : List.of("STAFF_SPECIFIC", "STAFF_GENERAL", "EXTERNAL_CONTRACTED", "PUBLIC")) {
            for (String w : List.of("INTERNAL_SUPPORT", "INFORMATION_PROVISION", "POLICY_ANALYSIS", "RIGHTS_AFFECTING", "LIFE_SAFETY")) {
                for (String d : List.of("PUBLIC_ONLY", "INTERNAL_NON_CONFIDENTIAL", "SENSITIVE_IN_PROMPTS", "SENSITIVE_LEARNED")) {
                    for (String j : List.of("EVERY_OUTPUT", "SAMPLED", "NONE")) {
                        ProjectProfile p = profile(u, w, d, j, ProcurementForm.NEW_DEVELOPMENT, true);
                        Decision v1 = V1.assess(p);
                        Decision v2 = V2.assess(p);
                        assertThat(v2.classification().compareTo(v1.classification())).as(p.axes().toString()).isGreaterThanOrEqualTo(0);
                        if (v1.classification() != v2.classification()) {
                            differing.add(j);
                        }
                        if (!j.equals("NONE")) {
                            assertThat(v2.classification()).as(p.axes().toString()).isEqualTo(v1.classification());
                            assertThat(statuses(v2, "PROC-", "CONT-")).isEqualTo(statuses(v1, "PROC-", "CONT-"));
                        }
                    }
                }
            }
        }
        assertThat(differing).isNotEmpty().containsOnly("NONE");
    }

    @Test
    void anUnshippedVersionIsRefusedWithTheShippedOnesNamed() {
        assertThatThrownBy(() -> Governance.builder().guidelineVersion("3.0").build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.code().id()).isEqualTo("GOV-0015");
                        assertThat(p.message().args()).contains("3.0", "1.0, 2.0");
                    });
                });
    }

    static Map<String, ItemStatus> statuses(Decision d, String... prefixes) {
        return d.items().stream().filter(i -> List.of(prefixes).stream().anyMatch(i.id()::startsWith))
                .collect(Collectors.toMap(ItemResult::id, ItemResult::status));
    }
}
