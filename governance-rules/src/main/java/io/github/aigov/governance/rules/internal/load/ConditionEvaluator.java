package io.github.aigov.governance.rules.internal.load;

import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.rules.model.Condition;
import io.github.aigov.governance.rules.model.Flag;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a condition over one point of the answer space, in plain Java. Used only by the static
 * analysis of a definition set ({@link RuleReachability}); assessments are decided by the compiled
 * Drools rules. Its semantics are those of the generated rules ({@code DrlWriter}): {@code all []}
 * holds, {@code any []} does not, and a rule without {@code when} always holds.
 */
final class ConditionEvaluator {
    private final Map<String, Integer> axisIndex;

    /** @param axisIndex each axis id's position in {@link Facts#levels} and {@link Facts#options} */
    ConditionEvaluator(Map<String, Integer> axisIndex) {
        this.axisIndex = Map.copyOf(axisIndex);
    }

    /**
     * One point of the answer space: each axis's level and answer (the set of option ids no
     * condition tells apart), the profile's procurement form and flags, and, once decided, the
     * classification. Mutable, reused across the enumeration.
     */
    static final class Facts {
        final RiskLevel[] levels;
        final List<Set<String>> options;
        ProcurementForm form;
        final boolean[] flags = new boolean[Flag.values().length];
        RiskLevel classification;

        Facts(int axes) {
            levels = new RiskLevel[axes];
            options = new java.util.ArrayList<>(java.util.Collections.nCopies(axes, Set.of()));
        }
    }

    boolean holds(Condition c, Facts f) {
        return c.accept(new Holds(f));
    }

    /** Whether a condition holds at one point. */
    private final class Holds implements Condition.Visitor<Boolean> {
        private final Facts f;

        Holds(Facts f) {
            this.f = f;
        }

        @Override
        public Boolean always(Condition.Always c) {
            return true;
        }

        @Override
        public Boolean all(Condition.All a) {
            for (Condition part : a.conditions()) {
                if (!part.accept(this)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Boolean any(Condition.Any a) {
            for (Condition part : a.conditions()) {
                if (part.accept(this)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Boolean not(Condition.Not n) {
            return !n.condition().accept(this);
        }

        @Override
        public Boolean axisLevelIs(Condition.AxisLevelIs a) {
            return f.levels[axis(a.axis())] == a.level();
        }

        @Override
        public Boolean axisAtLeast(Condition.AxisAtLeast a) {
            return f.levels[axis(a.axis())].isAtLeast(a.level());
        }

        @Override
        public Boolean axisOption(Condition.AxisOption a) {
            return f.options.get(axis(a.axis())).contains(a.option());
        }

        @Override
        public Boolean countAxes(Condition.CountAxes a) {
            int n = 0;
            for (RiskLevel l : f.levels) {
                if (l == a.level()) {
                    n++;
                }
            }
            return n >= a.atLeast();
        }

        @Override
        public Boolean classificationIs(Condition.ClassificationIs a) {
            return f.classification == a.level();
        }

        @Override
        public Boolean classificationAtLeast(Condition.ClassificationAtLeast a) {
            return f.classification != null && f.classification.isAtLeast(a.level());
        }

        @Override
        public Boolean formIs(Condition.FormIs a) {
            return f.form == a.form();
        }

        @Override
        public Boolean flagIs(Condition.FlagIs a) {
            return f.flags[a.flag().ordinal()];
        }
    }

    private int axis(String id) {
        Integer i = axisIndex.get(id);
        if (i == null) {
            throw new IllegalStateException("axis not resolved before analysis: " + id);
        }
        return i;
    }
}
