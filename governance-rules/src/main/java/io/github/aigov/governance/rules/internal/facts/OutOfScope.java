package io.github.aigov.governance.rules.internal.facts;

/** The project is outside the guideline's scope, by this scope rule. */
public final class OutOfScope {
    private final String ruleId;

    public OutOfScope(String ruleId) {
        this.ruleId = ruleId;
    }

    public String getRuleId() {
        return ruleId;
    }

    @Override
    public String toString() {
        return "OutOfScope(" + ruleId + ")";
    }
}
