package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.ItemStatus;

/** An item's status, decided by an applicability (or scope) rule. */
public final class ItemDecision {
    private final String itemId;
    private final ItemStatus status;
    private final String ruleId;

    public ItemDecision(String itemId, ItemStatus status, String ruleId) {
        this.itemId = itemId;
        this.status = status;
        this.ruleId = ruleId;
    }

    public String getItemId() {
        return itemId;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public String getRuleId() {
        return ruleId;
    }

    @Override
    public String toString() {
        return "ItemDecision(" + itemId + "=" + status + " by " + ruleId + ")";
    }
}
