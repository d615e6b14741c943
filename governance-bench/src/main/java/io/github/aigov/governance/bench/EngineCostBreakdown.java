package io.github.aigov.governance.bench;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.compile.CompiledRules;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.engine.ProfileChecker;
import io.github.aigov.governance.rules.internal.facts.AxisAnswer;
import io.github.aigov.governance.rules.internal.facts.ItemLedger;
import io.github.aigov.governance.rules.internal.facts.ProfileFact;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.ProfileReader;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Sheets;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a warm assessment's time goes: the steps of {@code DroolsEngine.assess}, each measured
 * alone, on the same rotating profiles. The steps are re-enacted here from the engine's internal
 * parts (as of this commit): if the engine changes, this must follow. What the sum of the steps does
 * not explain is {@code DroolsEngine.decide}: building the public {@code Decision} from the facts.
 *
 * <ul>
 *   <li>{@link #validation}: the profile's field constraints (Hibernate Validator) and axis answers;</li>
 *   <li>{@link #sessionOnly}: taking a {@code KieSession} from the pool and giving it back (reset);</li>
 *   <li>{@link #rules}: a session, the facts inserted, every rule fired, the facts read back;</li>
 *   <li>{@link #rulesWithTrace}: the same with a listener that records what the engine's
 *       {@code TraceRecorder} records (the matched facts as text);</li>
 *   <li>{@link #rulesWithoutItemPhase}: a what-if, the same without the item phase;</li>
 *   <li>{@link #profileHash}: SHA-256 of the profile's canonical JSON (Jackson);</li>
 *   <li>{@link #decisionId}: a random UUID as text;</li>
 *   <li>{@link #referenceWithEnvelope}: the reference evaluator plus the engine's per-call envelope
 *       (validation, profile hash, decision id): a floor for any engine with the public API's contract.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineCostBreakdown {
    private static final int MAX_FIRINGS = 100_000;

    @State(Scope.Benchmark)
    public static class Parts {
        Definitions defs;
        CompiledRules compiled;
        ReferenceEvaluator reference;
        ProjectProfile[] profiles;

        @Setup(Level.Trial)
        public void setUp() {
            defs = new DefinitionLoader(InputLimits.DEFAULT).loadShipped(Fixtures.VERSION);
            compiled = new RuleCompiler().compile(defs);
            reference = new ReferenceEvaluator(defs);
            profiles = Fixtures.profiles();
        }
    }

    /**
     * The parts, with the rule session warmed up as {@link Fixtures#warmUp} warms the engine: the
     * JIT needs tens of thousands of sessions before the rule evaluation reaches steady state.
     */
    @State(Scope.Benchmark)
    public static class WarmParts extends Parts {
        /** The same generated rules without the item phase: a what-if, see {@link #rulesWithoutItemPhase}. */
        KieSessionsPool withoutItems;
        /** Sessions as the engine takes them: from a pool, which keeps their node memories between assessments. */
        KieSessionsPool sessions;

        @Setup(Level.Trial)
        public void warmUp() {
            sessions = compiled.kieBase().newKieSessionsPool(1);
            withoutItems = withoutItemPhase(compiled.drl()).newKieSessionsPool(1);
            for (int i = 0; i < 30_000; i++) {
                run(this, sessions, profiles[i % profiles.length], new TraceLikeListener(), true);
                run(this, withoutItems, profiles[i % profiles.length], new TraceLikeListener(), false);
            }
        }
    }

    /** The generated DRL without its {@code applicability:} and {@code scope-items:} rules, compiled. */
    static KieBase withoutItemPhase(String drl) {
        String pruned = ITEM_RULE.matcher(drl).replaceAll("");
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, EngineCostBreakdown.class.getClassLoader()));
        kb.add(ResourceFactory.newByteArrayResource(pruned.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (kb.hasErrors()) {
            throw new IllegalStateException(kb.getErrors().toString());
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(kb.getKnowledgePackages());
        return base;
    }

    private static final Pattern ITEM_RULE = Pattern.compile(
            "rule \"(applicability|scope-items):[^\"]*\"[^\n]*\n(?:(?!\nend\n).)*\nend\n", Pattern.DOTALL);

    /** Records what the engine's trace recorder records: each firing's rule and matched facts as text. */
    static final class TraceLikeListener extends DefaultAgendaEventListener {
        final List<Object> events = new ArrayList<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            List<String> facts = new ArrayList<>();
            for (Object o : event.getMatch().getObjects()) {
                if (o != null) {
                    facts.add(o instanceof Number n ? "count=" + n : o.toString());
                }
            }
            events.add(List.of(name, List.copyOf(facts)));
        }
    }

    @Benchmark
    public Problems validation(Parts s, AssessmentBenchmark.Cursor c) {
        ProjectProfile p = c.next(s.profiles);
        Problems problems = new Problems();
        ProfileChecker.constraints(p, ProfileReader.locator(p), problems);
        ProfileChecker.axes(p, s.defs.risk().axes(), ProfileReader.locator(p), problems);
        return problems;
    }

    @Benchmark
    public KieSession sessionOnly(WarmParts s) {
        KieSession session = s.sessions.newKieSession();
        session.dispose();
        return session;
    }

    @Benchmark
    public List<Object> rules(WarmParts s, AssessmentBenchmark.Cursor c) {
        return run(s, s.sessions, c.next(s.profiles), null, true);
    }

    @Benchmark
    public List<Object> rulesWithTrace(WarmParts s, AssessmentBenchmark.Cursor c) {
        return run(s, s.sessions, c.next(s.profiles), new TraceLikeListener(), true);
    }

    /**
     * A what-if, not an engine: {@link #rulesWithTrace} with the item phase taken out (the
     * applicability and scope-items rules, and the items' ledger). The difference is what deciding
     * the items costs (one firing per applicability rule that holds while an item it names is undecided), and
     * so the most a different design of that phase could save.
     */
    @Benchmark
    public List<Object> rulesWithoutItemPhase(WarmParts s, AssessmentBenchmark.Cursor c) {
        return run(s, s.withoutItems, c.next(s.profiles), new TraceLikeListener(), false);
    }

    @Benchmark
    public String profileHash(Parts s, AssessmentBenchmark.Cursor c) {
        return DecisionJson.profileHash(c.next(s.profiles));
    }

    @Benchmark
    public String decisionId() {
        return UUID.randomUUID().toString();
    }

    @Benchmark
    public Object referenceWithEnvelope(Parts s, AssessmentBenchmark.Cursor c) {
        ProjectProfile p = c.next(s.profiles);
        Problems problems = new Problems();
        ProfileChecker.constraints(p, ProfileReader.locator(p), problems);
        ProfileChecker.axes(p, s.defs.risk().axes(), ProfileReader.locator(p), problems);
        problems.throwIfErrors();
        return List.of(s.reference.evaluate(p), DecisionJson.profileHash(p), UUID.randomUUID().toString());
    }

    /** As {@code DroolsEngine.assess} runs the rules. */
    private static List<Object> run(Parts s, KieSessionsPool pool, ProjectProfile profile, TraceLikeListener trace,
                                    boolean items) {
        KieSession session = pool.newKieSession();
        try {
            if (trace != null) {
                session.addEventListener(trace);
            }
            session.insert(new ProfileFact(profile.scope().textGeneration(), profile.scope().specifiedSecrets(),
                    profile.procurement().vendorTrainsModel(), profile.procurement().form().name()));
            for (Sheets.Axis axis : s.defs.risk().axes()) {
                session.insert(new AxisAnswer(axis.meta().id(), profile.axes().get(axis.meta().id())));
            }
            if (items) {
                session.insert(new ItemLedger(s.compiled.items()));
            }
            session.fireAllRules(MAX_FIRINGS);
            return new ArrayList<>(session.getObjects());
        } finally {
            if (trace != null) {
                session.removeEventListener(trace);
            }
            session.dispose();
        }
    }
}
