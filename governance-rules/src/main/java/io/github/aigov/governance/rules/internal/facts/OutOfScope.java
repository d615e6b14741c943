package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
/** The project is outside the guideline's scope, by this scope rule. */
public final class OutOfScope implements Traced {
    private final String ruleId;

    public OutOfScope(String ruleId) {
        this.ruleId = ruleId;
    }

    public String getRuleId() {
        return ruleId;
    }

    @Override
    public TraceFact fact() {
        return TraceFact.outOfScope(ruleId);
    }

    @Override
    public String toString() {
        return fact().text();
    }
}
