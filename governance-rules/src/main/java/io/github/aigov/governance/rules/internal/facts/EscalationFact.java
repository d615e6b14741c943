package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
/** Whether the project must be escalated, decided by an escalation rule. */
public final class EscalationFact implements Traced {
    private final boolean required;
    private final String ruleId;

    public EscalationFact(boolean required, String ruleId) {
        this.required = required;
        this.ruleId = ruleId;
    }

    public boolean isRequired() {
        return required;
    }

    public String getRuleId() {
        return ruleId;
    }

    @Override
    public TraceFact fact() {
        return TraceFact.escalation(required, ruleId);
    }

    @Override
    public String toString() {
        return fact().text();
    }
}
