package io.github.aigov.governance.bench;

import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.WhatIf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a what-if costs beside one assessment (issue 13: within 20 assessments' time). For each profile of
 * the whole answer space of DS-920 v2.0 (in scope), alternately: one assessment, timed; one what-if, timed.
 * Printed: the median assessment, the median what-if, and their ratio, for the profiles whose what-if stops
 * at distance one (a single change suffices, or nothing to lower) and for those that need distance two,
 * with how many profiles fall in each.
 *
 * <pre>
 * mvn -q -B -o -DskipTests package -pl governance-bench -am
 * java -cp governance-bench/target/benchmarks.jar io.github.aigov.governance.bench.WhatIfCost [rounds, default 5]
 * </pre>
 *
 * <p>A plain loop, not JMH: a what-if is many assessments; the figure wanted is its cost as a caller sees it,
 * against the assessment it stands beside, measured on the same warm engine in the same run.
 */
public final class WhatIfCost {
    private WhatIfCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        GovernanceEngine engine = Governance.builder().guidelineVersion(Fixtures.VERSION).build();
        List<ProjectProfile> space = space(engine.catalog());
        // warm up
        for (int i = 0; i < 2; i++) {
            for (ProjectProfile p : space) {
                engine.whatIf(p);
            }
        }
        // How many assessments a what-if makes: the same search over an engine that counts its assessments.
        Counting counting = new Counting(engine);
        Map<Integer, long[]> made = new LinkedHashMap<>();
        for (ProjectProfile p : space) {
            long before = counting.assessments;
            int d = counting.whatIf(p).distance() == 2 ? 2 : 1;
            long[] m = made.computeIfAbsent(d, k -> new long[2]);
            m[0] += counting.assessments - before;
            m[1]++;
        }
        Map<Integer, List<long[]>> byDistance = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (ProjectProfile p : space) {
                long t0 = System.nanoTime();
                engine.assess(p);
                long t1 = System.nanoTime();
                WhatIf w = engine.whatIf(p);
                long t2 = System.nanoTime();
                byDistance.computeIfAbsent(w.distance() == 2 ? 2 : 1, k -> new ArrayList<>()).add(new long[] {t1 - t0, t2 - t1});
            }
        }
        System.out.printf(Locale.ROOT, "what-if against one assessment, DS-920 %s, %d profiles of the answer space x %d rounds%n",
                Fixtures.VERSION, space.size(), rounds);
        for (Map.Entry<Integer, List<long[]>> e : byDistance.entrySet()) {
            long[] assess = e.getValue().stream().mapToLong(x -> x[0]).sorted().toArray();
            long[] whatIf = e.getValue().stream().mapToLong(x -> x[1]).sorted().toArray();
            double a = median(assess) / 1000.0;
            double w = median(whatIf) / 1000.0;
            System.out.printf(Locale.ROOT, "  %s: %d profiles; assessment median %.1f us; what-if median %.1f us (p90 %.1f us); "
                            + "ratio %.1f assessments (target: at most 20); the what-if makes %.1f assessments%n",
                    e.getKey() == 1 ? "distance one or nothing to lower" : "distance two",
                    e.getValue().size() / rounds, a, w, whatIf[(int) (whatIf.length * 0.9)] / 1000.0, w / a,
                    (double) made.get(e.getKey())[0] / made.get(e.getKey())[1]);
        }
    }

    /** An engine that counts the assessments made through it; its what-if is the library's own search. */
    private static final class Counting implements GovernanceEngine {
        private final GovernanceEngine engine;
        long assessments;

        Counting(GovernanceEngine engine) {
            this.engine = engine;
        }

        @Override
        public io.github.aigov.governance.Decision assess(ProjectProfile profile) {
            assessments++;
            return engine.assess(profile);
        }

        @Override
        public io.github.aigov.governance.DefinitionsRef definitions() {
            return engine.definitions();
        }

        @Override
        public DefinitionCatalog catalog() {
            return engine.catalog();
        }

        @Override
        public java.util.Optional<io.github.aigov.governance.Questionnaire> questionnaire() {
            return engine.questionnaire();
        }

        @Override
        public List<io.github.aigov.governance.Problem> warnings() {
            return engine.warnings();
        }

        @Override
        public String render(io.github.aigov.governance.Message message, Locale locale) {
            return engine.render(message, locale);
        }
    }

    private static double median(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    static List<ProjectProfile> space(DefinitionCatalog catalog) {
        List<Map<String, String>> axes = new ArrayList<>();
        axes.add(new LinkedHashMap<>());
        for (DefinitionCatalog.Axis a : catalog.axes()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : axes) {
                for (DefinitionCatalog.Option o : a.options()) {
                    Map<String, String> n = new LinkedHashMap<>(m);
                    n.put(a.id(), o.id());
                    next.add(n);
                }
            }
            axes = next;
        }
        List<ProjectProfile> out = new ArrayList<>();
        for (Map<String, String> a : axes) {
            for (ProcurementForm f : ProcurementForm.values()) {
                for (boolean trains : new boolean[] {false, true}) {
                    out.add(new ProjectProfile("what-if", "What-if", "Ministry", "", new ProjectProfile.Scope(true, false),
                            new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(f, trains), a));
                }
            }
        }
        return out;
    }
}
