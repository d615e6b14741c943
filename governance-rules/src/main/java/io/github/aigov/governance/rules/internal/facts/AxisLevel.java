package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.RiskLevel;

/** The level an axis has, decided by the option's level rule. */
public final class AxisLevel implements Traced {
    private final String axis;
    private final String option;
    private final RiskLevel level;
    private final String ruleId;

    public AxisLevel(String axis, String option, RiskLevel level, String ruleId) {
        this.axis = axis;
        this.option = option;
        this.level = level;
        this.ruleId = ruleId;
    }

    public String getAxis() {
        return axis;
    }

    public String getOption() {
        return option;
    }

    public RiskLevel getLevel() {
        return level;
    }

    public int getRank() {
        return level.ordinal();
    }

    public String getRuleId() {
        return ruleId;
    }

    @Override
    public TraceFact fact() {
        return TraceFact.axisLevel(axis, option, level);
    }

    @Override
    public String toString() {
        return fact().text();
    }
}
