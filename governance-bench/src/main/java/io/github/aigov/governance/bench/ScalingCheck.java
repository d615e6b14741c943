package io.github.aigov.governance.bench;

import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-scaling check to read beside ThroughputBenchmark, whose two-thread figure a shared machine
 * can ruin: one engine, 1 then 2 threads (alternating, a few rounds, after a single-threaded
 * warm-up), reporting throughput, CPU time per assessment and how much of the time the workers were
 * on a CPU. Under 100% on CPU means the workers waited, for a lock or for a CPU taken by other work
 * (compare the load average printed alongside; a lock also shows in JFR as monitor or park events).
 * CPU per assessment rising with two threads means they slow each other down without waiting:
 * shared caches, memory bandwidth, or spinning.
 *
 * <pre>java -cp benchmarks.jar io.github.aigov.governance.bench.ScalingCheck [--rounds 3] [--seconds 4]</pre>
 */
public final class ScalingCheck {

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        int seconds = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ScalingCheck [--rounds N] [--seconds N]");
                    System.exit(2);
                }
            }
        }
        GovernanceEngine engine = Fixtures.engine();
        ReferenceEvaluator reference = ReferenceEvaluator.shipped(Fixtures.VERSION);
        ProjectProfile[] profiles = Fixtures.profiles();
        Fixtures.warmUp(engine, reference, profiles);
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                AtomicLong done = new AtomicLong();
                AtomicLong cpu = new AtomicLong();
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                Thread[] workers = new Thread[threads];
                for (int t = 0; t < threads; t++) {
                    int offset = t * 17;
                    workers[t] = new Thread(() -> {
                        long cpu0 = cpuClock.getCurrentThreadCpuTime();
                        long n = 0;
                        for (int i = offset; System.nanoTime() < end; i++) {
                            engine.assess(profiles[i % profiles.length]);
                            n++;
                        }
                        done.addAndGet(n);
                        cpu.addAndGet(cpuClock.getCurrentThreadCpuTime() - cpu0);
                    });
                    workers[t].start();
                }
                for (Thread w : workers) {
                    w.join();
                }
                double wall = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "round %d, %d thread(s): %6.2f assessments/ms, CPU %6.1f us/assessment,"
                        + " workers on CPU %3.0f%% of the time; load average %s%n", round, threads, done.get() / (wall * 1000),
                        cpu.get() / 1e3 / done.get(), 100.0 * cpu.get() / 1e9 / wall / threads,
                        Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
    }
}
