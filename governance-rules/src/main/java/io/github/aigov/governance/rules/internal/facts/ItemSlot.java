package io.github.aigov.governance.rules.internal.facts;

/** A checklist item awaiting its status. */
public final class ItemSlot {
    private final String itemId;
    private final String checklistId;

    public ItemSlot(String itemId, String checklistId) {
        this.itemId = itemId;
        this.checklistId = checklistId;
    }

    public String getItemId() {
        return itemId;
    }

    public String getChecklistId() {
        return checklistId;
    }

    @Override
    public String toString() {
        return "Item(" + itemId + ")";
    }
}
