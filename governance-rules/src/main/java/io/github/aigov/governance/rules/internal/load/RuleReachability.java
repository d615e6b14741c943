package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.model.Condition;
import io.github.aigov.governance.rules.model.ConditionText;
import io.github.aigov.governance.rules.model.Flag;
import io.github.aigov.governance.rules.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.model.Rules.Rule;
import io.github.aigov.governance.rules.model.Sheets.Axis;
import io.github.aigov.governance.rules.model.Sheets.Checklist;
import io.github.aigov.governance.rules.model.Sheets.Item;
import io.github.aigov.governance.rules.model.Sheets.Option;
import io.github.aigov.governance.rules.model.Sheets.RiskSheet;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Decides exactly whether each rule of a checked definition set can ever decide anything, and
 * whether every answer gets a classification, an escalation decision and a status for every item.
 *
 * <p>The answer space is finite: each axis is answered with one of its options, the procurement
 * form is one of three, and each flag is true or false. Conditions tell options apart only by
 * their level or, where an {@code option} condition names one, by their id, so options that no
 * condition tells apart are enumerated once; flags and the form are enumerated only when some
 * condition tests them. One pass evaluates each distinct leaf condition at every point with a
 * plain-Java {@link ConditionEvaluator}; conditions then become sets of points, and each first-match
 * list (scope, combination, escalation, and applicability per item) is run over the whole space at
 * once with set operations. The result is exact, not a heuristic: {@code RuleReachabilityTest}
 * checks it against what the compiled rules decide for every answer.
 *
 * <ul>
 *   <li>A rule whose condition holds at no point that reaches its list, or that holds only where an
 *       earlier rule in the same first-match list has already decided (for applicability: for each
 *       item it names), is reported as a warning ({@code GOV-0016}).</li>
 *   <li>An answer that no combination rule classifies, a classification for which no escalation rule
 *       decides, and an item that no applicability rule decides for some answer are errors
 *       ({@code GOV-0018}): such a set would fail at evaluation. Each names an example answer.</li>
 * </ul>
 *
 * <p>Sets whose space exceeds {@link #MAX_POINTS} are not enumerated; a warning says so.
 */
final class RuleReachability {
    /** The most points enumerated (each shipped set has 1,944); beyond, the analysis is skipped. */
    static final long MAX_POINTS = 1_000_000L;
    /** How many earlier rules a shadowing warning names. */
    private static final int NAMED = 3;

    private final Problems problems;

    RuleReachability(Problems problems) {
        this.problems = problems;
    }

    /** Options that no condition tells apart: one level, and either one option or none named by a condition. */
    private record OptionClass(String representative, RiskLevel level, Set<String> options) {
    }

    /** The profile facts other than the axes: procurement form and flags. */
    private record ProfilePoint(ProcurementForm form, boolean[] flags) {
    }

    /**
     * Analyses the set, adding warnings and errors to the problems.
     *
     * @return whether the space was enumerated ({@code false}: too large, a warning says so)
     */
    boolean check(RiskSheet risk, List<Checklist> checklists) {
        List<Rule> all = new ArrayList<>();
        all.addAll(risk.scope());
        all.addAll(risk.combination());
        all.addAll(risk.escalation());
        for (Checklist c : checklists) {
            all.addAll(c.applicability());
        }
        Set<String> namedOptions = new HashSet<>();
        EnumSet<Flag> testedFlags = EnumSet.noneOf(Flag.class);
        boolean[] formTested = {false};
        Map<String, Condition> leaves = new LinkedHashMap<>();
        for (Rule r : all) {
            if (r.when() == null || r.meta().id() == null) {
                return true; // a broken set: its errors are reported already
            }
            scan(r.when(), namedOptions, testedFlags, formTested, leaves);
        }
        List<Axis> axes = risk.axes();
        Map<String, Integer> axisIndex = new HashMap<>();
        List<List<OptionClass>> classes = new ArrayList<>();
        long answers = 1;
        for (int a = 0; a < axes.size(); a++) {
            axisIndex.put(axes.get(a).meta().id(), a);
            List<OptionClass> cs = classes(axes.get(a), namedOptions);
            if (cs.isEmpty()) {
                return true; // an axis without options is an error reported already
            }
            classes.add(cs);
            answers = Math.min(answers * cs.size(), MAX_POINTS + 1);
        }
        List<ProfilePoint> profiles = profiles(testedFlags, formTested[0]);
        if (answers * profiles.size() > MAX_POINTS) {
            problems.warning(ProblemCode.ANALYSIS_SKIPPED, risk.meta().location(), "problem.analysis.skipped", MAX_POINTS);
            return false;
        }
        Space space = new Space(axes, classes, profiles, (int) answers);
        space.evaluate(new ConditionEvaluator(axisIndex), leaves);

        FirstMatch scope = new FirstMatch(risk.scope(), space.all(), space);
        report(scope);
        BitSet inScope = scope.undecided;
        FirstMatch combination = new FirstMatch(risk.combination(), inScope, space);
        report(combination);
        if (!combination.undecided.isEmpty()) {
            problems.errorWithHint(ProblemCode.ITEM_NOT_COVERED, last(risk.combination(), risk, "combination"),
                    Message.of("hint.coverage"), "problem.coverage.classification",
                    space.example(combination.undecided.nextSetBit(0)));
            return true; // the later lists never see the unclassified answers: their warnings would mislead
        }
        for (int i = 0; i < risk.combination().size(); i++) {
            space.classified(risk.combination().get(i).result()).or(combination.fires.get(i));
        }
        FirstMatch escalation = new FirstMatch(risk.escalation(), inScope, space);
        report(escalation);
        for (RiskLevel level : RiskLevel.values()) {
            BitSet undecided = (BitSet) escalation.undecided.clone();
            undecided.and(space.classified(level));
            if (!undecided.isEmpty()) {
                problems.errorWithHint(ProblemCode.ITEM_NOT_COVERED, last(risk.escalation(), risk, "escalation"),
                        Message.of("hint.coverage"), "problem.coverage.escalation", level.name(),
                        space.example(undecided.nextSetBit(0)));
            }
        }
        for (Checklist c : checklists) {
            applicability(c, inScope, space);
        }
        return true;
    }

    /**
     * The finite answer space: point {@code p} is profile point {@code p / answers} with answer
     * {@code p % answers}, the answer's digits being each axis's option class, last axis fastest.
     * Conditions become sets of points ({@link BitSet}s), so a first-match list is decided for
     * the whole space with a few set operations per rule.
     */
    private static final class Space {
        final List<Axis> axes;
        final List<List<OptionClass>> classes;
        final List<ProfilePoint> profiles;
        final int answers;
        final int size;
        final Map<String, BitSet> leafSets = new HashMap<>();
        final Map<RiskLevel, BitSet> classification = new EnumMap<>(RiskLevel.class);

        Space(List<Axis> axes, List<List<OptionClass>> classes, List<ProfilePoint> profiles, int answers) {
            this.axes = axes;
            this.classes = classes;
            this.profiles = profiles;
            this.answers = answers;
            this.size = answers * profiles.size();
        }

        /**
         * Where each distinct leaf condition holds. A leaf tests either the profile point (a flag,
         * the form) or the answer (an axis, a count of axes), never both, so each is evaluated
         * once per profile point or once per answer and then spread over the space.
         */
        void evaluate(ConditionEvaluator eval, Map<String, Condition> leaves) {
            ConditionEvaluator.Facts facts = new ConditionEvaluator.Facts(axes.size());
            List<String> profileLeaves = new ArrayList<>();
            List<String> answerLeaves = new ArrayList<>();
            for (Map.Entry<String, Condition> e : leaves.entrySet()) {
                Condition c = e.getValue();
                boolean profileLeaf = c.accept(new Leaves(null, null, null, null)).profile;
                (profileLeaf ? profileLeaves : answerLeaves).add(e.getKey());
                leafSets.put(e.getKey(), new BitSet(size));
            }
            for (int k = 0; k < profiles.size(); k++) {
                ProfilePoint profile = profiles.get(k);
                facts.form = profile.form();
                System.arraycopy(profile.flags(), 0, facts.flags, 0, facts.flags.length);
                for (String key : profileLeaves) {
                    if (eval.holds(leaves.get(key), facts)) {
                        leafSets.get(key).set(k * answers, (k + 1) * answers);
                    }
                }
            }
            if (answerLeaves.isEmpty()) {
                return;
            }
            BitSet[] byAnswer = new BitSet[answerLeaves.size()];
            for (int j = 0; j < byAnswer.length; j++) {
                byAnswer[j] = new BitSet(answers);
            }
            int[] digits = new int[axes.size()];
            int answer = 0;
            do {
                for (int a = 0; a < digits.length; a++) {
                    OptionClass oc = classes.get(a).get(digits[a]);
                    facts.levels[a] = oc.level();
                    facts.options.set(a, oc.options());
                }
                for (int j = 0; j < byAnswer.length; j++) {
                    if (eval.holds(leaves.get(answerLeaves.get(j)), facts)) {
                        byAnswer[j].set(answer);
                    }
                }
                answer++;
            } while (next(digits, classes));
            for (int j = 0; j < byAnswer.length; j++) {
                BitSet target = leafSets.get(answerLeaves.get(j));
                for (int i = byAnswer[j].nextSetBit(0); i >= 0; i = byAnswer[j].nextSetBit(i + 1)) {
                    for (int k = 0; k < profiles.size(); k++) {
                        target.set(k * answers + i);
                    }
                }
            }
        }

        BitSet all() {
            BitSet b = new BitSet(size);
            b.set(0, size);
            return b;
        }

        BitSet classified(RiskLevel level) {
            BitSet b = classification.get(level);
            if (b == null) {
                b = new BitSet(size);
                classification.put(level, b);
            }
            return b;
        }

        /** The points where a condition holds; a new set, free to change. */
        BitSet truth(Condition c) {
            return c.accept(truth);
        }

        private final Condition.Visitor<BitSet> truth = new Condition.Visitor<>() {
            @Override
            public BitSet always(Condition.Always c) {
                return Space.this.all();
            }

            @Override
            public BitSet all(Condition.All a) {
                BitSet b = Space.this.all();
                for (Condition x : a.conditions()) {
                    b.and(truth(x));
                }
                return b;
            }

            @Override
            public BitSet any(Condition.Any a) {
                BitSet b = new BitSet(size);
                for (Condition x : a.conditions()) {
                    b.or(truth(x));
                }
                return b;
            }

            @Override
            public BitSet not(Condition.Not n) {
                BitSet b = Space.this.all();
                b.andNot(truth(n.condition()));
                return b;
            }

            @Override
            public BitSet classificationIs(Condition.ClassificationIs a) {
                return (BitSet) classified(a.level()).clone();
            }

            @Override
            public BitSet classificationAtLeast(Condition.ClassificationAtLeast a) {
                BitSet b = new BitSet(size);
                for (RiskLevel l : RiskLevel.values()) {
                    if (l.isAtLeast(a.level())) {
                        b.or(classified(l));
                    }
                }
                return b;
            }

            @Override
            public BitSet axisLevelIs(Condition.AxisLevelIs c) {
                return leaf(c);
            }

            @Override
            public BitSet axisAtLeast(Condition.AxisAtLeast c) {
                return leaf(c);
            }

            @Override
            public BitSet axisOption(Condition.AxisOption c) {
                return leaf(c);
            }

            @Override
            public BitSet countAxes(Condition.CountAxes c) {
                return leaf(c);
            }

            @Override
            public BitSet formIs(Condition.FormIs c) {
                return leaf(c);
            }

            @Override
            public BitSet flagIs(Condition.FlagIs c) {
                return leaf(c);
            }

            private BitSet leaf(Condition c) {
                return (BitSet) leafSets.get(leafKey(c)).clone();
            }
        };

        /** The answer at a point, as a profile would write it, so an author can try it. */
        String example(int point) {
            ProfilePoint p = profiles.get(point / answers);
            int answer = point % answers;
            String[] options = new String[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) {
                options[a] = classes.get(a).get(answer % classes.get(a).size()).representative();
                answer /= classes.get(a).size();
            }
            StringJoiner s = new StringJoiner(", ");
            for (int a = 0; a < axes.size(); a++) {
                s.add("axes." + axes.get(a).meta().id() + "=" + options[a]);
            }
            s.add("procurement.form=" + p.form().name());
            s.add("procurement.vendorTrainsModel=" + p.flags()[Flag.vendorTrainsModel.ordinal()]);
            s.add("scope.textGeneration=" + p.flags()[Flag.textGeneration.ordinal()]);
            s.add("scope.specifiedSecrets=" + p.flags()[Flag.specifiedSecrets.ordinal()]);
            for (Map.Entry<RiskLevel, BitSet> e : classification.entrySet()) {
                if (e.getValue().get(point)) {
                    s.add("classification=" + e.getKey().name());
                }
            }
            return s.toString();
        }
    }

    /** A first-match list run over a domain of points: where each rule holds, and where it decides. */
    private static final class FirstMatch {
        final List<? extends Rule> rules;
        final List<BitSet> holds = new ArrayList<>();
        final List<BitSet> fires = new ArrayList<>();
        final BitSet undecided;

        FirstMatch(List<? extends Rule> rules, BitSet domain, Space space) {
            this.rules = rules;
            undecided = (BitSet) domain.clone();
            for (Rule r : rules) {
                BitSet h = space.truth(r.when());
                h.and(domain);
                BitSet f = (BitSet) h.clone();
                f.and(undecided);
                undecided.andNot(h);
                holds.add(h);
                fires.add(f);
            }
        }

        /** The earlier rules that decide where rule {@code i} holds (at most a few). */
        String shadowers(int i) {
            return names(rules, fires, holds.get(i), i);
        }
    }

    private static String names(List<? extends Rule> rules, List<BitSet> fires, BitSet where, int before) {
        StringJoiner s = new StringJoiner(", ");
        int n = 0;
        for (int e = 0; e < before && n < NAMED; e++) {
            if (fires.get(e) != null && fires.get(e).intersects(where)) {
                s.add(rules.get(e).meta().id());
                n++;
            }
        }
        return s.toString();
    }

    /** A warning for each rule of a first-match list that never decides. */
    private void report(FirstMatch m) {
        for (int i = 0; i < m.rules.size(); i++) {
            Rule r = m.rules.get(i);
            if (m.holds.get(i).isEmpty()) {
                problems.warning(ProblemCode.UNREACHABLE_RULE, r.meta().location(), "problem.rule.never-holds",
                        r.meta().id());
            } else if (m.fires.get(i).isEmpty()) {
                problems.warning(ProblemCode.UNREACHABLE_RULE, r.meta().location(), "problem.rule.shadowed",
                        r.meta().id(), m.shadowers(i));
            }
        }
    }

    /** For each item, the first rule naming it that holds decides; domain: the classified points. */
    private void applicability(Checklist c, BitSet inScope, Space space) {
        List<ApplicabilityRule> rules = c.applicability();
        List<BitSet> holds = new ArrayList<>();
        List<Set<String>> named = new ArrayList<>();
        for (ApplicabilityRule r : rules) {
            BitSet h = space.truth(r.when());
            h.and(inScope);
            holds.add(h);
            named.add(DefinitionChecker.itemsOf(r, c));
        }
        boolean[] decides = new boolean[rules.size()];
        Map<Integer, Set<String>> shadowers = new HashMap<>();
        for (Item item : c.items()) {
            String id = item.meta().id();
            BitSet undecided = (BitSet) inScope.clone();
            List<BitSet> fires = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                if (!named.get(r).contains(id)) {
                    fires.add(null);
                    continue;
                }
                BitSet f = (BitSet) holds.get(r).clone();
                f.and(undecided);
                undecided.andNot(holds.get(r));
                fires.add(f);
                if (!f.isEmpty()) {
                    decides[r] = true;
                } else if (!holds.get(r).isEmpty()) {
                    String by = names(rules, fires, holds.get(r), r);
                    Set<String> s = shadowers.get(r);
                    if (s == null) {
                        s = new LinkedHashSet<>();
                        shadowers.put(r, s);
                    }
                    for (String n : by.split(", ")) {
                        if (!n.isEmpty() && s.size() < NAMED) {
                            s.add(n);
                        }
                    }
                }
            }
            if (!undecided.isEmpty()) {
                problems.errorWithHint(ProblemCode.ITEM_NOT_COVERED, Fields.located(item.meta().location(), "id"),
                        Message.of("hint.coverage"), "problem.coverage.item", id, c.meta().id(),
                        space.example(undecided.nextSetBit(0)));
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            ApplicabilityRule rule = rules.get(r);
            if (named.get(r).isEmpty()) {
                problems.warning(ProblemCode.UNREACHABLE_RULE, rule.meta().location(), "problem.applicability.no-items",
                        rule.meta().id());
            } else if (holds.get(r).isEmpty()) {
                problems.warning(ProblemCode.UNREACHABLE_RULE, rule.meta().location(), "problem.rule.never-holds",
                        rule.meta().id());
            } else if (!decides[r]) {
                problems.warning(ProblemCode.UNREACHABLE_RULE, rule.meta().location(), "problem.applicability.shadowed",
                        rule.meta().id(), String.join(", ", shadowers.getOrDefault(r, Set.of())));
            }
        }
    }

    private static List<OptionClass> classes(Axis axis, Set<String> namedOptions) {
        List<OptionClass> out = new ArrayList<>();
        Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
        for (Option o : axis.options()) {
            if (o.meta().id() == null || o.level() == null) {
                continue;
            }
            if (namedOptions.contains(key(axis.meta().id(), o.meta().id()))) {
                out.add(new OptionClass(o.meta().id(), o.level(), Set.of(o.meta().id())));
                continue;
            }
            Integer at = byLevel.get(o.level());
            if (at == null) {
                byLevel.put(o.level(), out.size());
                out.add(new OptionClass(o.meta().id(), o.level(), new HashSet<>(Set.of(o.meta().id()))));
            } else {
                out.get(at).options().add(o.meta().id());
            }
        }
        return out;
    }

    /** Flag values not tested by any condition are fixed at a typical in-scope profile's. */
    private static List<ProfilePoint> profiles(EnumSet<Flag> tested, boolean formTested) {
        List<ProcurementForm> forms = formTested ? List.of(ProcurementForm.values()) : List.of(ProcurementForm.SAAS_API);
        List<Flag> flags = List.copyOf(tested);
        List<ProfilePoint> out = new ArrayList<>();
        for (ProcurementForm form : forms) {
            for (int mask = 0; mask < 1 << flags.size(); mask++) {
                boolean[] values = new boolean[Flag.values().length];
                values[Flag.textGeneration.ordinal()] = true;
                for (int b = 0; b < flags.size(); b++) {
                    values[flags.get(b).ordinal()] = (mask & (1 << b)) != 0;
                }
                out.add(new ProfilePoint(form, values));
            }
        }
        return out;
    }

    private static boolean next(int[] odometer, List<List<OptionClass>> classes) {
        for (int a = odometer.length - 1; a >= 0; a--) {
            if (++odometer[a] < classes.get(a).size()) {
                return true;
            }
            odometer[a] = 0;
        }
        return false;
    }

    private static Location last(List<? extends Rule> rules, RiskSheet risk, String list) {
        return rules.isEmpty() ? Fields.located(risk.meta().location(), list) : rules.get(rules.size() - 1).meta().location();
    }

    private static String key(String axis, String option) {
        return axis + '\u0000' + option;
    }

    /** What the conditions test: named options, flags, the form, and each distinct leaf condition. */
    private static void scan(Condition c, Set<String> options, EnumSet<Flag> flags, boolean[] form,
                             Map<String, Condition> leaves) {
        c.accept(new Leaves(options, flags, form, leaves));
    }

    /** What a leaf tests: the profile point (a flag, the form) or the answer (an axis, a count of axes). */
    private enum Tested {
        NONE(false), PROFILE(true), ANSWER(false);

        final boolean profile;

        Tested(boolean profile) {
            this.profile = profile;
        }
    }

    /**
     * Collects what a condition tests (when given where to: {@code null} collects nothing) and says what
     * the condition itself tests: {@link Tested#NONE} for a composite, {@code always} or a classification test.
     */
    private record Leaves(Set<String> options, EnumSet<Flag> flags, boolean[] form, Map<String, Condition> leaves)
            implements Condition.Visitor<Tested> {

        private Tested leaf(Condition c, Tested tested) {
            if (leaves != null) {
                leaves.putIfAbsent(leafKey(c), c);
            }
            return tested;
        }

        private Tested parts(List<Condition> parts) {
            parts.forEach(p -> p.accept(this));
            return Tested.NONE;
        }

        @Override
        public Tested always(Condition.Always c) {
            return Tested.NONE;
        }

        @Override
        public Tested classificationIs(Condition.ClassificationIs c) {
            return Tested.NONE;
        }

        @Override
        public Tested classificationAtLeast(Condition.ClassificationAtLeast c) {
            return Tested.NONE;
        }

        @Override
        public Tested all(Condition.All c) {
            return parts(c.conditions());
        }

        @Override
        public Tested any(Condition.Any c) {
            return parts(c.conditions());
        }

        @Override
        public Tested not(Condition.Not c) {
            return parts(List.of(c.condition()));
        }

        @Override
        public Tested axisLevelIs(Condition.AxisLevelIs c) {
            return leaf(c, Tested.ANSWER);
        }

        @Override
        public Tested axisAtLeast(Condition.AxisAtLeast c) {
            return leaf(c, Tested.ANSWER);
        }

        @Override
        public Tested countAxes(Condition.CountAxes c) {
            return leaf(c, Tested.ANSWER);
        }

        @Override
        public Tested axisOption(Condition.AxisOption c) {
            if (options != null) {
                options.add(key(c.axis(), c.option()));
            }
            return leaf(c, Tested.ANSWER);
        }

        @Override
        public Tested flagIs(Condition.FlagIs c) {
            if (flags != null) {
                flags.add(c.flag());
            }
            return leaf(c, Tested.PROFILE);
        }

        @Override
        public Tested formIs(Condition.FormIs c) {
            if (form != null) {
                form[0] = true;
            }
            return leaf(c, Tested.PROFILE);
        }
    }

    /** Equal for leaf conditions that test the same thing, wherever they are written. */
    private static String leafKey(Condition c) {
        return ConditionText.of(c);
    }
}
