package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.rules.internal.compile.RuleMeta;
import io.github.aigov.governance.rules.internal.facts.ItemSlot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
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
                continue; // the rule engine's own objects (its initial fact) are no fact of the decision
            }
            if (seen.add(o)) {
                facts.add(o.toString()); // a fact matched by two patterns is listed once
            }
            if (o instanceof ItemSlot slot && outcome.startsWith("item=")) {
                outcome = slot.getItemId() + "=" + outcome.substring("item=".length());
            }
        }
        events.add(new TraceEvent(events.size() + 1, name, meta == null ? "" : meta.phase(),
                meta == null ? "" : meta.definitionId(), facts, outcome, meta == null ? null : meta.source()));
    }

    List<TraceEvent> events() {
        return events;
    }
}
