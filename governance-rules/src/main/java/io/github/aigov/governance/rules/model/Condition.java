package io.github.aigov.governance.rules.model;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.RiskLevel;
import java.util.List;

/**
 * A rule's condition: a small, closed vocabulary of data, never code.
 *
 * <p>Every use of a condition (the generated rules, the static evaluator and the reachability check,
 * the condition's text, the definition checker) goes through a {@link Visitor}: a new kind of
 * condition must implement {@link #accept}, which needs a new visitor method, so nothing compiles
 * until every use handles it.
 */
public sealed interface Condition {

    Location location();

    /** What this condition is, to the visitor: the one dispatch over the kinds of condition. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of condition; the only way to tell them apart. */
    interface Visitor<R> {
        R always(Always c);

        R axisLevelIs(AxisLevelIs c);

        R axisAtLeast(AxisAtLeast c);

        R axisOption(AxisOption c);

        R countAxes(CountAxes c);

        R classificationIs(ClassificationIs c);

        R classificationAtLeast(ClassificationAtLeast c);

        R formIs(FormIs c);

        R flagIs(FlagIs c);

        R all(All c);

        R any(Any c);

        R not(Not c);
    }

    /** Holds always: a rule without {@code when}. */
    record Always(Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.always(this);
        }
    }

    record AxisLevelIs(String axis, RiskLevel level, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.axisLevelIs(this);
        }
    }

    record AxisAtLeast(String axis, RiskLevel level, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.axisAtLeast(this);
        }
    }

    record AxisOption(String axis, String option, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.axisOption(this);
        }
    }

    /** At least {@code atLeast} axes have exactly {@code level}. */
    record CountAxes(RiskLevel level, int atLeast, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.countAxes(this);
        }
    }

    record ClassificationIs(RiskLevel level, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.classificationIs(this);
        }
    }

    record ClassificationAtLeast(RiskLevel level, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.classificationAtLeast(this);
        }
    }

    record FormIs(ProcurementForm form, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.formIs(this);
        }
    }

    record FlagIs(Flag flag, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.flagIs(this);
        }
    }

    record All(List<Condition> conditions, Location location) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.all(this);
        }
    }

    record Any(List<Condition> conditions, Location location) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.any(this);
        }
    }

    record Not(Condition condition, Location location) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.not(this);
        }
    }
}
