package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.ItemStatus;

/**
 * Where the item rules of one assessment put their decisions: a global of the session, not a fact,
 * since no rule matches a decided item (its slot is gone) and an array read back in definition order
 * is cheaper than a fact per item. Each slot's index is its item's position in the definitions.
 */
public final class ItemDecisions {
    private final ItemStatus[] status;
    private final String[] ruleId;

    public ItemDecisions(int items) {
        this.status = new ItemStatus[items];
        this.ruleId = new String[items];
    }

    void decide(ItemSlot slot, ItemStatus status, String ruleId) {
        int i = slot.getIndex();
        if (this.status[i] != null) {
            // A slot is deleted as it is decided: a second decision is a defect of the generated rules.
            throw new IllegalStateException(slot.getItemId() + " decided twice: by " + this.ruleId[i] + " and " + ruleId);
        }
        this.status[i] = status;
        this.ruleId[i] = ruleId;
    }

    /** The item's status, or null when no rule decided it. */
    public ItemStatus status(int index) {
        return status[index];
    }

    /** The rule that decided the item, or null. */
    public String ruleId(int index) {
        return ruleId[index];
    }
}
