package io.github.aigov.governance.rules.internal.facts;

/** A checklist item awaiting its status. */
public final class ItemSlot {
    private final String itemId;
    private final String checklistId;
    private final int index;
    private final String text;

    /** The item, its checklist, and its position among all items in definition order. */
    public ItemSlot(String itemId, String checklistId, int index) {
        this.itemId = itemId;
        this.checklistId = checklistId;
        this.index = index;
        this.text = "Item(" + itemId + ")";
    }

    public int getIndex() {
        return index;
    }

    public String getItemId() {
        return itemId;
    }

    public String getChecklistId() {
        return checklistId;
    }

    @Override
    public String toString() {
        return text;
    }
}
