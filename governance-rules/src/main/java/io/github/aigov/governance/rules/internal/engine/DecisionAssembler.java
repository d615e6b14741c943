package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Escalation;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.rules.internal.facts.AxisLevel;
import io.github.aigov.governance.rules.internal.facts.ClassificationFact;
import io.github.aigov.governance.rules.internal.facts.EscalationFact;
import io.github.aigov.governance.rules.internal.facts.ItemLedger;
import io.github.aigov.governance.rules.internal.facts.ItemTable;
import io.github.aigov.governance.rules.internal.facts.OutOfScope;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Meta;
import io.github.aigov.governance.rules.model.Rules;
import io.github.aigov.governance.rules.model.Sheets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the public values of one definition set: its {@link DefinitionCatalog}, and a {@link Decision} from
 * what a rule session ended with. Every reason, axis result and item result a decision can hold is an
 * immutable value made once, here. Immutable in effect and thread-safe; {@link DroolsEngine} runs the
 * sessions and hands each one's facts over.
 */
final class DecisionAssembler {
    private final Definitions defs;
    private final DefinitionCatalog catalog;
    private final Map<String, SourceRef> sources = new HashMap<>();
    /** Every reason, axis result and item result a decision can hold is an immutable value: each is made once. */
    private final Map<String, Reason> reasons = new ConcurrentHashMap<>();
    private final Map<String, AxisResult> axisResults = new HashMap<>();
    private final List<ItemInfo> itemInfos = new ArrayList<>();
    /** Each axis's position in the definitions, for the trace's counts of axes. */
    private final Map<String, Integer> axisOrder = new HashMap<>();
    private final Clock clock;

    DecisionAssembler(Definitions defs, ItemTable items, Clock clock) {
        this.defs = defs;
        this.clock = clock;
        this.catalog = catalog(defs);
        Sheets.RiskSheet risk = defs.risk();
        risk.scope().forEach(r -> source(r.meta()));
        risk.combination().forEach(r -> source(r.meta()));
        risk.escalation().forEach(r -> source(r.meta()));
        for (Sheets.Checklist c : defs.checklists()) {
            c.applicability().forEach(r -> source(r.meta()));
            for (Sheets.Group g : c.groups()) {
                for (Sheets.Item i : g.items()) {
                    source(i.meta());
                    itemInfos.add(new ItemInfo(i.meta().id(), c.meta().id(), g.meta().id(), i.meta().source(),
                            c.obligations() ? i.duty() : null));
                }
            }
        }
        if (items.size() != itemInfos.size()) {
            throw new IllegalStateException("the compiled item table and the definitions disagree");
        }
        for (int i = 0; i < itemInfos.size(); i++) {
            if (!itemInfos.get(i).id.equals(items.id(i))) {
                throw new IllegalStateException("the compiled item table and the definitions disagree at " + i);
            }
        }
        for (Sheets.Axis axis : risk.axes()) {
            axisOrder.put(axis.meta().id(), axisOrder.size());
            for (Sheets.Option option : axis.options()) {
                SourceRef s = option.meta().source();
                axisResults.put(option.key(), new AxisResult(axis.meta().id(), option.meta().id(), option.level(),
                        new Reason(option.key(), Message.of(option.reasonKey()), new SourceRef(option.key(), s.file(),
                        s.line(), s.column(), s.provenance(), s.citation(), s.overlay()))));
            }
        }
    }


    private void source(Meta m) {
        sources.put(m.id(), m.source());
    }

    /** The definitions' structure (sheets, groups, items, axes) for reports. */
    DefinitionCatalog catalog() {
        return catalog;
    }

    /** Each axis's position in the definitions. */
    Map<String, Integer> axisOrder() {
        return axisOrder;
    }

    /**
     * The decision the rules reached: read from the facts a session ended with (the out-of-scope, classification,
     * escalation and axis-level facts), the items' statuses in the ledger, and the trace recorded.
     */
    Decision decision(ProjectProfile profile, Collection<?> facts, ItemLedger decided, List<TraceEvent> trace) {
        OutOfScope outOfScope = null;
        ClassificationFact classification = null;
        EscalationFact escalation = null;
        Map<String, AxisLevel> levels = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof AxisLevel x) {
                levels.put(x.getAxis(), x);
            } else if (o instanceof OutOfScope x) {
                outOfScope = x;
            } else if (o instanceof ClassificationFact x) {
                classification = x;
            } else if (o instanceof EscalationFact x) {
                escalation = x;
            }
        }

        Classification result;
        Reason classificationReason;
        Escalation esc;
        List<AxisResult> axes = new ArrayList<>(defs.risk().axes().size());
        if (outOfScope != null) {
            result = Classification.OUT_OF_SCOPE;
            classificationReason = reason(outOfScope.getRuleId());
            esc = new Escalation(false, List.of(classificationReason));
        } else {
            if (classification == null) {
                throw internal("problem.internal.no-classification");
            }
            for (Sheets.Axis axis : defs.risk().axes()) {
                AxisLevel l = levels.get(axis.meta().id());
                if (l == null) {
                    throw internal("problem.internal.no-level", axis.meta().id());
                }
                axes.add(axisResults.get(l.getRuleId()));
            }
            result = classification.getLevel().toClassification();
            classificationReason = reason(classification.getRuleId());
            if (escalation == null) {
                throw internal("problem.internal.no-escalation");
            }
            esc = new Escalation(escalation.isRequired(), List.of(reason(escalation.getRuleId()), classificationReason));
        }

        List<ItemResult> itemResults = new ArrayList<>(itemInfos.size());
        List<ObligationResult> obligationResults = new ArrayList<>();
        for (int i = 0; i < itemInfos.size(); i++) {
            ItemInfo info = itemInfos.get(i);
            ItemStatus status = decided.status(i);
            if (status == null) {
                throw internal("problem.internal.no-status", info.id);
            }
            if (info.duty == null) {
                itemResults.add(info.result(status, decided.ruleId(i), this));
            } else {
                obligationResults.add(info.obligation(status, decided.ruleId(i), this));
            }
        }
        java.time.Instant now = clock.instant();
        return new Decision(Decision.SCHEMA_VERSION, DecisionIds.next(now.toEpochMilli()), now, defs.ref(),
                DecisionJson.profileHash(profile), profile, result, classificationReason, axes, esc, itemResults,
                obligationResults, trace);
    }

    /**
     * An item or an obligation (which has a duty), in definition order, and the results it has been given so
     * far: a rule gives one status, so its result by a rule is always the same immutable value, made once.
     */
    private static final class ItemInfo {
        final String id;
        final String checklist;
        final String group;
        final SourceRef source;
        final Sheets.Duty duty;
        final Map<String, ItemResult> byRule = new ConcurrentHashMap<>();
        final Map<String, ObligationResult> obligationByRule = new ConcurrentHashMap<>();

        ItemInfo(String id, String checklist, String group, SourceRef source, Sheets.Duty duty) {
            this.id = id;
            this.checklist = checklist;
            this.group = group;
            this.source = source;
            this.duty = duty;
        }

        ItemResult result(ItemStatus status, String ruleId, DecisionAssembler engine) {
            ItemResult r = byRule.get(ruleId);
            if (r == null || r.status() != status) {
                r = new ItemResult(id, checklist, group, status, engine.reason(ruleId), source);
                byRule.put(ruleId, r);
            }
            return r;
        }

        ObligationResult obligation(ItemStatus status, String ruleId, DecisionAssembler engine) {
            ObligationResult r = obligationByRule.get(ruleId);
            if (r == null || r.status() != status) {
                r = new ObligationResult(id, checklist, group, status, duty.roles(), duty.timing(), engine.reason(ruleId),
                        source);
                obligationByRule.put(ruleId, r);
            }
            return r;
        }
    }

    /** The reason a rule gives: made once per rule, an immutable value shared by every decision. */
    Reason reason(String ruleId) {
        Reason r = reasons.get(ruleId);
        if (r == null) {
            r = new Reason(ruleId, Message.of(Rules.reasonKey(ruleId)), sources.get(ruleId));
            reasons.put(ruleId, r);
        }
        return r;
    }

    static GovernanceException internal(String key, Object... args) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.INTERNAL_EVALUATION_ERROR,
                Location.of("<evaluation>"), Message.of(key, args), Message.of("hint.internal"))));
    }

    private static DefinitionCatalog catalog(Definitions defs) {
        List<DefinitionCatalog.Axis> axes = defs.risk().axes().stream().map(a -> new DefinitionCatalog.Axis(a.meta().id(),
                a.options().stream().map(o -> new DefinitionCatalog.Option(o.meta().id(), o.level(), o.meta().source())).toList(),
                a.meta().source())).toList();
        List<DefinitionCatalog.Checklist> lists = defs.checklists().stream().filter(c -> !c.obligations())
                .map(c -> new DefinitionCatalog.Checklist(c.meta().id(), c.groups().stream().map(g -> new DefinitionCatalog.Group(
                        g.meta().id(), g.items().stream().map(i -> new DefinitionCatalog.Item(i.meta().id(), i.number(),
                        i.meta().source())).toList(), g.meta().source())).toList(), c.meta().source())).toList();
        List<DefinitionCatalog.ObligationSheet> duties = defs.checklists().stream().filter(Sheets.Checklist::obligations)
                .map(c -> new DefinitionCatalog.ObligationSheet(c.meta().id(), c.groups().stream().map(g ->
                        new DefinitionCatalog.ObligationGroup(g.meta().id(), g.items().stream().map(i ->
                        new DefinitionCatalog.Obligation(i.meta().id(), i.number(), i.duty().roles(), i.duty().timing(),
                        i.meta().source())).toList(), g.meta().source())).toList(), c.meta().source())).toList();
        return new DefinitionCatalog(axes, lists, duties);
    }
}
