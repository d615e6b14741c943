package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.AnswerSpace.Answers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive, not sampled: every combination of axis options, procurement form and vendor training (1,440 in-scope
 * profiles), and each of them again with each out-of-scope flag combination, assessed by one engine.
 */
class AnswerSpaceTest {
    private static final List<Answers> ALL = AnswerSpace.all();
    private static GovernanceEngine engine;
    private static Map<Answers, Decision> decisions;

    @BeforeAll
    static void assessEveryProfile() {
        engine = SharedEngine.v1();
        decisions = SharedEngine.inScope();
    }

    @Test
    void theEnumerationCoversEveryOptionOfTheDefinitionsWithTheGuidelinesLevels() {
        Map<String, Map<String, RiskLevel>> defined = new LinkedHashMap<>();
        for (DefinitionCatalog.Axis axis : engine.catalog().axes()) {
            Map<String, RiskLevel> options = new LinkedHashMap<>();
            axis.options().forEach(o -> options.put(o.id(), o.level()));
            defined.put(axis.id(), options);
        }
        assertThat(defined).isEqualTo(Oracle.LEVELS);
        defined.forEach((axis, options) -> assertThat(options.keySet()).as(axis)
                .containsExactlyElementsOf(AnswerSpace.OPTIONS.get(axis)));
        assertThat(ALL).hasSize(4 * 5 * 4 * 3 * 3 * 2).doesNotHaveDuplicates();
        assertThat(itemIds(decisions.get(ALL.get(0)))).containsExactlyElementsOf(Oracle.ITEMS);
    }

    @Test
    void assessingTheSameProfileTwiceGivesTheSameDecision() {
        List<String> failures = new ArrayList<>();
        for (Answers a : ALL) {
            Decision first = decisions.get(a);
            Decision again = engine.assess(a.profile());
            if (!SharedEngine.withoutIdAndTime(first).equals(SharedEngine.withoutIdAndTime(again))) {
                failures.add(a + ": " + summary(first) + " then " + summary(again));
            }
            if (first.decisionId().equals(again.decisionId())) {
                failures.add(a + ": two evaluations share the decision id " + first.decisionId());
            }
            if (!rules(first).equals(rules(again))) {
                failures.add(a + ": the rules fired in a different order");
            }
        }
        assertThat(failures).as(first50(failures)).isEmpty();
    }

    @Test
    void aHigherAnswerNeverLowersTheClassificationAnItemADutyOrEscalation() {
        List<String> failures = new ArrayList<>();
        int comparisons = 0;
        for (Answers a : ALL) {
            Decision lower = decisions.get(a);
            for (Map.Entry<String, List<String>> axis : AnswerSpace.OPTIONS.entrySet()) {
                RiskLevel from = Oracle.LEVELS.get(axis.getKey()).get(a.axes().get(axis.getKey()));
                for (String option : axis.getValue()) {
                    if (Oracle.LEVELS.get(axis.getKey()).get(option).compareTo(from) <= 0) {
                        continue; // only strictly higher levels
                    }
                    comparisons++;
                    Answers b = a.with(axis.getKey(), option);
                    Decision higher = decisions.get(b);
                    String step = a + " -> " + axis.getKey() + "=" + option + ": ";
                    if (higher.classification().compareTo(lower.classification()) < 0) {
                        failures.add(step + "classification " + lower.classification() + " -> " + higher.classification());
                    }
                    if (lower.escalation().required() && !higher.escalation().required()) {
                        failures.add(step + "escalation dropped");
                    }
                    for (ItemResult item : lower.items(ItemStatus.REQUIRED)) {
                        ItemStatus now = higher.item(item.id()).orElseThrow().status();
                        if (now != ItemStatus.REQUIRED) {
                            failures.add(step + item.id() + " REQUIRED -> " + now);
                        }
                    }
                    for (ObligationResult duty : lower.obligations(ItemStatus.REQUIRED)) {
                        ItemStatus now = higher.obligation(duty.id()).orElseThrow().status();
                        if (now != ItemStatus.REQUIRED) {
                            failures.add(step + duty.id() + " REQUIRED -> " + now);
                        }
                    }
                }
            }
        }
        assertThat(comparisons).as("pairs compared").isGreaterThan(ALL.size());
        assertThat(failures).as(first50(failures)).isEmpty();
    }

    @Test
    void escalationIsRequiredExactlyWhenTheClassificationIsHigh() {
        for (Answers a : ALL) {
            Decision d = decisions.get(a);
            assertThat(d.escalation().required()).as(a.toString()).isEqualTo(d.classification() == Classification.HIGH);
        }
    }

    @Test
    void everyDecisionAgreesWithAnIndependentReadingOfTheGuideline() {
        List<String> failures = new ArrayList<>();
        Map<Classification, Integer> seen = new LinkedHashMap<>();
        for (Answers a : ALL) {
            Decision d = decisions.get(a);
            Classification expected = Oracle.classify(a);
            seen.merge(expected, 1, Integer::sum);
            if (d.classification() != expected) {
                failures.add(a + ": classification " + d.classification() + ", oracle " + expected);
            }
            if (d.escalation().required() != Oracle.escalate(expected)) {
                failures.add(a + ": escalation " + d.escalation().required());
            }
            for (AxisResult axis : d.axes()) {
                if (axis.level() != Oracle.LEVELS.get(axis.axis()).get(a.axes().get(axis.axis()))) {
                    failures.add(a + ": axis " + axis.axis() + " " + axis.level());
                }
            }
            Map<String, ItemStatus> items = Oracle.items(expected, a.form(), a.vendorTrainsModel());
            Map<String, ItemStatus> actual = new LinkedHashMap<>();
            d.items().forEach(i -> actual.put(i.id(), i.status()));
            if (!actual.equals(items)) {
                failures.add(a + ": items differ at " + items.keySet().stream()
                        .filter(id -> items.get(id) != actual.get(id))
                        .map(id -> id + " " + actual.get(id) + " (oracle " + items.get(id) + ")")
                        .collect(Collectors.joining(", ")));
            }
            Map<String, String> duties = new LinkedHashMap<>();
            d.obligations().forEach(o -> duties.put(o.id(), o.status() + " by " + o.reason().ruleId()));
            if (!duties.equals(Oracle.duties(expected))) {
                failures.add(a + ": duties " + duties);
            }
        }
        assertThat(failures).as(first50(failures)).isEmpty();
        assertThat(seen.keySet()).as("the space reaches every level").containsExactlyInAnyOrder(Classification.LOW,
                Classification.MEDIUM, Classification.HIGH);
    }

    @Test
    void anOutOfScopeProjectIsNeitherClassifiedNorEscalatedAndNoItemOrDutyApplies() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<SharedEngine.OutOfScope, Decision> e : SharedEngine.outOfScope().entrySet()) {
            SharedEngine.OutOfScope o = e.getKey();
            Decision d = e.getValue();
            String at = o + ": ";
            // Scope rules are tried in definition order; the first that holds is named.
            String scopeRule = !o.textGeneration() ? "SCOPE-NOT-TEXT-GENERATION" : "SCOPE-SPECIFIED-SECRETS";
            if (d.classification() != Classification.OUT_OF_SCOPE) {
                failures.add(at + d.classification());
            }
            if (d.escalation().required()) {
                failures.add(at + "escalated");
            }
            if (!d.axes().isEmpty()) {
                failures.add(at + "axes " + d.axes());
            }
            if (!d.classificationReason().ruleId().equals(scopeRule)) {
                failures.add(at + "decided by " + d.classificationReason().ruleId());
            }
            if (d.items().size() != Oracle.ITEMS.size()
                    || d.items().stream().anyMatch(i -> i.status() != ItemStatus.NOT_APPLICABLE
                    || !i.reason().ruleId().equals(scopeRule))) {
                failures.add(at + "items " + d.items().stream().map(i -> i.id() + "=" + i.status()).toList());
            }
            if (d.obligations().size() != Oracle.DUTIES.size()
                    || d.obligations().stream().anyMatch(duty -> duty.status() != ItemStatus.NOT_APPLICABLE
                    || !duty.reason().ruleId().equals(scopeRule))) {
                failures.add(at + "duties " + d.obligations().stream().map(duty -> duty.id() + "=" + duty.status()).toList());
            }
        }
        assertThat(SharedEngine.outOfScope()).hasSize(ALL.size() * 3);
        assertThat(failures).as(first50(failures)).isEmpty();
    }

    private static List<String> itemIds(Decision d) {
        return d.items().stream().map(ItemResult::id).toList();
    }

    private static List<String> rules(Decision d) {
        return d.trace().stream().map(e -> e.rule()).toList();
    }

    private static String summary(Decision d) {
        return d.classification() + "/" + d.escalation().required() + "/"
                + d.items().stream().map(i -> i.status().name().substring(0, 1)).collect(Collectors.joining());
    }

    private static String first50(List<String> failures) {
        return failures.size() + " violations, first ones:\n" + String.join("\n", failures.subList(0, Math.min(50, failures.size())));
    }

    /**
     * GUIDELINE.md sections 3 and 4, the project's v1.0 defaults, written out in plain Java from the text alone
     * (not from the YAML and not from the engine).
     */
    static final class Oracle {
        /** Section 3, the levels table. */
        static final Map<String, Map<String, RiskLevel>> LEVELS = Map.of(
                "users", ordered("STAFF_SPECIFIC", RiskLevel.LOW, "STAFF_GENERAL", RiskLevel.MEDIUM,
                        "EXTERNAL_CONTRACTED", RiskLevel.MEDIUM, "PUBLIC", RiskLevel.HIGH),
                "work", ordered("INTERNAL_SUPPORT", RiskLevel.LOW, "INFORMATION_PROVISION", RiskLevel.MEDIUM,
                        "POLICY_ANALYSIS", RiskLevel.MEDIUM, "RIGHTS_AFFECTING", RiskLevel.HIGH,
                        "LIFE_SAFETY", RiskLevel.HIGH),
                "data", ordered("PUBLIC_ONLY", RiskLevel.LOW, "INTERNAL_NON_CONFIDENTIAL", RiskLevel.LOW,
                        "SENSITIVE_IN_PROMPTS", RiskLevel.MEDIUM, "SENSITIVE_LEARNED", RiskLevel.HIGH),
                "judgement", ordered("EVERY_OUTPUT", RiskLevel.LOW, "SAMPLED", RiskLevel.MEDIUM, "NONE", RiskLevel.HIGH));

        /**
         * Section 4: the 21 procurement items, then section 5: the three contract items, then section 2: what
         * version 1.0 was reported to ask the planner to prepare for the board (purpose, risk mitigation,
         * quality assurance including during operation).
         */
        private static final List<String> BOARD = List.of("BOARD-OBJECTIVES", "BOARD-MITIGATION", "BOARD-QA-PLAN");
        static final List<String> ITEMS = items();

        private static List<String> items() {
            List<String> ids = new ArrayList<>();
            for (int n = 1; n <= 21; n++) {
                ids.add(String.format("PROC-%02d", n));
            }
            ids.addAll(List.of("CONT-INPUT", "CONT-OUTPUT", "CONT-INCIDENT"));
            ids.addAll(BOARD);
            return List.copyOf(ids);
        }

        private static final Set<Integer> REQUIRED_AT_LOW = Set.of(1, 4, 6, 15, 16, 17);
        private static final Set<Integer> RECOMMENDED_AT_MEDIUM = Set.of(3, 10, 11);

        private Oracle() {
        }

        /** v1.0: HIGH when work and judgement are both HIGH, or two or more axes are HIGH; MEDIUM when one is. */
        static Classification classify(Answers a) {
            Map<String, RiskLevel> level = new LinkedHashMap<>();
            a.axes().forEach((axis, option) -> level.put(axis, LEVELS.get(axis).get(option)));
            long high = level.values().stream().filter(l -> l == RiskLevel.HIGH).count();
            if (level.get("work") == RiskLevel.HIGH && level.get("judgement") == RiskLevel.HIGH || high >= 2) {
                return Classification.HIGH;
            }
            return high == 1 ? Classification.MEDIUM : Classification.LOW;
        }

        static boolean escalate(Classification c) {
            return c == Classification.HIGH;
        }

        /** Section 2's further duties the seed names: the ministry's list reported, applicability with the desk, ... */
        static final List<String> DUTIES = List.of("DUTY-APPLICABILITY-WITH-DESK", "DUTY-SUPPLY-CHAIN-RISK",
                "DUTY-PERIODIC-VERIFICATION", "DUTY-USE-LIST-REPORT", "DUTY-RISK-CASE-REPORT", "DUTY-RISK-CASE-RESPONSE",
                "DUTY-RECURRENCE-PREVENTION");

        /** The guideline states them without regard to level or form: the default reading applies each in scope. */
        static Map<String, String> duties(Classification c) {
            Map<String, String> out = new LinkedHashMap<>();
            DUTIES.forEach(id -> out.put(id, c == Classification.OUT_OF_SCOPE ? "NOT_APPLICABLE" : "REQUIRED by OBL-IN-SCOPE"));
            return out;
        }

        /**
         * Section 4's level defaults, then its two overrides (at every level); section 5: contract items always;
         * the board report's contents exactly when escalated (HIGH).
         */
        static Map<String, ItemStatus> items(Classification c, ProcurementForm form, boolean vendorTrains) {
            Map<String, ItemStatus> out = new LinkedHashMap<>();
            for (int n = 1; n <= 21; n++) {
                ItemStatus s = switch (c) {
                    case HIGH -> ItemStatus.REQUIRED;
                    case MEDIUM -> RECOMMENDED_AT_MEDIUM.contains(n) ? ItemStatus.RECOMMENDED : ItemStatus.REQUIRED;
                    case LOW -> REQUIRED_AT_LOW.contains(n) ? ItemStatus.REQUIRED : ItemStatus.RECOMMENDED;
                    case OUT_OF_SCOPE -> ItemStatus.NOT_APPLICABLE;
                };
                if (n == 20 && !vendorTrains) {
                    s = ItemStatus.NOT_APPLICABLE;
                }
                if ((n == 8 || n == 9) && form == ProcurementForm.SAAS_API) {
                    s = ItemStatus.REQUIRED;
                }
                out.put(String.format("PROC-%02d", n), s);
            }
            for (String contract : List.of("CONT-INPUT", "CONT-OUTPUT", "CONT-INCIDENT")) {
                out.put(contract, ItemStatus.REQUIRED);
            }
            for (String board : BOARD) {
                out.put(board, c == Classification.HIGH ? ItemStatus.REQUIRED : ItemStatus.NOT_APPLICABLE);
            }
            return out;
        }

        private static Map<String, RiskLevel> ordered(Object... pairs) {
            Map<String, RiskLevel> m = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                m.put((String) pairs[i], (RiskLevel) pairs[i + 1]);
            }
            return m;
        }
    }
}
