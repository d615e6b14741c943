package io.github.aigov.governance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result file and prints the table the README quotes: every benchmark with its
 * score, median and allocation per operation; then the warm assessment's ratios, engine over the
 * reference decision (the same public decision in plain Java) and over the reference logic alone, the
 * issue's targets, thread scaling, and build times.
 *
 * <pre>java -cp benchmarks.jar io.github.aigov.governance.bench.BenchmarkSummary results.json</pre>
 */
public final class BenchmarkSummary {
    /** The targets ("Fast at scale"). */
    static final double TARGET_MEDIAN_US = 50;
    static final double TARGET_RATIO = 15;

    private record Row(String name, String mode, int threads, double score, double error, String unit, Double p50,
                       Double p90, Double p99, Double allocPerOp, int samples) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkSummary <jmh-result.json>");
            System.exit(2);
        }
        JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JsonNode b : root) {
            String full = b.get("benchmark").asText();
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            JsonNode pm = b.get("primaryMetric");
            JsonNode pct = pm.get("scorePercentiles");
            JsonNode norm = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
            String mode = b.get("mode").asText();
            boolean percentiles = mode.equals("sample") || mode.equals("ss");
            rows.put(name, new Row(name, mode, b.get("threads").asInt(), pm.get("score").asDouble(),
                    pm.get("scoreError").asDouble(Double.NaN), pm.get("scoreUnit").asText(),
                    percentiles ? pct.get("50.0").asDouble() : null, percentiles ? pct.get("90.0").asDouble() : null,
                    percentiles ? pct.get("99.0").asDouble() : null,
                    norm.isMissingNode() ? null : norm.get("score").asDouble(), samples(pm)));
        }

        System.out.println("== All benchmarks (score: mean for sample/avgt/ss, sum over threads for thrpt) ==");
        System.out.printf(Locale.ROOT, "%-42s %-6s %3s %12s %10s %-9s %10s %10s %10s %12s%n", "benchmark", "mode", "thr",
                "score", "± error", "unit", "p50", "p90", "p99", "alloc B/op");
        for (Row r : rows.values()) {
            System.out.printf(Locale.ROOT, "%-42s %-6s %3d %12s %10s %-9s %10s %10s %10s %12s%n", r.name, r.mode, r.threads,
                    num(r.score), num(r.error), r.unit, num(r.p50), num(r.p90), num(r.p99),
                    r.allocPerOp == null ? "-" : String.format(Locale.ROOT, "%,.0f", r.allocPerOp));
        }

        Row engine = rows.get("AssessmentBenchmark.engine");
        Row decision = rows.get("AssessmentBenchmark.referenceDecision");
        Row reference = rows.get("AssessmentBenchmark.reference");
        if (engine != null && reference != null) {
            System.out.println();
            System.out.println("== Warm assessment with full trace, DS-920 v2.0 (" + engine.unit + ") ==");
            System.out.printf(Locale.ROOT, "%-20s %10s %10s %10s %10s %12s%n", "", "p50", "mean", "p90", "p99", "alloc B/op");
            for (Row r : decision == null ? new Row[] {engine, reference} : new Row[] {engine, decision, reference}) {
                System.out.printf(Locale.ROOT, "%-20s %10s %10s %10s %10s %12s%n",
                        r == engine ? "engine" : r == decision ? "reference decision" : "reference logic",
                        num(r.p50), num(r.score), num(r.p90), num(r.p99),
                        r.allocPerOp == null ? "-" : String.format(Locale.ROOT, "%,.0f", r.allocPerOp));
            }
            System.out.printf(Locale.ROOT, "target: median <= %.0f us ... %s (%.1f us)%n", TARGET_MEDIAN_US,
                    engine.p50 <= TARGET_MEDIAN_US ? "MET" : "MISSED", engine.p50);
            if (decision != null) {
                double ratio = engine.p50 / decision.p50;
                System.out.printf(Locale.ROOT, "ratio engine / reference decision (the same Decision, plain Java): p50 %.1fx,"
                        + " mean %.1fx%n", ratio, engine.score / decision.score);
                System.out.printf(Locale.ROOT, "target: <= %.0fx the reference ... %s (%.1fx at p50)%n", TARGET_RATIO,
                        ratio <= TARGET_RATIO ? "MET" : "MISSED", ratio);
            }
            System.out.printf(Locale.ROOT, "ratio engine / reference logic alone (no validation, hash or Decision): p50 %.1fx,"
                    + " mean %.1fx%s%n", engine.p50 / reference.p50, engine.score / reference.score,
                    engine.p50 / reference.p50 <= TARGET_RATIO ? "" : String.format(Locale.ROOT, " (above %.0fx)", TARGET_RATIO));
        }

        Row e1 = rows.get("ThroughputBenchmark.engine1Thread");
        Row e2 = rows.get("ThroughputBenchmark.engine2Threads");
        Row r1 = rows.get("ThroughputBenchmark.reference1Thread");
        Row r2 = rows.get("ThroughputBenchmark.reference2Threads");
        if (e1 != null && e2 != null) {
            System.out.println();
            System.out.println("== Throughput, one engine shared (" + e1.unit + ") ==");
            System.out.printf(Locale.ROOT, "engine:    1 thread %s, 2 threads %s, scaling %.2fx%n", num(e1.score), num(e2.score),
                    e2.score / e1.score);
            if (r1 != null && r2 != null) {
                System.out.printf(Locale.ROOT, "reference: 1 thread %s, 2 threads %s, scaling %.2fx%n", num(r1.score),
                        num(r2.score), r2.score / r1.score);
            }
        }

        Row warm = rows.get("BuildBenchmark.buildWarm");
        Row cold = rows.get("BuildBenchmark.buildCold");
        Row load = rows.get("BuildBenchmark.loadDefinitionsWarm");
        Row warmCompiling = rows.get("BuildBenchmark.buildWarmCompilingRules");
        Row coldCompiling = rows.get("BuildBenchmark.buildColdCompilingRules");
        if (warm != null || cold != null) {
            System.out.println();
            System.out.println("== Engine build from YAML, v2.0 (ms, median of single shots) ==");
            if (warm != null) {
                System.out.printf(Locale.ROOT, "warm (JVM already built engines):  median %s, mean %s, n=%d%n", num(warm.p50),
                        num(warm.score), warm.samples);
            }
            if (load != null) {
                System.out.printf(Locale.ROOT, "  of which reading the YAML:       median %s%n", num(load.p50));
            }
            if (cold != null) {
                System.out.printf(Locale.ROOT, "cold (first build, fresh JVM each): median %s, mean %s, n=%d forks%n",
                        num(cold.p50), num(cold.score), cold.samples);
            }
            if (warmCompiling != null) {
                System.out.printf(Locale.ROOT, "rules compiled on the spot (a set that is not shipped), warm: median %s, n=%d%n",
                        num(warmCompiling.p50), warmCompiling.samples);
            }
            if (coldCompiling != null) {
                System.out.printf(Locale.ROOT, "rules compiled on the spot, cold:  median %s, n=%d forks%n",
                        num(coldCompiling.p50), coldCompiling.samples);
            }
        }
    }

    private static int samples(JsonNode pm) {
        JsonNode raw = pm.get("rawData");
        if (raw == null) {
            return 0;
        }
        int n = 0;
        for (JsonNode fork : raw) {
            n += fork.size();
        }
        return n;
    }

    private static String num(Double v) {
        if (v == null || v.isNaN()) {
            return "-";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
