package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
/** The option a profile chose on one axis. */
public final class AxisAnswer implements Traced {
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
    public TraceFact fact() {
        return TraceFact.axisAnswer(axis, option);
    }

    @Override
    public String toString() {
        return fact().text();
    }
}
