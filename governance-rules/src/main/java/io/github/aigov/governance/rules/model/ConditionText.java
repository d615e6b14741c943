package io.github.aigov.governance.rules.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition as compact, location-free text, e.g. {@code all[work=HIGH, judgement=HIGH]}: equal
 * texts test the same thing, wherever they are written. For comparing and showing.
 */
public final class ConditionText implements Condition.Visitor<String> {
    private static final ConditionText TEXT = new ConditionText();

    private ConditionText() {
    }

    public static String of(Condition c) {
        return c == null ? "always" : c.accept(TEXT);
    }

    private static String join(List<Condition> parts, String open) {
        return parts.stream().map(ConditionText::of).collect(Collectors.joining(", ", open, "]"));
    }

    @Override
    public String always(Condition.Always c) {
        return "always";
    }

    @Override
    public String axisLevelIs(Condition.AxisLevelIs c) {
        return c.axis() + "=" + c.level();
    }

    @Override
    public String axisAtLeast(Condition.AxisAtLeast c) {
        return c.axis() + ">=" + c.level();
    }

    @Override
    public String axisOption(Condition.AxisOption c) {
        return c.axis() + " is " + c.option();
    }

    @Override
    public String countAxes(Condition.CountAxes c) {
        return "count(" + c.level() + ")>=" + c.atLeast();
    }

    @Override
    public String classificationIs(Condition.ClassificationIs c) {
        return "classification=" + c.level();
    }

    @Override
    public String classificationAtLeast(Condition.ClassificationAtLeast c) {
        return "classification>=" + c.level();
    }

    @Override
    public String formIs(Condition.FormIs c) {
        return "procurementForm=" + c.form();
    }

    @Override
    public String flagIs(Condition.FlagIs c) {
        return c.flag().name();
    }

    @Override
    public String all(Condition.All c) {
        return join(c.conditions(), "all[");
    }

    @Override
    public String any(Condition.Any c) {
        return join(c.conditions(), "any[");
    }

    @Override
    public String not(Condition.Not c) {
        return "not(" + of(c.condition()) + ")";
    }
}
