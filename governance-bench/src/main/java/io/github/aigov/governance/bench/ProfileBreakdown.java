package io.github.aigov.governance.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an assessment's CPU time goes, from a JFR recording of the engine benchmark: the share of
 * execution samples under {@code DroolsEngine.assess} spent in each step it calls, and, within the
 * rule firing, in the parts of Drools that matter for a fix.
 *
 * <pre>
 * java -jar benchmarks.jar 'AssessmentBenchmark.engine' \
 *     -jvmArgsAppend '-XX:StartFlightRecording=filename=engine.jfr,settings=profile'
 * java -cp benchmarks.jar io.github.aigov.governance.bench.ProfileBreakdown engine.jfr
 * </pre>
 */
public final class ProfileBreakdown {
    private static final String ASSESS = "io.github.aigov.governance.rules.internal.engine.DroolsEngine.assess";

    /** Parts of the rule firing, by any frame below {@code fireAllRules} (they may overlap). */
    private static final Map<String, List<String>> WITHIN_FIRING = new LinkedHashMap<>();

    static {
        WITHIN_FIRING.put("not-node evaluation (the first-match guards)", List.of("PhreakNotNode", "NotRight."));
        WITHIN_FIRING.put("node and segment memory creation (per new session)", List.of("createNodeMemory",
                "SegmentMemorySupportImpl.getOrCreateSegmentMemory", "restoreSegmentFromPrototype", "createBetaMemory"));
        WITHIN_FIRING.put("agenda events to the trace listener", List.of("AgendaEventSupport."));
        WITHIN_FIRING.put("  of which TraceRecorder itself", List.of("TraceRecorder.afterMatchFired"));
        WITHIN_FIRING.put("consequences inserting derived facts", List.of("DefaultKnowledgeHelper.insert"));
        WITHIN_FIRING.put("accumulate (countAxes)", List.of("PhreakAccumulateNode"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProfileBreakdown <recording.jfr>");
            System.exit(2);
        }
        int total = 0;
        Map<String, Integer> steps = new TreeMap<>();
        Map<String, Integer> within = new LinkedHashMap<>();
        WITHIN_FIRING.keySet().forEach(k -> within.put(k, 0));
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
            int assess = frames.lastIndexOf(ASSESS);
            if (assess < 0) {
                continue;
            }
            total++;
            String step = assess == 0 ? "DroolsEngine.assess (itself)" : shortName(frames.get(assess - 1));
            if (step.equals("DroolsEngine.decide") && assess >= 2) {
                step = "DroolsEngine.decide > " + shortName(frames.get(assess - 2));
            }
            steps.merge(step, 1, Integer::sum);
            if (step.endsWith("fireAllRules")) {
                List<String> below = frames.subList(0, assess);
                for (Map.Entry<String, List<String>> part : WITHIN_FIRING.entrySet()) {
                    if (below.stream().anyMatch(f -> part.getValue().stream().anyMatch(f::contains))) {
                        within.merge(part.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        if (total == 0) {
            System.out.println("no execution samples under " + ASSESS);
            return;
        }
        int all = total;
        System.out.printf(Locale.ROOT, "%,d execution samples in DroolsEngine.assess%n", total);
        System.out.println("-- the steps it calls (share of assess)");
        steps.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .filter(s -> s.getValue() * 1000 >= all * 3)
                .forEach(s -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * s.getValue() / all, s.getKey()));
        System.out.println("-- within fireAllRules (share of assess; parts may overlap)");
        within.forEach((k, v) -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * v / all, k));
    }

    private static String shortName(String qualified) {
        String[] parts = qualified.split("\\.");
        return parts.length < 2 ? qualified : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
