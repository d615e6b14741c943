package io.github.aigov.governance.rules.model;

import io.github.aigov.governance.Location;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.RiskLevel;
import java.util.List;

/** A rule's condition: a small, closed vocabulary of data, never code. */
public sealed interface Condition {

    Location location();

    /** Holds always: a rule without {@code when}. */
    record Always(Location location) implements Condition {
    }

    record AxisLevelIs(String axis, RiskLevel level, Location location) implements Condition {
    }

    record AxisAtLeast(String axis, RiskLevel level, Location location) implements Condition {
    }

    record AxisOption(String axis, String option, Location location) implements Condition {
    }

    /** At least {@code atLeast} axes have exactly {@code level}. */
    record CountAxes(RiskLevel level, int atLeast, Location location) implements Condition {
    }

    record ClassificationIs(RiskLevel level, Location location) implements Condition {
    }

    record ClassificationAtLeast(RiskLevel level, Location location) implements Condition {
    }

    record FormIs(ProcurementForm form, Location location) implements Condition {
    }

    record FlagIs(Flag flag, Location location) implements Condition {
    }

    record All(List<Condition> conditions, Location location) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    record Any(List<Condition> conditions, Location location) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition, Location location) implements Condition {
    }
}
