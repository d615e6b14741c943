package io.github.aigov.governance.rules.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Escalation;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.audit.ReplayResult;
import io.github.aigov.governance.rules.EverySet;
import io.github.aigov.governance.rules.internal.json.DecisionRecords;
import io.github.aigov.governance.rules.internal.audit.Replayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The streaming writer writes exactly what databind writes ({@link DecisionJson#writeJsonLineByDatabind},
 * {@link DecisionJson#toJsonLineByDatabind}): over the whole answer space of every shipped set, for
 * decisions with every field null or full of text that needs escaping, and for decisions read back from
 * JSON and from redacted records; from its caches and without them; and its caches stay within their
 * bound. A record that gains a component, or a change to the mapper, fails these tests until the writer
 * follows.
 */
class DecisionLineWriterTest {
    /** Text that JSON must escape, or that UTF-8 and UTF-16 generators treat differently. */
    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t newline \n return \r nul \u0000 bell \u0007"
            + " unit separator \u001f delete \u007f nbsp \u00a0 line separator \u2028 paragraph separator \u2029"
            + " emoji \ud83d\ude00 family \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 lone high \ud800 lone low \udc00"
            + " 日本語 生成AI </script> \ufeff \uffff end";

    private static GovernanceEngine v2;

    @BeforeAll
    static void engine() {
        v2 = EverySet.SETS.get(1).engine().get();
    }

    static final List<EverySet.Set> SETS = EverySet.SETS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SETS")
    void writesWhatDatabindWritesForEveryAnswerOfEverySet(EverySet.Set set) throws IOException {
        GovernanceEngine engine = set.engine().get();
        DecisionLineWriter cached = DecisionJson.newLineWriter(DecisionLineWriter.DEFAULT_CAPACITY);
        DecisionLineWriter uncached = DecisionJson.newLineWriter(0);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        boolean[][] scopes = {{true, false}, {false, false}, {false, true}, {true, true}};
        for (Map<String, String> answers : EverySet.answers(engine.catalog().axes())) {
            for (ProcurementForm form : ProcurementForm.values()) {
                for (boolean trains : new boolean[] {false, true}) {
                    for (boolean[] scope : scopes) {
                        Decision d = engine.assess(EverySet.profile(answers, form, trains, scope[0], scope[1]));
                        String what = answers + " " + form + " " + trains + " scope " + Arrays.toString(scope);
                        compare(d, what, failures, cached, uncached);
                        compared++;
                    }
                }
            }
        }
        assertThat(failures).as(failures.size() + " decisions differ, first: " + failures.stream().limit(3).toList()).isEmpty();
        assertThat(compared).as("every answer").isGreaterThanOrEqualTo(4 * 5 * 4 * 3 * 3 * 2 * 4);
        // Both paths ran: the cached writer rendered each part once and copied it after, the other kept nothing.
        assertThat(cached.cacheSizes()).allSatisfy((cache, size) -> assertThat(size).as(cache).isPositive());
        assertThat(uncached.cacheSizes()).allSatisfy((cache, size) -> assertThat(size).as(cache).isZero());
    }

    @Test
    void writesWhatDatabindWritesWhenTheProfileNeedsEscaping() throws IOException {
        String longText = (AWKWARD + " ").repeat(200); // ~30,000 characters: crosses the generators' buffers
        Map<String, String> axes = new LinkedHashMap<>(v2.assess(profile("ok", "ok", "")).profile().axes());
        Decision d = v2.assess(new ProjectProfile("p-1.x_y", AWKWARD.substring(0, 100), "デジタル庁 \"DA\"", longText.substring(0, 20_000),
                new ProjectProfile.Scope(true, false), new ProjectProfile.Model("モデル \\ \ud83d\ude00", "Vendor\u2028Inc."),
                new ProjectProfile.Procurement(ProcurementForm.SAAS_API, true), axes));
        assertSame(d);
        // The same decision with text the engine would refuse (limits, blank fields): the writer is not the validator.
        assertSame(with(d, new ProjectProfile("id", longText, AWKWARD, AWKWARD, new ProjectProfile.Scope(null, null),
                new ProjectProfile.Model(null, AWKWARD), new ProjectProfile.Procurement(null, null), awkwardAxes())));
        assertSame(with(d, new ProjectProfile(null, null, null, null, null, null, null, null)));
        assertSame(with(d, null));
    }

    @Test
    void writesWhatDatabindWritesForNullAndEdgeFields() throws IOException {
        Decision d = v2.assess(profile("n", "Name", "desc"));
        SourceRef overlaid = new SourceRef("OVL-1", "ministry \"overlay\".yaml", -1, Integer.MAX_VALUE, Provenance.INTERPRETATION,
                new LocalizedText(AWKWARD, "citation \"en\" \u2028"), "ministry-overlay");
        SourceRef bare = new SourceRef("BARE \\ \ud83d\ude00", null, 0, 0, Provenance.SEED, null, null);
        Reason withArgs = new Reason("R-ARGS", new Message("problem.some.key", List.of("", AWKWARD, "12", "\u2028")), overlaid);
        Reason noArgs = new Reason("R-\"NO\"-ARGS", new Message(AWKWARD, null), bare);
        DefinitionsRef defs = new DefinitionsRef("DS-920 \"x\"", null, "2026-01-01", null, List.of(
                new DefinitionsRef.OverlayRef("ministry-overlay", "overlays/ministry.yaml", "sha256:00",
                        new LocalizedText("府省の方針", "The ministry's rules"), new LocalizedText(AWKWARD, AWKWARD)),
                new DefinitionsRef.OverlayRef(AWKWARD, null, null, null, null)));
        List<ItemResult> items = List.of(
                new ItemResult("I-1", "SHEET", "GROUP", ItemStatus.REQUIRED, withArgs, overlaid),
                new ItemResult("I-2", null, null, null, noArgs, null),
                new ItemResult(AWKWARD, "S", "G", ItemStatus.NOT_APPLICABLE, withArgs, bare));
        List<ObligationResult> obligations = List.of(
                new ObligationResult("O-1", "DUTIES", "G", ItemStatus.REQUIRED, List.of(Role.PLANNER, Role.PROVIDER),
                        Timing.AFTER_GO_LIVE, withArgs, overlaid),
                new ObligationResult("O-2", null, null, null, List.of(), null, noArgs, null),
                new ObligationResult(AWKWARD, "S", AWKWARD, ItemStatus.NOT_APPLICABLE, List.of(Role.values()), Timing.ON_RISK_CASE,
                        withArgs, bare));
        List<TraceEvent> trace = List.of(
                new TraceEvent(1, "r", "p", "d", List.of(), "", null),
                new TraceEvent(0, null, null, null, List.of(TraceFact.text(AWKWARD), TraceFact.axisAnswer("users", AWKWARD), TraceFact.axisCount(List.of(AWKWARD, "users"))), null, overlaid),
                new TraceEvent(-7, AWKWARD, "phase", AWKWARD, List.of(TraceFact.text("x"), TraceFact.axisCount(List.of())), AWKWARD, bare),
                new TraceEvent(255, "r", "p", "d", List.of(), "", null),
                new TraceEvent(256, "r", "p", "d", List.of(), "", null),
                new TraceEvent(Integer.MAX_VALUE, "r", "p", "d", List.of(), "", null),
                new TraceEvent(Integer.MIN_VALUE, "r", "p", "d", List.of(), "", null));
        List<AxisResult> axes = List.of(new AxisResult("users", "PUBLIC", RiskLevel.HIGH, withArgs),
                new AxisResult(null, null, null, noArgs));
        for (Instant at : List.of(Instant.EPOCH, Instant.ofEpochSecond(1_790_000_000L, 1), Instant.ofEpochSecond(1_790_000_000L, 120_000_000),
                Instant.ofEpochSecond(1_790_000_000L, 123_456_000), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("+12026-11-24T09:00:00Z"), Instant.MIN, Instant.MAX)) {
            assertSame(new Decision("1", "id", at, defs, "sha256:x", d.profile(), Classification.HIGH, withArgs, axes,
                    new Escalation(true, List.of(noArgs, withArgs)), items, obligations, trace));
        }
        assertSame(new Decision(null, null, null, null, null, null, null, noArgs, List.of(), new Escalation(false, List.of()),
                List.of(), List.of(), List.of()));
        assertSame(new Decision("1", "id", Instant.EPOCH, defs, "h", d.profile(), Classification.LOW, noArgs, axes,
                new Escalation(false, List.of(noArgs)), items, null, trace));
        // Many more definitions than items (the writer sizes its table by the items), each named twice.
        List<TraceEvent> many = new ArrayList<>();
        for (int n = 300; n > 0; n--) {
            SourceRef s = new SourceRef("RULE-" + n, "many.yaml", n, 1, Provenance.SEED, LocalizedText.of("citation " + n), null);
            many.add(new TraceEvent(many.size() + 1, "rule-" + n, "p", "RULE-" + n, List.of(TraceFact.item("fact")), "o", s));
            many.add(new TraceEvent(many.size() + 1, "rule-" + n, "p", "RULE-" + n, List.of(TraceFact.item("fact")), "o", s));
        }
        assertSame(new Decision("1", "id", Instant.EPOCH, defs, "h", d.profile(), Classification.LOW, noArgs, axes,
                new Escalation(false, List.of(noArgs)), items, obligations, many));
        assertSame(new Decision(AWKWARD, AWKWARD, null, defs, AWKWARD, d.profile(), Classification.OUT_OF_SCOPE, d.classificationReason(),
                d.axes(), d.escalation(), d.items(), d.obligations(), trace));
    }

    @Test
    void writesWhatDatabindWritesForDecisionsReadBackAndRedacted() throws IOException {
        DecisionLineWriter writer = DecisionJson.newLineWriter(DecisionLineWriter.DEFAULT_CAPACITY);
        Decision d = v2.assess(profile("rb", AWKWARD, AWKWARD));
        assertSame(writer, d);
        Map<String, Integer> before = writer.cacheSizes();
        // Read back: equal parts, other instances. They are cached by value, so nothing new is kept.
        Decision read = DecisionJson.fromJson(DecisionJson.toJson(d));
        assertThat(read.items().get(0)).isEqualTo(d.items().get(0)).isNotSameAs(d.items().get(0));
        assertSame(writer, read);
        assertThat(writer.cacheSizes()).isEqualTo(before);
        Decision redacted = DecisionRecords.fromRecord(DecisionRecords.toRecord(d, DecisionRecords.REDACTABLE));
        assertThat(redacted.profile().name()).isEqualTo(DecisionRecords.REDACTED);
        assertSame(writer, redacted);
        assertSame(writer, DecisionRecords.fromRecord(DecisionRecords.toRecord(d, java.util.Set.of())));
        // A replay: the recorded (redacted) decision, and the engine's decision on its redacted profile.
        ReplayResult replay = Replayer.replay(DecisionRecords.toRecord(d, java.util.Set.of("name", "description")), v2);
        assertThat(replay.identical()).isTrue();
        assertSame(writer, replay.recorded());
        assertSame(writer, replay.replayed());
    }

    @Test
    void failsAsDatabindFailsAndWritesNothing() {
        Decision d = v2.assess(profile("f", "F", ""));
        SourceRef s = d.classificationReason().source();
        SourceRef other = new SourceRef(s.definitionId(), s.file(), s.line() + 1, s.column(), s.provenance(), s.citation(), s.overlay());
        ItemResult i = d.items().get(0);
        Decision twoDefinitionsOneId = new Decision(d.schemaVersion(), d.decisionId(), d.decidedAt(), d.definitions(), d.profileHash(),
                d.profile(), d.classification(), d.classificationReason(), d.axes(), d.escalation(),
                List.of(new ItemResult(i.id(), i.sheet(), i.group(), i.status(), i.reason(), other)), d.obligations(), d.trace());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> DecisionJson.writeJsonLineByDatabind(twoDefinitionsOneId, out))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two definitions with the id");
        assertThatThrownBy(() -> DecisionJson.newLineWriter(100).write(twoDefinitionsOneId, out))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two definitions with the id");
        assertThatThrownBy(() -> DecisionJson.newLineWriter(100).toJsonLine(twoDefinitionsOneId))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two definitions with the id");
        assertThat(out.size()).isZero();

        Decision noReason = new Decision("1", "id", Instant.EPOCH, null, null, null, null, null, List.of(),
                new Escalation(false, List.of()), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> DecisionJson.writeJsonLineByDatabind(noReason, out)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DecisionJson.newLineWriter(100).write(noReason, out)).isInstanceOf(NullPointerException.class);
        assertThat(out.size()).isZero();

        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        Decision nullAxis = with(d, new ProjectProfile("id", "n", "o", "", null, null, null, nullKey));
        assertThatThrownBy(() -> DecisionJson.writeJsonLineByDatabind(nullAxis, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("Null key");
        assertThatThrownBy(() -> DecisionJson.newLineWriter(100).write(nullAxis, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("Null key");
        assertThatThrownBy(() -> DecisionJson.toJsonLineByDatabind(nullAxis)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DecisionJson.newLineWriter(100).toJsonLine(nullAxis)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCachesStayWithinTheirBoundAndTheOutputStaysTheSame() throws IOException {
        int capacity = 5;
        DecisionLineWriter writer = DecisionJson.newLineWriter(capacity);
        Decision d = v2.assess(profile("b", "B", ""));
        for (int n = 0; n < 50; n++) {
            assertSame(writer, distinct(d, n));
            assertThat(writer.cacheSizes()).allSatisfy((cache, size) -> assertThat(size).as(cache).isLessThanOrEqualTo(capacity));
        }
        assertThat(writer.cacheSizes()).as("full, not empty").containsValue(capacity);
        // And when it is full, a decision it has cached nothing of is still written right.
        assertSame(writer, v2.assess(profile("b2", "B2", "")));
    }

    @Test
    void theCachesStayWithinTheirBoundWhenThreadsFillThemAtOnce() throws Exception {
        int capacity = 64;
        DecisionLineWriter writer = DecisionJson.newLineWriter(capacity);
        Decision d = v2.assess(profile("t", "T", ""));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 100;
                results.add(pool.submit(() -> {
                    List<Integer> wrong = new ArrayList<>();
                    for (int n = from; n < from + 100; n++) {
                        // Every thread writes the values of the others too: they race to add the same entries.
                        Decision x = distinct(d, n % 150);
                        if (!Arrays.equals(bytes(writer, x), databind(x)) || !writer.toJsonLine(x).equals(DecisionJson.toJsonLineByDatabind(x))) {
                            wrong.add(n);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<Integer>> f : results) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(writer.cacheSizes()).allSatisfy((cache, size) -> assertThat(size).as(cache).isLessThanOrEqualTo(capacity));
        assertThat(writer.cacheSizes()).containsValue(capacity);
    }

    @Test
    void theLineEndsWithANewlineAndTheStreamStaysOpen() throws IOException {
        Decision d = v2.assess(profile("nl", "NL", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the writer closed the stream");
            }
        };
        DecisionJson.writeJsonLine(d, out);
        DecisionJson.writeJsonLine(d, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").hasLineCount(2);
        assertThat(text.substring(0, text.indexOf('\n'))).doesNotContain("\n");
        assertThat(DecisionJson.toJsonLine(d)).isEqualTo(DecisionJson.toJsonLineByDatabind(d)).doesNotContain("\n");
    }

    /** The decision with reasons, items, trace and sources no earlier {@code n} had: every cache misses. */
    private static Decision distinct(Decision d, int n) {
        SourceRef s = new SourceRef("S-" + n, "file-" + n + ".yaml", n, n, Provenance.PUBLIC, new LocalizedText("出典 " + n, "citation " + n), null);
        Reason r = new Reason("R-" + n, Message.of("key", n), s);
        DefinitionsRef defs = new DefinitionsRef("D", "v" + n, "date", "hash", List.of());
        return new Decision(d.schemaVersion(), d.decisionId(), d.decidedAt(), defs, d.profileHash(), d.profile(), d.classification(), r,
                List.of(new AxisResult("a", "o" + n, RiskLevel.LOW, r)), new Escalation(n % 2 == 0, List.of(r)),
                List.of(new ItemResult("I-" + n, "S", "G", ItemStatus.REQUIRED, r, s)),
                List.of(new ObligationResult("O-" + n, "S", "G", ItemStatus.REQUIRED, List.of(Role.MINISTRY), Timing.PERIODICALLY, r, s)),
                List.of(new TraceEvent(1, "rule-" + n, "p", "d", List.of(TraceFact.outOfScope("fact " + n)), "o", s)));
    }

    private static Decision with(Decision d, ProjectProfile p) {
        return new Decision(d.schemaVersion(), d.decisionId(), d.decidedAt(), d.definitions(), d.profileHash(), p, d.classification(),
                d.classificationReason(), d.axes(), d.escalation(), d.items(), d.obligations(), d.trace());
    }

    private static Map<String, String> awkwardAxes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AWKWARD, AWKWARD);
        m.put("", "");
        m.put("null", null);
        return m;
    }

    private static ProjectProfile profile(String id, String name, String description) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("users", "PUBLIC");
        axes.put("work", "RIGHTS_AFFECTING");
        axes.put("data", "SENSITIVE_IN_PROMPTS");
        axes.put("judgement", "SAMPLED");
        return new ProjectProfile(id, name, "Ministry", description, new ProjectProfile.Scope(true, false),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(ProcurementForm.CUSTOMISATION, true), axes);
    }

    /** Databind, the streaming writer with its caches (twice: filling them, then from them) and without any. */
    private static void assertSame(Decision d) throws IOException {
        assertSame(DecisionJson.newLineWriter(DecisionLineWriter.DEFAULT_CAPACITY), d);
        assertSame(DecisionJson.newLineWriter(0), d);
    }

    private static void assertSame(DecisionLineWriter writer, Decision d) throws IOException {
        byte[] expected = databind(d);
        String expectedText = DecisionJson.toJsonLineByDatabind(d);
        for (int pass = 0; pass < 2; pass++) {
            assertThat(new String(bytes(writer, d), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(bytes(writer, d)).isEqualTo(expected);
            assertThat(writer.toJsonLine(d)).isEqualTo(expectedText);
        }
    }

    private static void compare(Decision d, String what, List<String> failures, DecisionLineWriter... writers) throws IOException {
        byte[] expected = databind(d);
        String expectedText = DecisionJson.toJsonLineByDatabind(d);
        for (DecisionLineWriter w : writers) {
            if (!Arrays.equals(bytes(w, d), expected)) {
                failures.add(what + " (bytes, capacity " + w.capacity() + ")");
            }
            if (!w.toJsonLine(d).equals(expectedText)) {
                failures.add(what + " (text, capacity " + w.capacity() + ")");
            }
        }
    }

    private static byte[] databind(Decision d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionJson.writeJsonLineByDatabind(d, out);
        return out.toByteArray();
    }

    private static byte[] bytes(DecisionLineWriter writer, Decision d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(d, out);
        return out.toByteArray();
    }
}
