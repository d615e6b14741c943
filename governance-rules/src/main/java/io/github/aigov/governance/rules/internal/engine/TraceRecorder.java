package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.rules.internal.compile.Outcome;
import io.github.aigov.governance.rules.internal.compile.RuleMeta;
import io.github.aigov.governance.rules.internal.facts.ItemLedger;
import io.github.aigov.governance.rules.internal.facts.ItemTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records every rule firing of one evaluation, in order, with the facts it matched: the decision's own facts only
 * (never the rule engine's internal objects, whose text carries identity hashes), each once.
 */
final class TraceRecorder extends DefaultAgendaEventListener {
    /** The decision's own fact types; anything else a match holds belongs to the rule engine. */
    private static final Package FACTS = ItemLedger.class.getPackage();
    private static final int[] NONE = new int[0];

    private final Map<String, RuleMeta> rules;
    private final List<TraceEvent> events = new ArrayList<>();
    /** The items a firing decides, as it begins: its consequence decides them, and the ledger no longer shows them. */
    private int[] decided = NONE;
    private ItemTable table;
    /** The first item rule that fired with no item left to decide, if any: a defect of the generated rules. */
    private String idle;

    TraceRecorder(Map<String, RuleMeta> rules) {
        this.rules = rules;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        decided = NONE;
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof ItemLedger ledger) {
                RuleMeta meta = rules.get(event.getMatch().getRule().getName());
                decided = ledger.pendingOf(meta.definitionId());
                table = ledger.table();
                if (decided.length == 0 && idle == null) {
                    idle = meta.ruleName(); // it matched while it named undecided items, and the ledger's update did not retract it
                }
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        RuleMeta meta = rules.get(name);
        List<String> facts = new ArrayList<>();
        Outcome outcome = meta == null ? null : meta.outcome();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof Number n) {
                facts.add("count=" + n); // a countAxes result; each is listed, equal or not
                continue;
            }
            if (o == null || o instanceof ItemLedger || o.getClass().getPackage() != FACTS) {
                continue; // the rule engine's own objects (its initial fact) are no fact of the decision; each item is listed below
            }
            if (seen.add(o)) {
                facts.add(o.toString()); // a fact matched by two patterns is listed once
            }
        }
        String phase = meta == null ? "" : meta.phase();
        String definitionId = meta == null ? "" : meta.definitionId();
        SourceRef source = meta == null ? null : meta.source();
        if (!(outcome instanceof Outcome.Items decidedItems)) {
            events.add(new TraceEvent(events.size() + 1, name, phase, definitionId, facts,
                    outcome == null ? "" : outcome.text(), source));
            return;
        }
        // One firing decides every undecided item the rule names: one event per item, each naming its item.
        for (int i : decided) {
            List<String> itemFacts = new ArrayList<>(facts.size() + 1);
            itemFacts.addAll(facts);
            itemFacts.add(table.text(i));
            events.add(new TraceEvent(events.size() + 1, name, phase, definitionId, itemFacts, decidedItems.text(table.id(i)),
                    source));
        }
    }

    String idleItemRule() {
        return idle;
    }

    List<TraceEvent> events() {
        return events;
    }
}
