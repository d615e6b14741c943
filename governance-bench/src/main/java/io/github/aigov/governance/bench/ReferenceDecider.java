package io.github.aigov.governance.bench;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Escalation;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.rules.RuleSets;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Meta;
import io.github.aigov.governance.rules.model.Rules;
import io.github.aigov.governance.rules.model.Sheets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference evaluator with the public API's whole contract around it, in plain Java: the floor
 * for "a warm assessment with its full trace, through the public API". It does what
 * {@code GovernanceEngine.assess} does, everything but the rule engine:
 *
 * <ol>
 *   <li>checks the profile as the engine does (Jakarta Validation of a profile built in code, then
 *       every axis answered with a known option), with the same problems;</li>
 *   <li>decides with {@link ReferenceEvaluator};</li>
 *   <li>builds the same public {@link Decision}: a random id, the time, the definitions' reference,
 *       the profile's SHA-256, the classification and every axis, escalation, item and obligation result
 *       with its reason and source, and a trace event per firing with the facts it rests on as text.</li>
 * </ol>
 *
 * <p>The decision equals the engine's but for the id, the time, and the trace events' facts: the
 * engine lists what each Drools match held, this lists, in the same notation, the facts the step's
 * kind rests on (the answer for a level, every axis level for a combination, the classification for
 * an escalation or an item). {@code ReferenceAgreementTest} checks the rest over the whole answer
 * space. Immutable values that do not depend on the profile (reasons, axis and item results) are made
 * once, as the engine makes them once.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ReferenceDecider {
    private final ReferenceEvaluator evaluator;
    private final Definitions defs;
    private final Clock clock;
    private final Map<String, Reason> reasons = new HashMap<>();
    private final Map<String, SourceRef> sources = new HashMap<>();
    private final Map<String, AxisResult> axisResults = new HashMap<>();
    private final Map<String, ItemResult> itemResults = new HashMap<>();
    private final Map<String, ObligationResult> obligationResults = new HashMap<>();
    private final Map<String, TraceFact> itemFacts = new HashMap<>();

    /** The decider of a shipped DS-920 version, read with the engine's loader. */
    public static ReferenceDecider shipped(String version) {
        return new ReferenceDecider(RuleSets.loadShipped(version), Clock.systemUTC());
    }

    public ReferenceDecider(Definitions defs, Clock clock) {
        this.defs = defs;
        this.clock = clock;
        this.evaluator = new ReferenceEvaluator(defs);
        Sheets.RiskSheet risk = defs.risk();
        risk.scope().forEach(r -> rule("scope:", r.meta()));
        risk.combination().forEach(r -> rule("combination:", r.meta()));
        risk.escalation().forEach(r -> rule("escalation:", r.meta()));
        for (Sheets.Axis axis : risk.axes()) {
            for (Sheets.Option o : axis.options()) {
                SourceRef s = o.meta().source();
                SourceRef keyed = new SourceRef(o.key(), s.file(), s.line(), s.column(), s.provenance(), s.citation(),
                        s.overlay());
                sources.put("level:" + o.key(), keyed);
                axisResults.put(axis.meta().id() + "=" + o.meta().id(), new AxisResult(axis.meta().id(), o.meta().id(),
                        o.level(), new Reason(o.key(), Message.of(o.reasonKey()), keyed)));
            }
        }
        risk.scope().forEach(r -> sources.put("scope-items:" + r.meta().id(), r.meta().source()));
        // Every result an item (or obligation) can have: not applicable by any scope rule, or the status of any
        // applicability rule of its sheet.
        for (Sheets.Checklist c : defs.checklists()) {
            c.applicability().forEach(r -> rule(c.obligations() ? "obligation:" : "applicability:", r.meta()));
            for (Sheets.Group g : c.groups()) {
                for (Sheets.Item item : g.items()) {
                    String id = item.meta().id();
                    itemFacts.put(id, c.obligations() ? TraceFact.obligation(id) : TraceFact.item(id));
                    for (var r : risk.scope()) {
                        result(c, g, item, ItemStatus.NOT_APPLICABLE, r.meta().id());
                    }
                    for (var r : c.applicability()) {
                        result(c, g, item, r.status(), r.meta().id());
                    }
                }
            }
        }
    }

    private void result(Sheets.Checklist c, Sheets.Group g, Sheets.Item item, ItemStatus status, String ruleId) {
        String id = item.meta().id();
        if (c.obligations()) {
            obligationResults.put(id + "=" + ruleId, new ObligationResult(id, c.meta().id(), g.meta().id(), status,
                    item.duty().roles(), item.duty().timing(), reasons.get(ruleId), item.meta().source()));
        } else {
            itemResults.put(id + "=" + ruleId, new ItemResult(id, c.meta().id(), g.meta().id(), status, reasons.get(ruleId),
                    item.meta().source()));
        }
    }

    private void rule(String prefix, Meta m) {
        reasons.put(m.id(), new Reason(m.id(), Message.of(Rules.reasonKey(m.id())), m.source()));
        sources.put(prefix + m.id(), m.source());
    }

    /** A decision, as {@code GovernanceEngine.assess} makes it; refuses what the engine refuses. */
    public Decision decide(ProjectProfile profile) {
        RuleSets.checkProfile(profile, defs);

        ReferenceEvaluator.Outcome o = evaluator.evaluate(profile);
        boolean inScope = o.classification() != Classification.OUT_OF_SCOPE;
        Reason classificationReason = reasons.get(o.classificationRule());
        List<AxisResult> axes = new ArrayList<>(4);
        List<TraceFact> levelFacts = new ArrayList<>(4);
        if (inScope) {
            for (Sheets.Axis axis : defs.risk().axes()) {
                AxisResult a = axisResults.get(axis.meta().id() + "=" + profile.axes().get(axis.meta().id()));
                axes.add(a);
                levelFacts.add(TraceFact.axisLevel(a.axis(), a.option(), a.level()));
            }
        }
        Escalation escalation = inScope
                ? new Escalation(o.escalationRequired(), List.of(reasons.get(o.escalationRule()), classificationReason))
                : new Escalation(false, List.of(classificationReason));

        List<ItemResult> items = new ArrayList<>(o.items().size());
        List<ObligationResult> obligations = new ArrayList<>();
        for (ReferenceEvaluator.ItemOutcome i : o.items()) {
            ObligationResult duty = obligationResults.get(i.itemId() + "=" + i.ruleId());
            if (duty != null) {
                if (duty.status() != i.status()) {
                    throw new IllegalStateException("no rule " + i.ruleId() + " gives " + i.itemId() + " " + i.status());
                }
                obligations.add(duty);
            } else {
                items.add(itemResult(i));
            }
        }

        TraceFact decided = inScope
                ? TraceFact.classification(RiskLevel.valueOf(o.classification().name()), o.classificationRule())
                : TraceFact.outOfScope(o.classificationRule());
        List<TraceEvent> trace = new ArrayList<>(o.trace().size());
        for (ReferenceEvaluator.Step s : o.trace()) {
            List<TraceFact> facts = switch (s.phase()) {
                case "scope" -> List.of(TraceFact.profile(profile.scope().textGeneration(), profile.scope().specifiedSecrets(),
                        profile.procurement().vendorTrainsModel(), profile.procurement().form().name()));
                case "level" -> List.of(TraceFact.axisAnswer(s.outcome().substring(0, s.outcome().indexOf('=')),
                        profile.axes().get(s.outcome().substring(0, s.outcome().indexOf('=')))));
                case "combination" -> levelFacts;
                case "escalation" -> List.of(decided);
                default -> List.of(decided, itemFact(s.outcome()));
            };
            trace.add(new TraceEvent(trace.size() + 1, s.rule(), s.phase(), s.definitionId(), facts, s.outcome(),
                    sources.get(s.rule())));
        }
        return new Decision(Decision.SCHEMA_VERSION, UUID.randomUUID().toString(), clock.instant(), defs.ref(),
                RuleSets.profileHash(profile), profile, o.classification(), classificationReason, axes, escalation,
                items, obligations, trace);
    }

    private ItemResult itemResult(ReferenceEvaluator.ItemOutcome i) {
        ItemResult r = itemResults.get(i.itemId() + "=" + i.ruleId());
        if (r == null || r.status() != i.status()) {
            throw new IllegalStateException("no rule " + i.ruleId() + " gives " + i.itemId() + " " + i.status());
        }
        return r;
    }

    private TraceFact itemFact(String outcome) {
        String id = outcome.substring(0, outcome.indexOf('='));
        TraceFact t = itemFacts.get(id);
        if (t == null) {
            throw new IllegalStateException("no item " + id);
        }
        return t;
    }
}
