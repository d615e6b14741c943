package io.github.aigov.governance.rules.internal.facts;

/** The option a profile chose on one axis. */
public final class AxisAnswer {
    private final String axis;
    private final String option;

    public AxisAnswer(String axis, String option) {
        this.axis = axis;
        this.option = option;
    }

    public String getAxis() {
        return axis;
    }

    public String getOption() {
        return option;
    }

    @Override
    public String toString() {
        return "AxisAnswer(" + axis + "=" + option + ")";
    }
}
