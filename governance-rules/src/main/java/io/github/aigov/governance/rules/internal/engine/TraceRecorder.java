package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.rules.internal.compile.Outcome;
import io.github.aigov.governance.rules.internal.compile.RuleMeta;
import io.github.aigov.governance.rules.internal.facts.AxisLevel;
import io.github.aigov.governance.rules.internal.facts.ItemLedger;
import io.github.aigov.governance.rules.internal.facts.ItemTable;
import io.github.aigov.governance.rules.internal.facts.Traced;
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
    private static final int[] NONE = new int[0];

    private final Map<String, RuleMeta> rules;
    /** Each axis's position in the definitions. */
    private final Map<String, Integer> axisOrder;
    private final List<TraceEvent> events = new ArrayList<>();
    /** The items a firing decides, as it begins: its consequence decides them, and the ledger no longer shows them. */
    private int[] decided = NONE;
    private ItemTable table;
    /** The first item rule that fired with no item left to decide, if any: a defect of the generated rules. */
    private String idle;

    TraceRecorder(Map<String, RuleMeta> rules, Map<String, Integer> axisOrder) {
        this.rules = rules;
        this.axisOrder = axisOrder;
    }

    /** The axes a count of axes counted ({@code AxisLevel} facts, as the generated rule collects them), in definition order. */
    private TraceFact count(List<?> counted) {
        List<String> axes = new ArrayList<>(counted.size());
        for (Object o : counted) {
            axes.add(((AxisLevel) o).getAxis());
        }
        axes.sort(java.util.Comparator.comparing(a -> axisOrder.getOrDefault(a, Integer.MAX_VALUE)));
        return TraceFact.axisCount(axes);
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
        List<TraceFact> facts = new ArrayList<>();
        Outcome outcome = meta == null ? null : meta.outcome();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof List<?> counted) {
                facts.add(count(counted)); // a countAxes result: the axes counted; each is listed, equal or not
                continue;
            }
            if (o instanceof Traced t && seen.add(o)) {
                facts.add(t.fact()); // a fact matched by two patterns is listed once
            }
            // anything else is the rule engine's own (its initial fact) or the item ledger: each item is listed below
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
            List<TraceFact> itemFacts = new ArrayList<>(facts.size() + 1);
            itemFacts.addAll(facts);
            itemFacts.add(table.fact(i));
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
