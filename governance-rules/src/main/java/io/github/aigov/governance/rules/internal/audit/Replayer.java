package io.github.aigov.governance.rules.internal.audit;

import io.github.aigov.governance.rules.internal.json.DecisionRecords;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.audit.ReplayResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Re-evaluates a recorded decision with the recorded definitions and compares the outcomes: the
 * classification, escalation, axes, items, obligations (unless the record is of schema 1, written
 * before decisions carried them) and the sequence of rule firings.
 */
public final class Replayer {
    /** The record schema before decisions carried obligations. */
    private static final String SCHEMA_WITHOUT_OBLIGATIONS = "1";

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
        compare(items(recorded), items(replayed), "replay.item", d);
        if (!SCHEMA_WITHOUT_OBLIGATIONS.equals(recorded.schemaVersion())) {
            // a record of schema 1 was written before decisions carried the ministry's duties: nothing to compare
            compare(obligations(recorded), obligations(replayed), "replay.obligation", d);
        }
        if (!trace(recorded).equals(trace(replayed))) {
            d.add(Message.of("replay.trace", trace(recorded).size(), trace(replayed).size()));
        }
        return new ReplayResult(recorded, replayed, d);
    }

    /** Each recorded result the replay does not give, with what the replay gives instead ({@code -}: nothing). */
    private static void compare(List<String> recorded, List<String> replayed, String key, List<Message> d) {
        for (String r : recorded) {
            if (!replayed.contains(r)) {
                String id = r.substring(0, r.indexOf('=') + 1);
                d.add(Message.of(key, r, replayed.stream().filter(x -> x.startsWith(id)).findFirst().orElse("-")));
            }
        }
        for (String r : replayed) {
            String id = r.substring(0, r.indexOf('=') + 1);
            if (recorded.stream().noneMatch(x -> x.startsWith(id))) {
                d.add(Message.of(key, "-", r));
            }
        }
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

    private static List<String> obligations(Decision d) {
        return d.obligations().stream().map((ObligationResult o) -> o.id() + "=" + o.status() + " by " + o.reason().ruleId())
                .toList();
    }

    private static List<String> trace(Decision d) {
        return d.trace().stream().map((TraceEvent e) -> e.rule() + " -> " + e.outcome()).toList();
    }
}
