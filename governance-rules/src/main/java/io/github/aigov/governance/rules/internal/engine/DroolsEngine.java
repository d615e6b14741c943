package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.compile.CompiledRules;
import io.github.aigov.governance.rules.internal.facts.AxisAnswer;
import io.github.aigov.governance.rules.internal.facts.ItemLedger;
import io.github.aigov.governance.rules.internal.facts.ProfileFact;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Sheets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import static io.github.aigov.governance.rules.internal.engine.DecisionAssembler.internal;

/**
 * The engine over one compiled definition set: it runs the rule sessions. Immutable and thread-safe: the
 * rule base is shared; each assessment has a session of its own for as long as it runs, taken from Drools'
 * session pool and given back reset (its facts gone, its node memories kept for the next: cheaper than a
 * new session). The pool grows to the number of assessments running at once. What a session ends with
 * becomes the public {@link Decision} in {@link DecisionAssembler}.
 */
public final class DroolsEngine implements GovernanceEngine {
    /** More firings than any definition set can need: a guard against a defect looping. */
    private static final int MAX_FIRINGS = 100_000;

    private final CompiledRules compiled;
    private final Definitions defs;
    private final Texts texts;
    private final KieSessionsPool sessions;
    private final DecisionAssembler assembler;

    public DroolsEngine(CompiledRules compiled, Clock clock) {
        this.compiled = compiled;
        this.defs = compiled.definitions();
        this.texts = new Texts(defs);
        this.sessions = compiled.kieBase().newKieSessionsPool(1);
        this.assembler = new DecisionAssembler(defs, compiled.items(), clock);
    }

    @Override
    public Decision assess(ProjectProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is null");
        }
        ProfileChecker.beforeAssessment(profile, defs.risk().axes());

        TraceRecorder trace = new TraceRecorder(compiled.rules(), assembler.axisOrder());
        ItemLedger items = new ItemLedger(compiled.items());
        KieSession session = sessions.newKieSession();
        Collection<?> facts;
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
        return assembler.decision(profile, facts, items, trace.events());
    }

    @Override
    public DefinitionsRef definitions() {
        return defs.ref();
    }

    @Override
    public DefinitionCatalog catalog() {
        return assembler.catalog();
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
    public List<Crosswalk> crosswalks() {
        return defs.crosswalks();
    }

    @Override
    public List<Problem> warnings() {
        return defs.warnings();
    }

}
