package io.github.aigov.governance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The floor is only a floor if it decides the same: over the whole answer space, the reference
 * evaluator and the engine agree on the classification and its rule, the escalation and its rule,
 * and every item's status and deciding rule; and both fire the same rules.
 *
 * <p>In scope: every combination of axis options (4 x 5 x 4 x 3) with every procurement form and
 * both answers of vendorTrainsModel, 1,440 profiles per version. Out of scope: the three other
 * (textGeneration, specifiedSecrets) pairs, again with every form and vendorTrainsModel, and axis
 * answers that use every option at least once; not the whole axis product, because scope rules
 * cannot read the axes (the loader refuses an axis condition in a scope rule), and the test must
 * stay within seconds.
 */
class ReferenceAgreementTest {

    private static final boolean[] IN_SCOPE = {true, false};
    /** The (textGeneration, specifiedSecrets) pairs that are out of scope. */
    private static final boolean[][] OUT_OF_SCOPE = {{false, false}, {false, true}, {true, true}};

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void referenceAndEngineAgreeOnTheWholeAnswerSpace(String version) {
        GovernanceEngine engine = Governance.builder().guidelineVersion(version).build();
        ReferenceEvaluator reference = ReferenceEvaluator.shipped(version);
        ReferenceDecider decider = ReferenceDecider.shipped(version);
        List<List<String>> options = engine.catalog().axes().stream()
                .map(a -> a.options().stream().map(DefinitionCatalog.Option::id).toList()).toList();
        List<String> axes = engine.catalog().axes().stream().map(DefinitionCatalog.Axis::id).toList();
        assertThat(axes).containsExactly("users", "work", "data", "judgement");
        assertThat(options).extracting(List::size).containsExactly(4, 5, 4, 3);

        List<Map<String, String>> answers = new ArrayList<>();
        combine(axes, options, 0, new LinkedHashMap<>(), answers);
        assertThat(answers).hasSize(4 * 5 * 4 * 3);

        List<Map<String, String>> covering = covering(axes, options);
        int assessed = 0;
        for (ProcurementForm form : ProcurementForm.values()) {
            for (boolean trains : new boolean[] {false, true}) {
                for (Map<String, String> a : answers) {
                    assessed += check(engine, reference, decider, version, IN_SCOPE, form, trains, a);
                }
                for (boolean[] scope : OUT_OF_SCOPE) {
                    for (Map<String, String> a : covering) {
                        assessed += check(engine, reference, decider, version, scope, form, trains, a);
                    }
                }
            }
        }
        assertThat(assessed).isEqualTo(3 * 2 * (240 + 3 * 5));
    }

    private static int check(GovernanceEngine engine, ReferenceEvaluator reference, ReferenceDecider decider, String version,
                             boolean[] scope,
                             ProcurementForm form, boolean trains, Map<String, String> axes) {
        ProjectProfile p = new ProjectProfile("agreement", "Agreement", "Bench", "",
                new ProjectProfile.Scope(scope[0], scope[1]), new ProjectProfile.Model("m", "v"),
                new ProjectProfile.Procurement(form, trains), axes);
        String what = version + " " + scope[0] + "/" + scope[1] + " " + form + " trains=" + trains + " " + axes;
        Decision d = engine.assess(p);
        agree(d, reference.evaluate(p), what);
        sameDecision(d, decider.decide(p), what);
        return 1;
    }

    /** As many answer rows as the longest axis has options; row k answers each axis with its option k (mod size). */
    private static List<Map<String, String>> covering(List<String> axes, List<List<String>> options) {
        int rows = options.stream().mapToInt(List::size).max().orElse(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                row.put(axes.get(a), options.get(a).get(k % options.get(a).size()));
            }
            out.add(row);
        }
        return out;
    }

    private static void agree(Decision d, ReferenceEvaluator.Outcome r, String what) {
        assertThat(d.classification()).as(what).isEqualTo(r.classification());
        assertThat(d.classificationReason().ruleId()).as(what).isEqualTo(r.classificationRule());
        assertThat(d.escalation().required()).as(what).isEqualTo(r.escalationRequired());
        assertThat(d.escalation().reasons().get(0).ruleId()).as(what).isEqualTo(r.escalationRule());
        // The evaluator's outcomes are the items, then the obligations (the ministry's duties), in definition order.
        List<String> decided = new java.util.ArrayList<>();
        d.items().forEach(i -> decided.add(i.id() + "=" + i.status() + " by " + i.reason().ruleId()));
        d.obligations().forEach(o -> decided.add(o.id() + "=" + o.status() + " by " + o.reason().ruleId()));
        assertThat(decided).as(what)
                .isEqualTo(r.items().stream().map(i -> i.itemId() + "=" + i.status() + " by " + i.ruleId()).toList());
        List<String> sheets = new java.util.ArrayList<>(d.items().stream().map(ItemResult::sheet).toList());
        d.obligations().forEach(o -> sheets.add(o.sheet()));
        assertThat(sheets).as(what).isEqualTo(r.items().stream().map(ReferenceEvaluator.ItemOutcome::checklist).toList());
        assertThat(d.obligations()).as(what).isNotEmpty();

        // Both fire the same rules with the same outcomes in the same order: rule by rule as the
        // definitions list them, and within one rule's run of item decisions, in item order.
        assertThat(d.trace().stream().map(t -> t.rule() + " " + t.outcome()).toList())
                .as(what + " trace")
                .isEqualTo(r.trace().stream().map(s -> s.rule() + " " + s.outcome()).toList());
        assertThat(d.trace()).extracting(TraceEvent::phase).as(what)
                .isEqualTo(r.trace().stream().map(ReferenceEvaluator.Step::phase).toList());
    }

    /**
     * The reference decider's decision is the engine's, field by field, but for the id, the time and
     * the facts each trace event lists (each says them in its own way); trace events compared as
     * in the same order, with their sources.
     */
    private static void sameDecision(Decision d, Decision r, String what) {
        assertThat(r.decisionId()).as(what).isNotEqualTo(d.decisionId());
        assertThat(new Decision(r.schemaVersion(), d.decisionId(), d.decidedAt(), r.definitions(), r.profileHash(), r.profile(),
                r.classification(), r.classificationReason(), r.axes(), r.escalation(), r.items(), r.obligations(), d.trace()))
                .as(what).isEqualTo(d);
        assertThat(r.trace().stream().map(t -> t.rule() + " " + t.outcome() + " " + t.phase() + " " + t.definitionId() + " "
                + t.source()).toList())
                .as(what + " trace")
                .isEqualTo(d.trace().stream().map(t -> t.rule() + " " + t.outcome() + " " + t.phase() + " " + t.definitionId()
                        + " " + t.source()).toList());
        assertThat(r.trace()).extracting(TraceEvent::sequence).as(what)
                .isEqualTo(d.trace().stream().map(TraceEvent::sequence).toList());
        assertThat(r.trace()).allSatisfy(t -> assertThat(t.facts()).as(what + " " + t.rule()).isNotEmpty());
    }

    private static void combine(List<String> axes, List<List<String>> options, int axis, Map<String, String> partial,
                                List<Map<String, String>> out) {
        if (axis == axes.size()) {
            out.add(Map.copyOf(partial));
            return;
        }
        for (String o : options.get(axis)) {
            partial.put(axes.get(axis), o);
            combine(axes, options, axis + 1, partial, out);
        }
        partial.remove(axes.get(axis));
    }
}
