package io.github.aigov.governance.bench;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.TraceEvent;
import java.util.List;

/** What every benchmark measures on: the full v2.0 definitions and a fixed, rotating set of profiles. */
final class Fixtures {
    /** The definitions measured: the latest shipped, with its board-report sheet (32 items). */
    static final String VERSION = "2.0";
    /** The seed of the rotating profiles: always the same set. */
    static final long SEED = 20_260_612L;
    /**
     * How many profiles rotate: enough that branch predictors and caches do not learn one answer,
     * few enough to stay in cache. Drawn from the synthetic inventory, so the mix is realistic
     * (mostly LOW and MEDIUM, some HIGH, a few out of scope).
     */
    static final int PROFILES = 64;

    private Fixtures() {
    }

    static GovernanceEngine engine() {
        return Governance.builder().guidelineVersion(VERSION).build();
    }

    static ProjectProfile[] profiles() {
        return InventoryGenerator.validProfiles(SEED, PROFILES);
    }

    /**
     * Single-threaded warm-up before JMH's own: the engine needs some 20,000 to 30,000 assessments
     * (about 10 s of one core, and 15 s of JIT compiler time) to reach steady state. With two benchmark threads on two cores the
     * JIT's compiler threads compete with the workers and the warm-up stretches past JMH's warm-up
     * iterations (measured: still at a third of steady-state throughput after 24 s), so the
     * two-thread figure would measure the JIT rather than the engine.
     */
    static void warmUp(GovernanceEngine engine, ReferenceEvaluator reference, ProjectProfile[] profiles) {
        for (int i = 0; i < 30_000; i++) {
            engine.assess(profiles[i % profiles.length]);
        }
        for (int i = 0; i < 2_000_000; i++) {
            reference.evaluate(profiles[i % profiles.length]);
        }
    }

    /** Refuses to measure two things that do not decide the same. */
    static void checkAgreement(GovernanceEngine engine, ReferenceEvaluator reference, ProjectProfile[] profiles) {
        for (ProjectProfile p : profiles) {
            Decision d = engine.assess(p);
            ReferenceEvaluator.Outcome r = reference.evaluate(p);
            List<String> engineRules = d.trace().stream().map(TraceEvent::rule).sorted().toList();
            List<String> referenceRules = r.trace().stream().map(ReferenceEvaluator.Step::rule).sorted().toList();
            if (d.classification() != r.classification() || d.escalation().required() != r.escalationRequired()
                    || !engineRules.equals(referenceRules) || d.items().size() + d.obligations().size() != r.items().size()) {
                throw new IllegalStateException("engine and reference disagree on " + p.id());
            }
        }
    }
}
