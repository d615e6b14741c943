package io.github.aigov.governance.bench;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The memory check: assesses a million profiles (by default) on one engine and prints, every
 * {@code --every} assessments, the heap in use after a full collection, the non-heap in use
 * (metaspace: generated classes would show here), the classes loaded, and the bytes allocated per
 * assessment since the last line. The figure that matters is the heap after GC: flat from the first
 * line to the last means no growth across the run.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks.jar io.github.aigov.governance.bench.SoakHarness \
 *     [--count 1000000] [--every 100000] [--version 2.0] [--seed N] [--parse]
 * </pre>
 *
 * <p>Profiles rotate through 4,096 generated ones. With {@code --parse}, each is parsed from its JSON
 * text before it is assessed, as a batch run over files does (and so the reader's memory of where
 * each field was written is exercised too); slower.
 *
 * <p>Not a unit test: it takes minutes. Single-threaded, so the per-assessment allocation is exact
 * (the JVM counts this thread's allocations).
 */
public final class SoakHarness {
    private static final int ROTATING = 4_096;

    public static void main(String[] args) {
        long count = 1_000_000;
        long every = 100_000;
        String version = Fixtures.VERSION;
        long seed = Fixtures.SEED;
        boolean parse = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Long.parseLong(args[++i]);
                case "--every" -> every = Long.parseLong(args[++i]);
                case "--version" -> version = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--parse" -> parse = true;
                default -> {
                    System.err.println("usage: SoakHarness [--count N] [--every N] [--version V] [--seed N] [--parse]");
                    System.exit(2);
                }
            }
        }

        GovernanceEngine engine = Governance.builder().guidelineVersion(version).build();
        ProjectProfile[] profiles = new ProjectProfile[ROTATING];
        String[] texts = new String[ROTATING];
        Iterator<InventoryGenerator.Generated> it = new InventoryGenerator(seed, ROTATING, 0).iterator();
        for (int i = 0; i < ROTATING; i++) {
            InventoryGenerator.Generated g = it.next();
            profiles[i] = g.toProfile();
            texts[i] = InventoryGenerator.jsonLine(g);
        }

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "soak: %,d assessments of DS-920 v%s on one engine, %s, max heap %d MB, java %s%n",
                count, version, parse ? "each profile parsed from JSON first" : "profiles built once",
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%12s %9s %10s %16s %14s %9s %18s%n", "assessments", "seconds", "per second",
                "heap after GC MB", "non-heap MB", "classes", "allocated B/assess");

        List<Long> heapAfterGc = new ArrayList<>();
        long checksum = 0;
        long start = System.nanoTime();
        long lastTime = start;
        long lastAllocated = threads.getThreadAllocatedBytes(thread);
        for (long n = 1; n <= count; n++) {
            int k = (int) (n % ROTATING);
            ProjectProfile p = parse ? Governance.parseProfile(texts[k], "soak-" + k + ".json") : profiles[k];
            Decision d = engine.assess(p);
            checksum += d.trace().size() + d.classification().ordinal();
            if (n % every == 0 || n == count) {
                long now = System.nanoTime();
                long allocated = threads.getThreadAllocatedBytes(thread);
                long interval = n % every == 0 ? every : n % every;
                double perAssessment = (allocated - lastAllocated) / (double) interval;
                double rate = interval / ((now - lastTime) / 1e9);
                long heap = usedAfterGc(memory);
                heapAfterGc.add(heap);
                System.out.printf(Locale.ROOT, "%,12d %9.1f %,10.0f %16.2f %14.2f %9d %,18.0f%n", n, (now - start) / 1e9, rate,
                        heap / 1048576.0, memory.getNonHeapMemoryUsage().getUsed() / 1048576.0,
                        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), perAssessment);
                lastTime = System.nanoTime();
                lastAllocated = threads.getThreadAllocatedBytes(thread);
            }
        }
        if (heapAfterGc.size() >= 2) {
            long first = heapAfterGc.get(0);
            long last = heapAfterGc.get(heapAfterGc.size() - 1);
            long max = heapAfterGc.stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf(Locale.ROOT, "heap after GC: first line %.2f MB, last %.2f MB, highest %.2f MB;"
                    + " growth first to last %+.1f KB over %,d assessments%n", first / 1048576.0, last / 1048576.0,
                    max / 1048576.0, (last - first) / 1024.0, count - Math.min(every, count));
        }
        System.out.println("checksum " + checksum);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

}
