package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.TraceEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The properties that must hold for every input, checked exhaustively (every answer × form ×
 * training flag) for every shipped version and for the example ministry overlay: the same profile
 * gives the same decision; raising an axis never lowers the classification, never drops
 * escalation and never turns a REQUIRED item or duty (obligation) into anything less; escalation
 * is required exactly for HIGH; every reason names a rule that fired; in scope, every duty is decided.
 */
class EverySetPropertiesTest {

    static Stream<Arguments> sets() {
        return EverySet.SETS.stream().map(s -> Arguments.of(s.name(), s.engine().get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void propertiesHoldOverTheWholeAnswerSpace(String name, GovernanceEngine engine) {
        List<DefinitionCatalog.Axis> axes = engine.catalog().axes();
        Map<Map<String, String>, Decision> decided = new HashMap<>();
        int checked = 0;
        for (ProcurementForm form : ProcurementForm.values()) {
            for (boolean trains : new boolean[] {false, true}) {
                decided.clear();
                for (Map<String, String> answers : answers(axes)) {
                    Decision d = engine.assess(profile(answers, form, trains));
                    decided.put(answers, d);
                    Decision again = engine.assess(profile(answers, form, trains));
                    assertThat(outcome(again)).as("%s %s deterministic", name, answers).isEqualTo(outcome(d));
                    assertThat(d.escalation().required()).as("%s %s", name, answers)
                            .isEqualTo(d.classification() == Classification.HIGH);
                    List<String> fired = d.trace().stream().map(TraceEvent::definitionId).toList();
                    assertThat(fired).contains(d.classificationReason().ruleId(), d.escalation().reasons().get(0).ruleId());
                    d.items(ItemStatus.REQUIRED).forEach(i -> assertThat(fired).contains(i.reason().ruleId()));
                    d.obligations(ItemStatus.REQUIRED).forEach(o -> assertThat(fired).contains(o.reason().ruleId()));
                    assertThat(d.obligations()).as("%s %s: every duty decided", name, answers)
                            .hasSize(engine.catalog().obligations().size());
                }
                for (Map.Entry<Map<String, String>, Decision> e : decided.entrySet()) {
                    for (DefinitionCatalog.Axis axis : axes) {
                        DefinitionCatalog.Option current = option(axis, e.getKey().get(axis.id()));
                        for (DefinitionCatalog.Option higher : axis.options()) {
                            if (higher.level().compareTo(current.level()) <= 0) {
                                continue;
                            }
                            Map<String, String> raised = new LinkedHashMap<>(e.getKey());
                            raised.put(axis.id(), higher.id());
                            Decision low = e.getValue();
                            Decision high = decided.get(raised);
                            String what = name + " " + e.getKey() + " raising " + axis.id() + " to " + higher.id();
                            assertThat(high.classification()).as(what).isGreaterThanOrEqualTo(low.classification());
                            assertThat(!low.escalation().required() || high.escalation().required()).as(what).isTrue();
                            for (ItemResult item : low.items(ItemStatus.REQUIRED)) {
                                assertThat(high.item(item.id()).orElseThrow().status()).as(what + " " + item.id())
                                        .isEqualTo(ItemStatus.REQUIRED);
                            }
                            for (ObligationResult duty : low.obligations(ItemStatus.REQUIRED)) {
                                assertThat(high.obligation(duty.id()).orElseThrow().status()).as(what + " " + duty.id())
                                        .isEqualTo(ItemStatus.REQUIRED);
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).as("raises checked, so the property is not vacuous").isGreaterThan(5_000);
    }

    private static DefinitionCatalog.Option option(DefinitionCatalog.Axis axis, String id) {
        return axis.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Map<String, String>> answers(List<DefinitionCatalog.Axis> axes) {
        return EverySet.answers(axes);
    }

    private static ProjectProfile profile(Map<String, String> answers, ProcurementForm form, boolean trains) {
        return EverySet.profile(answers, form, trains);
    }

    /** A decision without its id and time. */
    private static List<Object> outcome(Decision d) {
        return List.of(d.classification(), d.classificationReason(), d.axes(), d.escalation(), d.items(), d.obligations(),
                d.trace());
    }
}
