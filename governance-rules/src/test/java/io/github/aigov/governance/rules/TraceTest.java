package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace is the audit record of why: every decided value must be traceable to exactly the rule firing that
 * decided it, in phase order, with the definition's source. Checked for the sample profiles and for every profile
 * of the answer space.
 */
class TraceTest {
    private static final List<String> PHASES = List.of("scope", "level", "combination", "escalation", "applicability",
            "obligation", "scope-items");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SharedEngine.SAMPLES)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theTraceOfASampleExplainsEveryPartOfItsDecision(Path sample) {
        Decision d = SharedEngine.v1().assess(Governance.readProfile(sample));
        assertThat(violations(d)).isEmpty();
    }

    @Test
    void theTraceOfEveryInScopeProfileExplainsEveryPartOfItsDecision() {
        List<String> failures = new ArrayList<>();
        SharedEngine.inScope().forEach((a, d) -> violations(d).forEach(v -> failures.add(a + ": " + v)));
        assertThat(failures).as(failures.size() + " violations").isEmpty();
    }

    @Test
    void theTraceOfEveryOutOfScopeProfileExplainsEveryPartOfItsDecision() {
        List<String> failures = new ArrayList<>();
        SharedEngine.outOfScope().forEach((o, d) -> violations(d).forEach(v -> failures.add(o + ": " + v)));
        assertThat(failures).as(failures.size() + " violations").isEmpty();
    }

    @Test
    void traceFactsAreTheDecisionsOwnFactsNotEngineInternals() {
        // The trace is part of a serialised, replayable decision: it must not carry rule-engine types or identity
        // hashes, which differ from one run to the next.
        Decision d = SharedEngine.v1().assess(SharedEngine.inScope().keySet().iterator().next().profile());
        List<String> facts = d.trace().stream().flatMap(e -> e.facts().stream()).map(TraceFact::text).toList();
        assertThat(facts).isNotEmpty().noneMatch(f -> f.contains("org.drools") || f.contains("@"));
        assertThat(d.trace()).flatExtracting(TraceEvent::facts).extracting(TraceFact::kind)
                .doesNotContain(TraceFact.Kind.TEXT);
        for (TraceEvent e : d.trace()) {
            assertThat(e.facts()).as("facts of " + e.rule()).doesNotHaveDuplicates();
        }
    }

    /** Everything wrong with one decision's trace; empty when the trace accounts for the decision. */
    static List<String> violations(Decision d) {
        List<String> v = new ArrayList<>();
        List<TraceEvent> trace = d.trace();
        for (int i = 0; i < trace.size(); i++) {
            TraceEvent e = trace.get(i);
            if (e.sequence() != i + 1) {
                v.add("event " + (i + 1) + " is numbered " + e.sequence());
            }
            if (!PHASES.contains(e.phase())) {
                v.add(e.rule() + ": unknown phase " + e.phase());
            }
            if (!e.rule().equals(e.phase() + ":" + e.definitionId())) {
                v.add(e.rule() + ": not named phase:definitionId");
            }
            if (e.source() == null || e.source().file() == null || e.source().file().isBlank() || e.source().line() <= 0
                    || e.source().column() <= 0 || e.source().provenance() == null) {
                v.add(e.rule() + ": incomplete source " + e.source());
            } else if (!e.source().definitionId().equals(e.definitionId())) {
                v.add(e.rule() + ": source names " + e.source().definitionId());
            }
        }
        for (int i = 1; i < trace.size(); i++) {
            if (PHASES.indexOf(trace.get(i).phase()) < PHASES.indexOf(trace.get(i - 1).phase())) {
                v.add(trace.get(i).rule() + " (" + trace.get(i).phase() + ") fired after " + trace.get(i - 1).rule());
            }
        }

        boolean inScope = d.classification() != Classification.OUT_OF_SCOPE;
        String deciding = inScope ? "combination" : "scope";
        List<TraceEvent> classification = phase(d, deciding);
        if (classification.size() != 1) {
            v.add("expected one " + deciding + " event, found " + classification.size());
        } else {
            TraceEvent e = classification.get(0);
            if (!e.definitionId().equals(d.classificationReason().ruleId())) {
                v.add("classification reason " + d.classificationReason().ruleId() + " but " + e.rule() + " fired");
            }
            if (!e.source().equals(d.classificationReason().source())) {
                v.add("classification reason's source differs from the trace's");
            }
            if (inScope && !e.outcome().equals("classification=" + d.classification())) {
                v.add(e.rule() + " established " + e.outcome() + ", decision says " + d.classification());
            }
        }

        if (inScope) {
            List<TraceEvent> escalation = phase(d, "escalation");
            String escalationRule = d.escalation().reasons().get(0).ruleId();
            if (escalation.size() != 1) {
                v.add("expected one escalation event, found " + escalation.size());
            } else if (!escalation.get(0).definitionId().equals(escalationRule)
                    || !escalation.get(0).outcome().equals("escalation.required=" + d.escalation().required())) {
                v.add("escalation by " + escalationRule + " (" + d.escalation().required() + ") but the trace has "
                        + escalation.get(0).rule() + " " + escalation.get(0).outcome());
            }
            List<TraceEvent> levels = phase(d, "level");
            if (levels.size() != d.axes().size()) {
                v.add(levels.size() + " level events for " + d.axes().size() + " axes");
            }
            for (AxisResult axis : d.axes()) {
                boolean found = levels.stream().anyMatch(e -> e.definitionId().equals(axis.reason().ruleId())
                        && e.outcome().equals(axis.axis() + "=" + axis.level()));
                if (!found) {
                    v.add("no level event for " + axis.axis() + "=" + axis.option());
                }
            }
            if (!phase(d, "scope").isEmpty() || !phase(d, "scope-items").isEmpty()) {
                v.add("scope rules fired for an in-scope project");
            }
        } else if (Stream.of("level", "combination", "escalation", "applicability", "obligation")
                .anyMatch(p -> !phase(d, p).isEmpty())) {
            v.add("an out-of-scope project was classified or given item or obligation statuses by applicability rules");
        }

        // In scope, the checklists' rules decide the items and the obligation sheets' rules the obligations;
        // out of scope, the scope rule decides both, each item and obligation by an event of its own.
        List<TraceEvent> itemEvents = phase(d, inScope ? "applicability" : "scope-items").stream()
                .filter(e -> e.facts().get(e.facts().size() - 1).kind() != TraceFact.Kind.OBLIGATION).toList();
        List<TraceEvent> obligationEvents = phase(d, inScope ? "obligation" : "scope-items").stream()
                .filter(e -> e.facts().get(e.facts().size() - 1).kind() == TraceFact.Kind.OBLIGATION).toList();
        if (itemEvents.size() != d.items().size()) {
            v.add(itemEvents.size() + " events for " + d.items().size() + " items");
        }
        if (obligationEvents.size() != d.obligations().size()) {
            v.add(obligationEvents.size() + " events for " + d.obligations().size() + " obligations");
        }
        for (ItemResult item : d.items()) {
            decided(v, itemEvents, TraceFact.item(item.id()), item.id(), item.status(), item.reason());
        }
        for (ObligationResult o : d.obligations()) {
            decided(v, obligationEvents, TraceFact.obligation(o.id()), o.id(), o.status(), o.reason());
        }
        return v;
    }

    /** Exactly one event decides the item (or obligation), naming it as a fact, with its status and its reason's rule. */
    private static void decided(List<String> v, List<TraceEvent> events, TraceFact fact, String id, ItemStatus status,
                                Reason reason) {
        List<TraceEvent> decided = events.stream().filter(e -> e.outcome().startsWith(id + "=")).toList();
        if (decided.size() != 1) {
            v.add(id + " decided by " + decided.size() + " events");
        } else if (!decided.get(0).outcome().equals(id + "=" + status)
                || !decided.get(0).definitionId().equals(reason.ruleId())
                || !decided.get(0).source().equals(reason.source())
                || !decided.get(0).facts().contains(fact)) {
            v.add(id + "=" + status + " by " + reason.ruleId() + " but the trace has " + decided.get(0).rule() + " "
                    + decided.get(0).outcome() + " " + decided.get(0).facts());
        }
    }

    private static List<TraceEvent> phase(Decision d, String phase) {
        return d.trace().stream().filter(e -> e.phase().equals(phase)).toList();
    }
}
