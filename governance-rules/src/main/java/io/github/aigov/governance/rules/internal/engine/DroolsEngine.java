package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Escalation;
import io.github.aigov.governance.GovernanceEngine;
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
import io.github.aigov.governance.rules.internal.compile.CompiledRules;
import io.github.aigov.governance.rules.internal.facts.AxisAnswer;
import io.github.aigov.governance.rules.internal.facts.AxisLevel;
import io.github.aigov.governance.rules.internal.facts.ClassificationFact;
import io.github.aigov.governance.rules.internal.facts.EscalationFact;
import io.github.aigov.governance.rules.internal.facts.ItemLedger;
import io.github.aigov.governance.rules.internal.facts.OutOfScope;
import io.github.aigov.governance.rules.internal.facts.ProfileFact;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Meta;
import io.github.aigov.governance.rules.internal.model.Sheets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The engine over one compiled definition set. Immutable and thread-safe: the rule base is shared;
 * each assessment has a session of its own for as long as it runs, taken from Drools' session pool and
 * given back reset (its facts gone, its node memories kept for the next: cheaper than a new session).
 * The pool grows to the number of assessments running at once.
 */
public final class DroolsEngine implements GovernanceEngine {
    /** More firings than any definition set can need: a guard against a defect looping. */
    private static final int MAX_FIRINGS = 100_000;

    private final CompiledRules compiled;
    private final Definitions defs;
    private final Texts texts;
    private final DefinitionCatalog catalog;
    private final Map<String, SourceRef> sources = new HashMap<>();
    /** Every reason, axis result and item result a decision can hold is an immutable value: each is made once. */
    private final Map<String, Reason> reasons = new ConcurrentHashMap<>();
    private final Map<String, AxisResult> axisResults = new HashMap<>();
    private final List<ItemInfo> itemInfos = new ArrayList<>();
    private final Clock clock;
    private final KieSessionsPool sessions;

    public DroolsEngine(CompiledRules compiled, Clock clock) {
        this.compiled = compiled;
        this.defs = compiled.definitions();
        this.texts = new Texts(defs);
        this.clock = clock;
        this.sessions = compiled.kieBase().newKieSessionsPool(1);
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
        if (compiled.items().size() != itemInfos.size()) {
            throw new IllegalStateException("the compiled item table and the definitions disagree");
        }
        for (int i = 0; i < itemInfos.size(); i++) {
            if (!itemInfos.get(i).id.equals(compiled.items().id(i))) {
                throw new IllegalStateException("the compiled item table and the definitions disagree at " + i);
            }
        }
        for (Sheets.Axis axis : risk.axes()) {
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

    @Override
    public Decision assess(ProjectProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is null");
        }
        ProfileChecker.beforeAssessment(profile, defs.risk().axes());

        TraceRecorder trace = new TraceRecorder(compiled.rules());
        ItemLedger items = new ItemLedger(compiled.items());
        KieSession session = sessions.newKieSession();
        List<Object> facts;
        try {
            session.addEventListener(trace);
            session.insert(new ProfileFact(profile.scope().textGeneration(), profile.scope().specifiedSecrets(),
                    profile.procurement().vendorTrainsModel(), profile.procurement().form().name()));
            for (Sheets.Axis axis : defs.risk().axes()) {
                session.insert(new AxisAnswer(axis.meta().id(), profile.axes().get(axis.meta().id())));
            }
            session.insert(items);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw internal("problem.internal.runaway", MAX_FIRINGS);
            }
            if (trace.idleItemRule() != null) {
                throw internal("problem.internal.idle-item-rule", trace.idleItemRule());
            }
            facts = new ArrayList<>(session.getObjects());
        } finally {
            session.removeEventListener(trace);
            session.dispose();
        }
        return decide(profile, facts, items, trace);
    }

    private Decision decide(ProjectProfile profile, List<Object> facts, ItemLedger decided, TraceRecorder trace) {
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
                obligationResults, trace.events());
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

        ItemResult result(ItemStatus status, String ruleId, DroolsEngine engine) {
            ItemResult r = byRule.get(ruleId);
            if (r == null || r.status() != status) {
                r = new ItemResult(id, checklist, group, status, engine.reason(ruleId), source);
                byRule.put(ruleId, r);
            }
            return r;
        }

        ObligationResult obligation(ItemStatus status, String ruleId, DroolsEngine engine) {
            ObligationResult r = obligationByRule.get(ruleId);
            if (r == null || r.status() != status) {
                r = new ObligationResult(id, checklist, group, status, duty.roles(), duty.timing(), engine.reason(ruleId),
                        source);
                obligationByRule.put(ruleId, r);
            }
            return r;
        }
    }

    private Reason reason(String ruleId) {
        Reason r = reasons.get(ruleId);
        if (r == null) {
            r = new Reason(ruleId, Message.of(ruleId + ".reason"), sources.get(ruleId));
            reasons.put(ruleId, r);
        }
        return r;
    }

    private static GovernanceException internal(String key, Object... args) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.INTERNAL_EVALUATION_ERROR,
                Location.of("<evaluation>"), Message.of(key, args), Message.of("hint.internal"))));
    }

    @Override
    public DefinitionsRef definitions() {
        return defs.ref();
    }

    @Override
    public DefinitionCatalog catalog() {
        return catalog;
    }

    @Override
    public java.util.Optional<io.github.aigov.governance.Questionnaire> questionnaire() {
        return java.util.Optional.ofNullable(defs.questionnaire());
    }

    @Override
    public String render(Message message, Locale locale) {
        return texts.render(message, locale);
    }

    /** The checked definitions this engine was compiled from. */
    public Definitions model() {
        return defs;
    }

    /** The generated rules, for audit and debugging. */
    public String drl() {
        return compiled.drl();
    }

    @Override
    public List<Problem> warnings() {
        return defs.warnings();
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
