package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.rules.internal.compile.RuleMeta;
import io.github.aigov.governance.rules.internal.facts.ItemSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records every rule firing of one evaluation, in order, with the facts it matched. */
final class TraceRecorder extends DefaultAgendaEventListener {
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
        for (Object o : event.getMatch().getObjects()) {
            if (o == null) {
                continue;
            }
            facts.add(o instanceof Number n ? "count=" + n : o.toString());
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
