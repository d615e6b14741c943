package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.ItemStatus;
import org.drools.base.rule.consequence.ConsequenceContext;

/**
 * What an item rule's consequence does. The rule decides (it fired: it holds, it was first by
 * salience, and some item it names is undecided); this carries the decision out on the ledger and
 * tells the rule engine the ledger changed.
 */
public final class Decide {
    private Decide() {
    }

    /** Every undecided item the rule names gets the rule's status. */
    public static void items(ConsequenceContext drools, ItemLedger ledger, ItemStatus status, String ruleId) {
        for (int i : ledger.pendingOf(ruleId)) {
            ledger.decide(i, status, ruleId);
        }
        drools.update(ledger);
    }
}
