package io.github.aigov.governance.rules.internal.audit;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.audit.ReplayResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Re-evaluates a recorded decision with the recorded definitions and compares the outcomes. */
public final class Replayer {
    private Replayer() {
    }

    public static ReplayResult replay(String record, GovernanceEngine engine) {
        Decision recorded = DecisionRecords.fromRecord(record);
        DefinitionsRef want = recorded.definitions();
        DefinitionsRef have = engine.definitions();
        if (!want.id().equals(have.id()) || !want.version().equals(have.version()) || !want.hash().equals(have.hash())
                || !overlays(want).equals(overlays(have))) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.DEFINITIONS_MISMATCH, Location.of("<record " + recorded.decisionId() + ">"),
                    Message.of("problem.replay.definitions", describe(want), describe(have)), Message.of("hint.replay.definitions"))));
        }
        Decision replayed = engine.assess(recorded.profile());
        List<Message> d = new ArrayList<>();
        if (recorded.classification() != replayed.classification()
                || !recorded.classificationReason().ruleId().equals(replayed.classificationReason().ruleId())) {
            d.add(Message.of("replay.classification", recorded.classification(), recorded.classificationReason().ruleId(),
                    replayed.classification(), replayed.classificationReason().ruleId()));
        }
        if (recorded.escalation().required() != replayed.escalation().required()
                || !ids(recorded.escalation().reasons()).equals(ids(replayed.escalation().reasons()))) {
            d.add(Message.of("replay.escalation", recorded.escalation().required(), ids(recorded.escalation().reasons()),
                    replayed.escalation().required(), ids(replayed.escalation().reasons())));
        }
        if (!axes(recorded).equals(axes(replayed))) {
            d.add(Message.of("replay.axes", axes(recorded), axes(replayed)));
        }
        List<String> a = items(recorded);
        List<String> b = items(replayed);
        for (String item : a) {
            if (!b.contains(item)) {
                d.add(Message.of("replay.item", item, b.stream().filter(x -> x.startsWith(item.substring(0, item.indexOf('=') + 1)))
                        .findFirst().orElse("-")));
            }
        }
        if (!trace(recorded).equals(trace(replayed))) {
            d.add(Message.of("replay.trace", trace(recorded).size(), trace(replayed).size()));
        }
        return new ReplayResult(recorded, replayed, d);
    }

    private static String describe(DefinitionsRef r) {
        return r.id() + " " + r.version() + " " + r.hash() + overlays(r).stream().map(o -> " + " + o).collect(Collectors.joining());
    }

    private static List<String> overlays(DefinitionsRef r) {
        return r.overlays().stream().map(o -> o.id() + "@" + o.hash()).toList();
    }

    private static String ids(List<Reason> reasons) {
        return reasons.stream().map(Reason::ruleId).collect(Collectors.joining(", "));
    }

    private static String axes(Decision d) {
        return d.axes().stream().map(x -> x.axis() + "=" + x.option() + ":" + x.level()).collect(Collectors.joining(", "));
    }

    private static List<String> items(Decision d) {
        return d.items().stream().map((ItemResult i) -> i.id() + "=" + i.status() + " by " + i.reason().ruleId()).toList();
    }

    private static List<String> trace(Decision d) {
        return d.trace().stream().map((TraceEvent e) -> e.rule() + " -> " + e.outcome()).toList();
    }
}
