package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.ItemStatus;
import java.util.BitSet;

/**
 * The items of one assessment: which are still undecided, and for the others the status and the
 * rule that decided them. One fact for all items, where a fact per item cost a third of an
 * assessment (each propagated through every item rule's pattern, going in and again going out).
 *
 * <p>An item rule matches the ledger only while some item it names is undecided
 * ({@link #anyPending}); when it fires, its consequence ({@link Decide#items}) gives those items the
 * rule's status and updates the ledger, so the rule engine re-evaluates every other item rule
 * against what is left. Which rule decides an item is thus still the rule engine's doing: the first
 * rule, by salience, that holds and names it while undecided.
 */
public final class ItemLedger {
    private final ItemTable table;
    private final BitSet pending;
    private final ItemStatus[] status;
    private final String[] ruleId;

    public ItemLedger(ItemTable table) {
        this.table = table;
        this.pending = new BitSet(table.size());
        pending.set(0, table.size());
        this.status = new ItemStatus[table.size()];
        this.ruleId = new String[table.size()];
    }

    /** Whether any item the rule names is still undecided: the constraint of every item rule. */
    public boolean anyPending(String rule) {
        return table.named(rule).intersects(pending);
    }

    /** The undecided items the rule names, in definition order: those it decides if it fires now. */
    public int[] pendingOf(String rule) {
        BitSet b = (BitSet) table.named(rule).clone();
        b.and(pending);
        return b.stream().toArray();
    }

    void decide(int index, ItemStatus status, String ruleId) {
        pending.clear(index);
        this.status[index] = status;
        this.ruleId[index] = ruleId;
    }

    public ItemTable table() {
        return table;
    }

    /** The item's status, or null when no rule decided it. */
    public ItemStatus status(int index) {
        return status[index];
    }

    /** The rule that decided the item, or null. */
    public String ruleId(int index) {
        return ruleId[index];
    }

    @Override
    public String toString() {
        return "Items(" + pending.cardinality() + " undecided)";
    }
}
