package io.github.aigov.governance.rules;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One engine over the shipped v1.0 definitions for every test class that only assesses (engines are built once). */
final class SharedEngine {
    /** The shipped definitions and cases, from the checklists module on disk. */
    static final Path V1 = Path.of("../checklists/src/main/resources/ds920/v1.0");
    static final Path SAMPLES = Path.of("../examples/projects");

    private SharedEngine() {
    }

    static GovernanceEngine v1() {
        return Holder.ENGINE;
    }

    /** The decision without what legitimately differs between two evaluations: its id and time. */
    static Decision withoutIdAndTime(Decision d) {
        return new Decision(d.schemaVersion(), "-", Instant.EPOCH, d.definitions(), d.profileHash(), d.profile(),
                d.classification(), d.classificationReason(), d.axes(), d.escalation(), d.items(), d.obligations(), d.trace());
    }

    /** The decision for every in-scope profile of the answer space, assessed once, in {@link AnswerSpace#all()} order. */
    static Map<AnswerSpace.Answers, Decision> inScope() {
        return Decisions.IN_SCOPE;
    }

    /** The out-of-scope flag combinations: textGeneration, specifiedSecrets. */
    static final List<List<Boolean>> OUT_OF_SCOPE_FLAGS = List.of(List.of(false, false), List.of(false, true),
            List.of(true, true));

    /** The decision for every profile of the answer space with each out-of-scope flag combination. */
    static Map<OutOfScope, Decision> outOfScope() {
        return Decisions.OUT_OF_SCOPE;
    }

    record OutOfScope(AnswerSpace.Answers answers, boolean textGeneration, boolean specifiedSecrets) {
        @Override
        public String toString() {
            return answers + " textGeneration=" + textGeneration + " specifiedSecrets=" + specifiedSecrets;
        }
    }

    private static final class Holder {
        static final GovernanceEngine ENGINE = Governance.builder().guidelineVersion("1.0").build();
    }

    private static final class Decisions {
        static final Map<AnswerSpace.Answers, Decision> IN_SCOPE;
        static final Map<OutOfScope, Decision> OUT_OF_SCOPE;

        static {
            Map<AnswerSpace.Answers, Decision> in = new LinkedHashMap<>();
            Map<OutOfScope, Decision> out = new LinkedHashMap<>();
            for (AnswerSpace.Answers a : AnswerSpace.all()) {
                in.put(a, v1().assess(a.profile()));
                for (List<Boolean> f : OUT_OF_SCOPE_FLAGS) {
                    out.put(new OutOfScope(a, f.get(0), f.get(1)), v1().assess(a.profile(f.get(0), f.get(1))));
                }
            }
            IN_SCOPE = Collections.unmodifiableMap(in);
            OUT_OF_SCOPE = Collections.unmodifiableMap(out);
        }
    }
}
