package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.ItemStatus;
import java.util.List;
import org.drools.base.rule.consequence.ConsequenceContext;

/**
 * What an item rule's consequence does, in Java rather than in the rule's MVEL: an interpreted
 * loop costs a reflective call per step, this one call per firing. The rule decides (it fired,
 * with its salience, over the items it collected); this only carries the decision out.
 */
public final class Decide {
    private Decide() {
    }

    /** Every collected item, still undecided, gets the status by the rule: its slot goes, its decision is recorded. */
    public static void items(ConsequenceContext drools, ItemDecisions decisions, List<?> slots, ItemStatus status,
                             String ruleId) {
        for (Object o : slots.toArray()) {
            ItemSlot slot = (ItemSlot) o;
            drools.delete(slot);
            decisions.decide(slot, status, ruleId);
        }
    }
}
