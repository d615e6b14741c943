package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.rules.internal.compile.RuleMeta;
import io.github.aigov.governance.rules.internal.facts.ItemSlot;
import io.github.aigov.governance.SourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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
    private static final Package FACTS = ItemSlot.class.getPackage();

    private final Map<String, RuleMeta> rules;
    private final List<TraceEvent> events = new ArrayList<>();

    TraceRecorder(Map<String, RuleMeta> rules) {
        this.rules = rules;
    }

    /** The items a firing's collected list held as it began: its consequence deletes them, and the list with them. */
    private List<ItemSlot> decided = List.of();

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        decided = List.of();
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof Collection<?> c) {
                List<ItemSlot> slots = new ArrayList<>(c.size());
                for (Object x : c) {
                    slots.add((ItemSlot) x);
                }
                slots.sort(Comparator.comparingInt(ItemSlot::getIndex)); // definition order, whatever Drools' collect order
                decided = slots;
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        RuleMeta meta = rules.get(name);
        List<String> facts = new ArrayList<>();
        String outcome = meta == null ? "" : meta.outcome();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof Number n) {
                facts.add("count=" + n); // a countAxes result; each is listed, equal or not
                continue;
            }
            if (o == null || o.getClass().getPackage() != FACTS) {
                continue; // the rule engine's own objects (its initial fact, the collected list) are no fact of the decision
            }
            if (seen.add(o)) {
                facts.add(o.toString()); // a fact matched by two patterns is listed once
            }
        }
        String phase = meta == null ? "" : meta.phase();
        String definitionId = meta == null ? "" : meta.definitionId();
        SourceRef source = meta == null ? null : meta.source();
        if (!outcome.startsWith("item=")) {
            events.add(new TraceEvent(events.size() + 1, name, phase, definitionId, facts, outcome, source));
            return;
        }
        // One firing decides every item it collected: one event per item, each naming its item.
        String status = outcome.substring("item=".length());
        for (ItemSlot slot : decided) {
            List<String> itemFacts = new ArrayList<>(facts.size() + 1);
            itemFacts.addAll(facts);
            itemFacts.add(slot.toString());
            events.add(new TraceEvent(events.size() + 1, name, phase, definitionId, itemFacts, slot.getItemId() + "=" + status,
                    source));
        }
    }

    List<TraceEvent> events() {
        return events;
    }
}
