package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.RiskLevel;

/** The classification, decided by a combination rule. */
public final class ClassificationFact implements Traced {
    private final RiskLevel level;
    private final String ruleId;

    public ClassificationFact(RiskLevel level, String ruleId) {
        this.level = level;
        this.ruleId = ruleId;
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
        return TraceFact.classification(level, ruleId);
    }

    @Override
    public String toString() {
        return fact().text();
    }
}
