package io.github.aigov.governance.bench;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.rules.internal.yaml.JsonNodeReader;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * What reading a one-line JSON profile costs with SnakeYAML and with Jackson, in one run on one
 * machine: the figures behind governance-rules' {@code JsonNodeReader}. The lines are an
 * inventory as {@link InventoryGenerator} writes it ({@code --format jsonl}, with its 0.5% of
 * invalid profiles).
 *
 * <pre>
 * java -cp benchmarks.jar io.github.aigov.governance.bench.JsonParseComparison [--lines 4096] [--rounds 8] [--seed N]
 * </pre>
 *
 * <p>Two pairs, timed in alternating rounds so that a busy neighbour slows both alike:
 * <ul>
 * <li>nodes: the line read into located nodes, by SnakeYAML ({@code YamlReader.readAsYaml}) and
 * by the path JSON now takes ({@code YamlReader.read}, i.e. Jackson);
 * <li>profile: the public {@code Governance.parseProfile}, which also checks every field; made to
 * read through SnakeYAML by a trailing YAML comment, which Jackson refuses.
 * </ul>
 * Before timing, every line is read both ways, and the nodes and problems must be equal. Prints the
 * microseconds per line of each round and their median, and the ratio. Not a unit test: about a
 * minute.
 */
public final class JsonParseComparison {
    private static final InputLimits LIMITS = InputLimits.DEFAULT;
    private static final long ROUND_NANOS = 600_000_000L;

    public static void main(String[] args) {
        int count = 4_096;
        int rounds = 8;
        long seed = Fixtures.SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> count = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: JsonParseComparison [--lines N] [--rounds N] [--seed N]");
                    System.exit(2);
                }
            }
        }
        String[] lines = new String[count];
        String[] commented = new String[count];
        String[] labels = new String[count];
        long bytes = 0;
        Iterator<InventoryGenerator.Generated> it = new InventoryGenerator(seed, count, 0.005).iterator();
        for (int i = 0; i < count; i++) {
            lines[i] = InventoryGenerator.jsonLine(it.next());
            commented[i] = lines[i] + " # read by SnakeYAML";
            labels[i] = "inventory.jsonl:" + (i + 1);
            bytes += lines[i].length();
        }
        checkAlike(lines, labels);

        Map<String, ToIntFunction<Integer>> variants = new LinkedHashMap<>();
        variants.put("nodes, SnakeYAML", i -> size(new YamlReader(LIMITS).readAsYaml(lines[i], labels[i], new Problems())));
        variants.put("nodes, Jackson", i -> size(new YamlReader(LIMITS).read(lines[i], labels[i], new Problems())));
        variants.put("parseProfile, SnakeYAML", i -> parse(commented[i], labels[i]));
        variants.put("parseProfile, Jackson", i -> parse(lines[i], labels[i]));

        System.out.printf(Locale.ROOT, "%,d one-line JSON profiles (seed %d, %.0f characters each on average), java %s, %d cores,"
                + " load average at start: %s%n", count, seed, bytes / (double) count, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        long checksum = 0;
        for (int warm = 0; warm < 3; warm++) { // warm-up: each variant ~1.8 s
            for (ToIntFunction<Integer> v : variants.values()) {
                checksum += round(v, count)[1];
            }
        }
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        variants.keySet().forEach(k -> micros.put(k, new ArrayList<>()));
        System.out.printf(Locale.ROOT, "%-26s%s%n", "us per line, round:", "  1 ..");
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, ToIntFunction<Integer>> v : variants.entrySet()) {
                long[] result = round(v.getValue(), count);
                micros.get(v.getKey()).add(result[0] / 1000.0 / result[2]);
                checksum += result[1];
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> m : micros.entrySet()) {
            StringBuilder s = new StringBuilder();
            m.getValue().forEach(x -> s.append(String.format(Locale.ROOT, " %6.2f", x)));
            median.put(m.getKey(), median(m.getValue()));
            System.out.printf(Locale.ROOT, "%-26s%s   median %6.2f%n", m.getKey(), s, median.get(m.getKey()));
        }
        System.out.printf(Locale.ROOT, "nodes: SnakeYAML / Jackson = %.1fx; parseProfile: SnakeYAML / Jackson = %.1fx"
                + " (%.2f us saved per line)%n",
                median.get("nodes, SnakeYAML") / median.get("nodes, Jackson"),
                median.get("parseProfile, SnakeYAML") / median.get("parseProfile, Jackson"),
                median.get("parseProfile, SnakeYAML") - median.get("parseProfile, Jackson"));
        System.out.println("load average at end: " + loadAverage() + "; checksum " + checksum);
    }

    /** The machine is shared: its load says how far to trust the figures. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Every line read both ways gives the same nodes and problems; none is declined by the JSON reader. */
    private static void checkAlike(String[] lines, String[] labels) {
        int declined = 0;
        for (int i = 0; i < lines.length; i++) {
            if (new JsonNodeReader(LIMITS).read(lines[i], labels[i]) == null) {
                declined++;
            }
            Problems viaJackson = new Problems();
            Problems viaYaml = new Problems();
            YNode jackson = new YamlReader(LIMITS).read(lines[i], labels[i], viaJackson);
            YNode yaml = new YamlReader(LIMITS).readAsYaml(lines[i], labels[i], viaYaml);
            if (!Objects.equals(jackson, yaml) || !viaJackson.all().equals(viaYaml.all())) {
                throw new IllegalStateException("read otherwise: line " + (i + 1) + ": " + lines[i]);
            }
        }
        System.out.printf(Locale.ROOT, "checked: all %,d lines read alike; %d declined by the JSON reader%n", lines.length,
                declined);
    }

    /** Passes over all lines until ROUND_NANOS have gone: {nanoseconds, checksum, lines read}. */
    private static long[] round(ToIntFunction<Integer> variant, int count) {
        long checksum = 0;
        long read = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < count; i++) {
                checksum += variant.applyAsInt(i);
            }
            read += count;
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        return new long[] {elapsed, checksum, read};
    }

    private static int size(YNode n) {
        return n instanceof YNode.YMap m ? m.entries().size() : -1;
    }

    private static int parse(String text, String label) {
        try {
            return Governance.parseProfile(text, label).axes().size();
        } catch (GovernanceException e) {
            return e.problems().size();
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

}
