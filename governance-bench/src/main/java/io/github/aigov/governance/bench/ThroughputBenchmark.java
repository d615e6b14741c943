package io.github.aigov.governance.bench;

import io.github.aigov.governance.Decision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (d): assessments per millisecond with one and with two threads sharing one engine (and one
 * reference evaluator). JMH sums the threads' scores; with two cores, perfect scaling is 2x. On a
 * machine shared with other work, the two-thread figure is the first to suffer.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThroughputBenchmark {

    @Benchmark
    @Threads(1)
    public Decision engine1Thread(AssessmentBenchmark.Subject s, AssessmentBenchmark.Cursor c) {
        return s.engine.assess(c.next(s.profiles));
    }

    @Benchmark
    @Threads(2)
    public Decision engine2Threads(AssessmentBenchmark.Subject s, AssessmentBenchmark.Cursor c) {
        return s.engine.assess(c.next(s.profiles));
    }

    @Benchmark
    @Threads(1)
    public ReferenceEvaluator.Outcome reference1Thread(AssessmentBenchmark.Subject s, AssessmentBenchmark.Cursor c) {
        return s.reference.evaluate(c.next(s.profiles));
    }

    @Benchmark
    @Threads(2)
    public ReferenceEvaluator.Outcome reference2Threads(AssessmentBenchmark.Subject s, AssessmentBenchmark.Cursor c) {
        return s.reference.evaluate(c.next(s.profiles));
    }
}
