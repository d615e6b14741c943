package io.github.aigov.governance.rules.model;

import java.util.stream.Collectors;

/**
 * A condition as compact, location-free text, e.g. {@code all[work=HIGH, judgement=HIGH]}: equal
 * texts test the same thing, wherever they are written. For comparing and showing.
 */
public final class ConditionText {
    private ConditionText() {
    }

    public static String of(Condition c) {
        if (c == null || c instanceof Condition.Always) {
            return "always";
        }
        if (c instanceof Condition.Not n) {
            return "not(" + of(n.condition()) + ")";
        }
        if (c instanceof Condition.All a) {
            return a.conditions().stream().map(ConditionText::of).collect(Collectors.joining(", ", "all[", "]"));
        }
        if (c instanceof Condition.Any a) {
            return a.conditions().stream().map(ConditionText::of).collect(Collectors.joining(", ", "any[", "]"));
        }
        if (c instanceof Condition.AxisLevelIs a) {
            return a.axis() + "=" + a.level();
        }
        if (c instanceof Condition.AxisAtLeast a) {
            return a.axis() + ">=" + a.level();
        }
        if (c instanceof Condition.AxisOption a) {
            return a.axis() + " is " + a.option();
        }
        if (c instanceof Condition.CountAxes a) {
            return "count(" + a.level() + ")>=" + a.atLeast();
        }
        if (c instanceof Condition.ClassificationIs a) {
            return "classification=" + a.level();
        }
        if (c instanceof Condition.ClassificationAtLeast a) {
            return "classification>=" + a.level();
        }
        if (c instanceof Condition.FormIs a) {
            return "procurementForm=" + a.form();
        }
        if (c instanceof Condition.FlagIs a) {
            return a.flag().name();
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }
}
