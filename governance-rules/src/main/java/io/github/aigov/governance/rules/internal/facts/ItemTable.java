package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one definition set (checklist items and obligations alike), numbered in definition
 * order, and for each rule that decides items the set it names: an applicability rule, the items it
 * lists; a scope rule, every item.
 * Immutable and shared by every assessment of an engine.
 */
public final class ItemTable {
    private final String[] ids;
    private final TraceFact[] facts;
    private final Map<String, BitSet> named = new HashMap<>();
    private final BitSet all;

    /**
     * @param ids   every item, in definition order
     * @param facts each item as the trace lists it: an item, or on an obligation sheet an obligation
     */
    public ItemTable(List<String> ids, List<TraceFact> facts) {
        if (ids.size() != facts.size()) {
            throw new IllegalArgumentException(ids.size() + " items, " + facts.size() + " facts");
        }
        this.ids = ids.toArray(String[]::new);
        this.facts = facts.toArray(TraceFact[]::new);
        this.all = new BitSet(this.ids.length);
        all.set(0, this.ids.length);
    }

    /** Records which items a rule names; called while the engine is built, never after. */
    public void names(String ruleId, List<Integer> items) {
        BitSet b = new BitSet(ids.length);
        items.forEach(b::set);
        named.put(ruleId, b);
    }

    /** Records that a rule names every item (a scope rule); called while the engine is built, never after. */
    public void namesAll(String ruleId) {
        named.put(ruleId, all);
    }

    BitSet named(String ruleId) {
        BitSet b = named.get(ruleId);
        if (b == null) {
            throw new IllegalStateException("no items recorded for rule " + ruleId);
        }
        return b;
    }

    public int size() {
        return ids.length;
    }

    public String id(int index) {
        return ids[index];
    }

    /** How the trace shows the item as a fact. */
    public TraceFact fact(int index) {
        return facts[index];
    }
}
