package io.github.aigov.governance.bench;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import java.util.concurrent.TimeUnit;
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
 * (a) and (b): one warm assessment, with its full trace, of the v2.0 definitions; the engine through
 * the public API, and the floor in plain Java twice: the same public decision ({@link ReferenceDecider}),
 * and the decision logic alone ({@link ReferenceEvaluator}). Sample mode, so the result has percentiles;
 * the median is the figure to compare. Each call takes the next profile of a fixed rotating set.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class AssessmentBenchmark {

    @State(Scope.Benchmark)
    public static class Subject {
        GovernanceEngine engine;
        ReferenceEvaluator reference;
        ReferenceDecider decider;
        ProjectProfile[] profiles;

        @Setup(Level.Trial)
        public void setUp() {
            engine = Fixtures.engine();
            reference = ReferenceEvaluator.shipped(Fixtures.VERSION);
            decider = ReferenceDecider.shipped(Fixtures.VERSION);
            profiles = Fixtures.profiles();
            Fixtures.checkAgreement(engine, reference, profiles);
            Fixtures.warmUp(engine, reference, profiles);
            for (int i = 0; i < 200_000; i++) {
                decider.decide(profiles[i % profiles.length]);
            }
        }
    }

    /** Each thread's own position in the rotating set. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        ProjectProfile next(ProjectProfile[] profiles) {
            ProjectProfile p = profiles[next];
            next = next + 1 == profiles.length ? 0 : next + 1;
            return p;
        }
    }

    @Benchmark
    public Decision engine(Subject s, Cursor c) {
        return s.engine.assess(c.next(s.profiles));
    }

    /** The reference evaluator alone: the decision logic, no validation, no hash, no public {@code Decision}. */
    @Benchmark
    public ReferenceEvaluator.Outcome reference(Subject s, Cursor c) {
        return s.reference.evaluate(c.next(s.profiles));
    }

    /** The reference evaluator with the public API's contract around it: the same {@code Decision}, in plain Java. */
    @Benchmark
    public Decision referenceDecision(Subject s, Cursor c) {
        return s.decider.decide(c.next(s.profiles));
    }
}
