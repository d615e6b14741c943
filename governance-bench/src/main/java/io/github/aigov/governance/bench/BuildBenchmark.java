package io.github.aigov.governance.bench;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.rules.RuleSets;
import io.github.aigov.governance.rules.model.Definitions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c): building an engine from the shipped v2.0 YAML, {@code Governance.builder().guidelineVersion("2.0").build()}.
 *
 * <ul>
 *   <li>{@link #buildWarm}: in a JVM that has already built engines (single shots after warm-up
 *       builds): what a long-running service pays to reload its definitions.</li>
 *   <li>{@link #buildCold}: the first build in a fresh JVM, one shot per fork, many forks: what a
 *       command-line run or a service's start pays, class loading and the JIT's cold start
 *       included. The JVM's own start is not included (JMH times the call only).</li>
 *   <li>{@link #loadDefinitionsWarm}: only reading and checking the YAML ({@code RuleSets.loadShipped}), so the rest of a build is the DRL generation and the rule base
 *       (the shipped set's rules compiled at build time, read back).</li>
 *   <li>{@link #buildWarmCompilingRules} and {@link #buildColdCompilingRules}: the same set with its
 *       DRL compiled by Drools on the spot, as an engine over any set whose rules differ from the
 *       shipped ones' (an overlay) is built, and as every engine was before the shipped rules were
 *       compiled at build time.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {

    @Benchmark
    @Warmup(iterations = 8)
    @Measurement(iterations = 12)
    @Fork(1)
    public GovernanceEngine buildWarm() {
        return Governance.builder().guidelineVersion(Fixtures.VERSION).build();
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public GovernanceEngine buildCold() {
        return Governance.builder().guidelineVersion(Fixtures.VERSION).build();
    }

    @Benchmark
    @Warmup(iterations = 8)
    @Measurement(iterations = 12)
    @Fork(1)
    public GovernanceEngine buildWarmCompilingRules() {
        return compilingRules();
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public GovernanceEngine buildColdCompilingRules() {
        return compilingRules();
    }

    private static GovernanceEngine compilingRules() {
        return RuleSets.engineCompilingRules(RuleSets.loadShipped(Fixtures.VERSION));
    }

    @Benchmark
    @Warmup(iterations = 8)
    @Measurement(iterations = 12)
    @Fork(1)
    public Definitions loadDefinitionsWarm() {
        return RuleSets.loadShipped(Fixtures.VERSION);
    }
}
