package io.github.aigov.governance.bench;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.RuleSets;
import io.github.aigov.governance.rules.model.Condition;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.model.Rules.CombinationRule;
import io.github.aigov.governance.rules.model.Rules.EscalationRule;
import io.github.aigov.governance.rules.model.Rules.ScopeRule;
import io.github.aigov.governance.rules.model.Sheets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plain-Java evaluator of the same YAML definitions the engine compiles, written only to measure
 * the engine against: the floor. It reads the engine's public parse model ({@link RuleSets#loadShipped} to
 * {@link Definitions}, the records of {@code rules.model}) and nothing else of the engine's and evaluates its records directly, with the semantics of
 * {@code docs/definition-format.md}:
 *
 * <ol>
 *   <li>scope: any scope rule that holds (the first, in order) puts the project out of scope, and
 *       every item is {@code NOT_APPLICABLE} by that rule;</li>
 *   <li>levels: each axis gets the level of the option answered;</li>
 *   <li>combination: the first rule that holds decides the classification;</li>
 *   <li>escalation: the first rule that holds decides escalation;</li>
 *   <li>applicability: for each item, the first rule (in checklist order) naming it that holds
 *       decides its status; the obligation sheets' rules (the ministry's duties) come after the
 *       checklists' and decide their obligations alike, in a phase named {@code obligation}.</li>
 * </ol>
 *
 * <p>Everything that does not depend on the profile is computed once, when the evaluator is built:
 * conditions become small predicate trees over array-indexed axes, each item knows its candidate
 * rules, and trace steps and item outcomes are shared immutable values. An evaluation allocates the
 * outcome, its two lists and a small scratch record; each condition is evaluated at most once.
 *
 * <p>What it does not do, on purpose, and the engine does: Jakarta Validation of the profile's fields,
 * the profile's SHA-256 hash, a decision id and time, source references and messages for every
 * reason, and rendering the matched facts of each trace event as text. It only checks that every axis
 * is answered with a known option (it cannot evaluate otherwise). The benchmarks report both, so the
 * ratio says what the engine's extra work costs.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ReferenceEvaluator {

    /** One rule firing: the same name, phase, definition id and outcome text as the engine's trace event. */
    public record Step(String rule, String phase, String definitionId, String outcome) {
    }

    /** An item's (or an obligation's) status and the rule that decided it. */
    public record ItemOutcome(String itemId, String checklist, ItemStatus status, String ruleId) {
    }

    /**
     * The outcome of one evaluation.
     *
     * @param classificationRule the scope rule (out of scope) or combination rule that decided
     * @param escalationRule     the escalation rule that decided, or the scope rule when out of scope
     *                           (as the engine's first escalation reason)
     * @param items              every item, then every obligation, in definition order (sheets, groups, items)
     * @param trace              every rule firing, in the order this evaluator fired them
     */
    public record Outcome(Classification classification, String classificationRule, boolean escalationRequired,
                          String escalationRule, List<ItemOutcome> items, List<Step> trace) {
    }

    /** The profile's answers, as the predicates read them. */
    private static final class Facts {
        final boolean textGeneration;
        final boolean specifiedSecrets;
        final boolean vendorTrainsModel;
        final ProcurementForm form;
        final String[] options;
        final RiskLevel[] levels;
        RiskLevel classification;

        Facts(ProjectProfile p, int axes) {
            this.textGeneration = p.scope().textGeneration();
            this.specifiedSecrets = p.scope().specifiedSecrets();
            this.vendorTrainsModel = p.procurement().vendorTrainsModel();
            this.form = p.procurement().form();
            this.options = new String[axes];
            this.levels = new RiskLevel[axes];
        }
    }

    @FunctionalInterface
    private interface Predicate {
        boolean test(Facts f);
    }

    private record Level(RiskLevel level, Step step) {
    }

    private record Scope(Predicate when, Step step, ItemOutcome[] itemOutcomes, Step[] itemSteps) {
    }

    private record Combination(Predicate when, RiskLevel result, Step step) {
    }

    private record Escalation(Predicate when, boolean required, Step step) {
    }

    private record Applicability(Predicate when) {
    }

    /** An item, its candidate rules in order, and for each candidate the outcome and step it would give. */
    private record Item(String id, int[] rules, ItemOutcome[] outcomes, Step[] steps) {
    }

    private final String[] axisIds;
    private final List<Map<String, Level>> optionsByAxis;
    private final Map<String, Integer> axisIndex;
    private final Scope[] scope;
    private final Combination[] combination;
    private final Escalation[] escalation;
    private final Applicability[] applicability;
    private final Item[] items;

    /** The evaluator of a shipped DS-920 version, read with the engine's loader. */
    public static ReferenceEvaluator shipped(String version) {
        return new ReferenceEvaluator(RuleSets.loadShipped(version));
    }

    public ReferenceEvaluator(Definitions defs) {
        Sheets.RiskSheet risk = defs.risk();
        List<Sheets.Axis> axes = risk.axes();
        axisIds = new String[axes.size()];
        axisIndex = new HashMap<>();
        optionsByAxis = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            Sheets.Axis a = axes.get(i);
            axisIds[i] = a.meta().id();
            axisIndex.put(a.meta().id(), i);
            Map<String, Level> options = new HashMap<>();
            for (Sheets.Option o : a.options()) {
                options.put(o.meta().id(), new Level(o.level(),
                        new Step("level:" + o.key(), "level", o.key(), a.meta().id() + "=" + o.level())));
            }
            optionsByAxis.add(options);
        }

        // The loader puts the checklists first and the obligation sheets after them: items, then obligations.
        List<Sheets.Item> allItems = new ArrayList<>();
        List<String> itemChecklist = new ArrayList<>();
        for (Sheets.Checklist c : defs.checklists()) {
            for (Sheets.Item i : c.items()) {
                allItems.add(i);
                itemChecklist.add(c.meta().id());
            }
        }

        scope = new Scope[risk.scope().size()];
        for (int s = 0; s < scope.length; s++) {
            ScopeRule r = risk.scope().get(s);
            String id = r.meta().id();
            ItemOutcome[] outcomes = new ItemOutcome[allItems.size()];
            Step[] steps = new Step[allItems.size()];
            for (int i = 0; i < outcomes.length; i++) {
                String item = allItems.get(i).meta().id();
                outcomes[i] = new ItemOutcome(item, itemChecklist.get(i), ItemStatus.NOT_APPLICABLE, id);
                steps[i] = new Step("scope-items:" + id, "scope-items", id, item + "=" + ItemStatus.NOT_APPLICABLE);
            }
            scope[s] = new Scope(predicate(r.when()), new Step("scope:" + id, "scope", id, "outOfScope"), outcomes, steps);
        }

        combination = new Combination[risk.combination().size()];
        for (int c = 0; c < combination.length; c++) {
            CombinationRule r = risk.combination().get(c);
            combination[c] = new Combination(predicate(r.when()), r.result(), new Step("combination:" + r.meta().id(),
                    "combination", r.meta().id(), "classification=" + r.result()));
        }

        escalation = new Escalation[risk.escalation().size()];
        for (int e = 0; e < escalation.length; e++) {
            EscalationRule r = risk.escalation().get(e);
            escalation[e] = new Escalation(predicate(r.when()), r.required(), new Step("escalation:" + r.meta().id(),
                    "escalation", r.meta().id(), "escalation.required=" + r.required()));
        }

        // Applicability rules are numbered across checklists, in order: the engine's salience order too.
        List<Applicability> rules = new ArrayList<>();
        Map<String, List<Integer>> candidates = new LinkedHashMap<>();
        Map<Integer, ApplicabilityRule> ruleDefs = new HashMap<>();
        Map<Integer, String> rulePhase = new HashMap<>();
        for (Sheets.Checklist c : defs.checklists()) {
            String phase = c.obligations() ? "obligation" : "applicability";
            for (ApplicabilityRule r : c.applicability()) {
                Set<String> named = c.itemsOf(r);
                if (named.isEmpty()) {
                    continue;
                }
                int index = rules.size();
                rules.add(new Applicability(predicate(r.when())));
                ruleDefs.put(index, r);
                rulePhase.put(index, phase);
                for (String item : named) {
                    candidates.computeIfAbsent(item, k -> new ArrayList<>()).add(index);
                }
            }
        }
        applicability = rules.toArray(Applicability[]::new);
        items = new Item[allItems.size()];
        for (int i = 0; i < items.length; i++) {
            String id = allItems.get(i).meta().id();
            List<Integer> cands = candidates.getOrDefault(id, List.of());
            int[] order = cands.stream().mapToInt(Integer::intValue).toArray();
            ItemOutcome[] outcomes = new ItemOutcome[order.length];
            Step[] steps = new Step[order.length];
            for (int k = 0; k < order.length; k++) {
                ApplicabilityRule r = ruleDefs.get(order[k]);
                outcomes[k] = new ItemOutcome(id, itemChecklist.get(i), r.status(), r.meta().id());
                String phase = rulePhase.get(order[k]);
                steps[k] = new Step(phase + ":" + r.meta().id(), phase, r.meta().id(), id + "=" + r.status());
            }
            items[i] = new Item(id, order, outcomes, steps);
        }
    }

    /**
     * Evaluates a profile.
     *
     * @throws IllegalArgumentException if an axis is unanswered or answered with an unknown option
     */
    public Outcome evaluate(ProjectProfile profile) {
        Facts f = new Facts(profile, axisIds.length);
        List<Step> trace = new ArrayList<>(items.length + axisIds.length + 3);

        for (Scope s : scope) {
            if (s.when.test(f)) {
                trace.add(s.step);
                trace.addAll(Arrays.asList(s.itemSteps));
                return new Outcome(Classification.OUT_OF_SCOPE, s.step.definitionId(), false, s.step.definitionId(),
                        Arrays.asList(s.itemOutcomes), trace);
            }
        }

        Map<String, String> answers = profile.axes();
        for (int a = 0; a < axisIds.length; a++) {
            String option = answers.get(axisIds[a]);
            Level level = option == null ? null : optionsByAxis.get(a).get(option);
            if (level == null) {
                throw new IllegalArgumentException("axis " + axisIds[a] + ": no known option answered: " + option);
            }
            f.options[a] = option;
            f.levels[a] = level.level;
            trace.add(level.step);
        }

        Combination decided = null;
        for (Combination c : combination) {
            if (c.when.test(f)) {
                decided = c;
                break;
            }
        }
        if (decided == null) {
            throw new IllegalStateException("no combination rule holds");
        }
        f.classification = decided.result;
        trace.add(decided.step);

        Escalation esc = null;
        for (Escalation e : escalation) {
            if (e.when.test(f)) {
                esc = e;
                break;
            }
        }
        if (esc == null) {
            throw new IllegalStateException("no escalation rule holds");
        }
        trace.add(esc.step);

        // Each rule's condition at most once: 0 not yet evaluated, 1 holds, 2 does not.
        byte[] holds = new byte[applicability.length];
        int[] decidedBy = new int[items.length];
        ItemOutcome[] outcomes = new ItemOutcome[items.length];
        for (int i = 0; i < items.length; i++) {
            Item item = items[i];
            int k = 0;
            for (; k < item.rules.length; k++) {
                int r = item.rules[k];
                if (holds[r] == 0) {
                    holds[r] = applicability[r].when.test(f) ? (byte) 1 : (byte) 2;
                }
                if (holds[r] == 1) {
                    break;
                }
            }
            if (k == item.rules.length) {
                throw new IllegalStateException("no applicability rule decides " + item.id);
            }
            decidedBy[i] = k;
            outcomes[i] = item.outcomes[k];
        }
        // The trace fires rule by rule, as the engine's salience does; within a rule, in item order.
        for (int r = 0; r < applicability.length; r++) {
            if (holds[r] != 1) {
                continue;
            }
            for (int i = 0; i < items.length; i++) {
                if (items[i].rules[decidedBy[i]] == r) {
                    trace.add(items[i].steps[decidedBy[i]]);
                }
            }
        }
        return new Outcome(decided.result.toClassification(), decided.step.definitionId(), esc.required,
                esc.step.definitionId(), Arrays.asList(outcomes), trace);
    }

    /** The axes, in definition order. */
    public List<String> axes() {
        return List.of(axisIds);
    }

    /** The options of an axis, in no particular order. */
    public Set<String> options(String axis) {
        Integer i = axisIndex.get(axis);
        return i == null ? Set.of() : Set.copyOf(optionsByAxis.get(i).keySet());
    }

    private Predicate predicate(Condition c) {
        return c.accept(predicates);
    }

    /** This evaluator's own copy of the conditions' semantics (docs/definition-format.md), as predicates. */
    private final Condition.Visitor<Predicate> predicates = new Condition.Visitor<>() {
        @Override
        public Predicate always(Condition.Always c) {
            return f -> true;
        }

        @Override
        public Predicate not(Condition.Not n) {
            Predicate inner = predicate(n.condition());
            return f -> !inner.test(f);
        }

        @Override
        public Predicate all(Condition.All a) {
            Predicate[] parts = a.conditions().stream().map(ReferenceEvaluator.this::predicate).toArray(Predicate[]::new);
            return f -> {
                for (Predicate p : parts) {
                    if (!p.test(f)) {
                        return false;
                    }
                }
                return true;
            };
        }

        @Override
        public Predicate any(Condition.Any a) {
            Predicate[] parts = a.conditions().stream().map(ReferenceEvaluator.this::predicate).toArray(Predicate[]::new);
            return f -> {
                for (Predicate p : parts) {
                    if (p.test(f)) {
                        return true;
                    }
                }
                return false;
            };
        }

        @Override
        public Predicate axisLevelIs(Condition.AxisLevelIs a) {
            int axis = axis(a.axis());
            RiskLevel level = a.level();
            return f -> f.levels[axis] == level;
        }

        @Override
        public Predicate axisAtLeast(Condition.AxisAtLeast a) {
            int axis = axis(a.axis());
            RiskLevel level = a.level();
            return f -> f.levels[axis].isAtLeast(level);
        }

        @Override
        public Predicate axisOption(Condition.AxisOption a) {
            int axis = axis(a.axis());
            String option = a.option();
            return f -> option.equals(f.options[axis]);
        }

        @Override
        public Predicate countAxes(Condition.CountAxes a) {
            RiskLevel level = a.level();
            int atLeast = a.atLeast();
            return f -> {
                int n = 0;
                for (RiskLevel l : f.levels) {
                    if (l == level) {
                        n++;
                    }
                }
                return n >= atLeast;
            };
        }

        @Override
        public Predicate classificationIs(Condition.ClassificationIs a) {
            RiskLevel level = a.level();
            return f -> f.classification == level;
        }

        @Override
        public Predicate classificationAtLeast(Condition.ClassificationAtLeast a) {
            RiskLevel level = a.level();
            return f -> f.classification != null && f.classification.isAtLeast(level);
        }

        @Override
        public Predicate formIs(Condition.FormIs a) {
            ProcurementForm form = a.form();
            return f -> f.form == form;
        }

        @Override
        public Predicate flagIs(Condition.FlagIs a) {
            return switch (a.flag()) {
                case textGeneration -> f -> f.textGeneration;
                case specifiedSecrets -> f -> f.specifiedSecrets;
                case vendorTrainsModel -> f -> f.vendorTrainsModel;
            };
        }
    };

    private int axis(String id) {
        Integer i = axisIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown axis " + id);
        }
        return i;
    }
}
