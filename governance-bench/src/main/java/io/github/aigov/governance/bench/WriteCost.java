package io.github.aigov.governance.bench;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.RuleSets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What writing a decision as a JSON line costs: Jackson databind (as {@code assess-batch} wrote until
 * the streaming writer) against {@code DecisionLineWriter} (as it writes now), in one run, on the same
 * decisions. Each profile of a synthetic inventory is assessed, as a batch worker does, and the fresh
 * decision is written at once by one writer or the other, in alternate rounds; only the write is timed
 * (and, apart, the assessment, to put the write in proportion).
 *
 * <pre>
 * mvn -q -B -o -DskipTests package -pl governance-bench -am
 * java -cp governance-bench/target/benchmarks.jar io.github.aigov.governance.bench.WriteCost [seconds, default 60]
 * </pre>
 *
 * <p>A plain loop, not JMH: the figure wanted is per decision as a batch writes it, each right after its
 * assessment (which leaves the CPU caches to the engine), not a write in a tight loop on a warm cache.
 */
public final class WriteCost {
    private static final int PROFILES = 10_000;
    private static final int ROUND = 1_000;

    private WriteCost() {
    }

    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        GovernanceEngine engine = Governance.builder().build();
        ProjectProfile[] profiles = InventoryGenerator.validProfiles(Fixtures.SEED, PROFILES);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ByteArrayOutputStream reference = new ByteArrayOutputStream(64 * 1024);

        // Warm up both, and refuse to measure two writers that do not write the same bytes.
        long warmUntil = System.nanoTime() + seconds * 1_000_000_000L / 4;
        for (int i = 0; System.nanoTime() < warmUntil || i < 2 * PROFILES; i++) {
            Decision d = engine.assess(profiles[i % PROFILES]);
            out.reset();
            reference.reset();
            Governance.writeJsonLine(d, out);
            RuleSets.writeJsonLineByDatabind(d, reference);
            if (!Arrays.equals(out.toByteArray(), reference.toByteArray())) {
                throw new IllegalStateException("the writers differ on " + d.profile().id());
            }
        }

        int capacity = (int) Math.min(50_000_000, seconds * 20_000); // more than a decision every 50 us
        long[][] write = {new long[capacity], new long[capacity]};
        int[] n = new int[2];
        long assessNanos = 0;
        long assessed = 0;
        long bytes = 0;
        long until = System.nanoTime() + seconds * 1_000_000_000L * 3 / 4;
        int next = 0;
        for (int round = 0; System.nanoTime() < until; round++) {
            int mode = round % 2; // 0 databind, 1 streaming
            for (int k = 0; k < ROUND && n[mode] < capacity; k++) {
                ProjectProfile p = profiles[next++ % PROFILES];
                long a = System.nanoTime();
                Decision d = engine.assess(p);
                long b = System.nanoTime();
                out.reset();
                if (mode == 0) {
                    RuleSets.writeJsonLineByDatabind(d, out);
                } else {
                    Governance.writeJsonLine(d, out);
                }
                long c = System.nanoTime();
                assessNanos += b - a;
                assessed++;
                bytes += out.size();
                write[mode][n[mode]++] = c - b;
            }
        }

        double assessMean = assessNanos / 1000.0 / assessed;
        System.out.printf(Locale.ROOT, "%d decisions of %d profiles (seed %d), %.1f KB a line on average; assessing: mean %.1f us%n",
                assessed, PROFILES, Fixtures.SEED, bytes / 1024.0 / assessed, assessMean);
        System.out.printf(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s  %s%n", "write", "n", "mean us", "p50 us", "p90 us", "p99 us",
                "share of assess + write");
        double[] mean = new double[2];
        double[] p50 = new double[2];
        for (int mode = 0; mode < 2; mode++) {
            long[] t = Arrays.copyOf(write[mode], n[mode]);
            Arrays.sort(t);
            mean[mode] = Arrays.stream(t).sum() / 1000.0 / t.length;
            p50[mode] = t[t.length / 2] / 1000.0;
            System.out.printf(Locale.ROOT, "%-10s %9d %9.2f %9.2f %9.2f %9.2f  %.0f%%%n", mode == 0 ? "databind" : "streaming", t.length,
                    mean[mode], p50[mode], t[(int) (t.length * 0.9)] / 1000.0, t[(int) (t.length * 0.99)] / 1000.0,
                    100 * mean[mode] / (mean[mode] + assessMean));
        }
        System.out.printf(Locale.ROOT, "databind / streaming: %.1fx (mean), %.1fx (p50)%n", mean[0] / mean[1], p50[0] / p50[1]);

        // For comparison only: the same 64 decisions written over and over, nothing else running between
        // writes, so everything either writer reads stays in the CPU's caches. Not what a batch sees.
        Decision[] hot = new Decision[64];
        for (int i = 0; i < hot.length; i++) {
            hot[i] = engine.assess(profiles[i]);
        }
        double[] loop = new double[2];
        for (int round = 0; round < 6; round++) {
            int mode = round % 2;
            long start = System.nanoTime();
            for (int k = 0; k < 20_000; k++) {
                out.reset();
                if (mode == 0) {
                    RuleSets.writeJsonLineByDatabind(hot[k & 63], out);
                } else {
                    Governance.writeJsonLine(hot[k & 63], out);
                }
            }
            loop[mode] = (System.nanoTime() - start) / 1000.0 / 20_000; // the last rounds count: warmest
        }
        System.out.printf(Locale.ROOT, "in a tight loop on 64 decisions: databind %.2f us, streaming %.2f us, %.1fx%n",
                loop[0], loop[1], loop[0] / loop[1]);
    }
}
