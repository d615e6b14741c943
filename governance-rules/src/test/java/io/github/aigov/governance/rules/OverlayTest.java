package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.GuidelineVersionsTest.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.TraceEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ministry overlays: their additions decide, carry their provenance, and a bad one changes nothing. */
class OverlayTest {
    static final Path EXAMPLE = Path.of("../examples/overlays/example-ministry-overlay.yaml");
    static final GovernanceEngine BASE = Governance.builder().guidelineVersion("2.0").build();
    static final GovernanceEngine MINISTRY = Governance.builder().guidelineVersion("2.0").overlay(EXAMPLE).build();

    static final ProjectProfile PUBLIC_CHATBOT = profile("PUBLIC", "INFORMATION_PROVISION", "PUBLIC_ONLY", "EVERY_OUTPUT",
            ProcurementForm.SAAS_API, false);

    @TempDir
    Path dir;

    @Test
    void anOverlayItemIsRequiredWithTheOverlaysProvenance() {
        Decision d = MINISTRY.assess(PUBLIC_CHATBOT);
        ItemResult item = d.item("MIN-PLAIN-JAPANESE").orElseThrow();
        assertThat(item.status()).isEqualTo(ItemStatus.REQUIRED);
        assertThat(item.sheet()).isEqualTo("PROCUREMENT");
        assertThat(item.group()).isEqualTo("SYSTEM");
        assertThat(item.source().overlay()).isEqualTo("EXAMPLE-MINISTRY-2026");
        assertThat(item.source().file()).endsWith("example-ministry-overlay.yaml");
        assertThat(item.reason().ruleId()).isEqualTo("MIN-APPL-PLAIN-JAPANESE-PUBLIC");
        assertThat(item.reason().source().overlay()).isEqualTo("EXAMPLE-MINISTRY-2026");
        assertThat(item.reason().source().line()).isPositive();
        // the overlay's rule also decides a guideline item, and the trace says so
        assertThat(d.item("PROC-10").orElseThrow().reason().ruleId()).isEqualTo("MIN-APPL-PLAIN-JAPANESE-PUBLIC");
        assertThat(d.trace()).filteredOn(e -> e.outcome().equals("PROC-10=REQUIRED")).singleElement()
                .extracting(TraceEvent::source).satisfies(s -> assertThat(s.overlay()).isEqualTo("EXAMPLE-MINISTRY-2026"));
        // guideline items keep their base provenance
        assertThat(d.item("PROC-01").orElseThrow().reason().source().overlay()).isNull();
        assertThat(d.definitions().overlays()).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo("EXAMPLE-MINISTRY-2026");
            assertThat(o.hash()).startsWith("sha256:");
            // the overlay's own title and citation, in both languages, travel with the decision
            assertThat(o.title()).isEqualTo(new LocalizedText("例示府省の生成AI調達運用方針（オーバーレイの例）",
                    "An example ministry's generative-AI procurement rules (example overlay)"));
            assertThat(o.citation().ja()).startsWith("例示府省 AI統括責任者（CAIO）室の決定");
            assertThat(o.citation().en()).startsWith("Example ministry, decision of the CAIO's office");
        });
        assertThat(Governance.fromJson(Governance.toJson(d)).definitions()).isEqualTo(d.definitions());
        assertThat(Governance.fromRecord(Governance.toRecord(d, java.util.Set.of())).definitions()).isEqualTo(d.definitions());
        assertThat(d.definitions().hash()).isEqualTo(BASE.definitions().hash());
        assertThat(BASE.assess(PUBLIC_CHATBOT).item("MIN-PLAIN-JAPANESE")).isEmpty();
    }

    @Test
    void anOverlayOptionLevelChangesTheClassification() {
        ProjectProfile summariser = profile("STAFF_SPECIFIC", "INTERNAL_SUPPORT", "SENSITIVE_IN_PROMPTS", "EVERY_OUTPUT",
                ProcurementForm.SAAS_API, false);
        assertThat(BASE.assess(summariser).classification()).isEqualTo(Classification.LOW);
        Decision d = MINISTRY.assess(summariser);
        assertThat(d.classification()).isEqualTo(Classification.MEDIUM);
        assertThat(d.axis("data").orElseThrow().reason().source().overlay()).isEqualTo("EXAMPLE-MINISTRY-2026");
        // the option keeps the guideline's title when the overlay gives none
        Message title = Message.of("data.SENSITIVE_IN_PROMPTS.title");
        assertThat(MINISTRY.render(title, Locale.JAPANESE)).isEqualTo(BASE.render(title, Locale.JAPANESE))
                .isEqualTo("要機密情報又は個人情報をプロンプトへの入力にのみ用い、保存も学習もさせない");
        // and the reason for its level is the overlay's, in the reader's language
        Message reason = d.axis("data").orElseThrow().reason().message();
        assertThat(MINISTRY.render(reason, Locale.ENGLISH)).contains("health records").endsWith("(this ministry's rule).");
        assertThat(MINISTRY.render(reason, Locale.JAPANESE)).contains("健康に関する個人情報");
        assertThat(BASE.render(BASE.assess(summariser).axis("data").orElseThrow().reason().message(), Locale.ENGLISH))
                .contains("one step below using it for learning");
    }

    @Test
    void anOverlayWithCitationsInOneLanguageStillLoadsWithAWarningForEach() throws IOException {
        // the form overlays had before citations were bilingual
        Path overlay = write("""
                kind: Overlay
                id: OLD-FORM
                title: { ja: 旧形式, en: Old form }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: CAIO decision 2025-09-01
                combination:
                  - id: OLD-PUBLIC-IS-HIGH
                    before: COMB-ANY-HIGH
                    when: { axis: users, level: HIGH }
                    result: HIGH
                    reason: { ja: 国民向けは高リスク, en: Public use is high risk }
                    provenance: interpretation
                    citation: CAIO decision 2025-09-01 §1
                """);
        GovernanceEngine old = Governance.builder().overlay(overlay).build();
        assertThat(old.warnings()).extracting(p -> p.code().id() + " " + p.severity() + " " + p.location().line() + " "
                + p.location().path()).containsExactly("GOV-0004 WARNING 6 citation", "GOV-0004 WARNING 14 combination[0].citation");
        assertThat(old.warnings()).allSatisfy(p -> assertThat(Messages.render(p.hint(), Locale.ENGLISH))
                .isEqualTo("write it in both languages: citation: { ja: ..., en: ... }"));
        Decision d = old.assess(PUBLIC_CHATBOT);
        assertThat(d.classificationReason().source().citation()).isEqualTo(LocalizedText.of("CAIO decision 2025-09-01 §1"));
        assertThat(d.definitions().overlays().get(0).citation()).isEqualTo(LocalizedText.of("CAIO decision 2025-09-01"));
    }

    @Test
    void anOverlayForAnotherBaseIsRefused() {
        assertThatThrownBy(() -> Governance.builder().guidelineVersion("1.0").overlay(EXAMPLE).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.code().id()).isEqualTo("GOV-0017");
                            assertThat(p.location().file()).endsWith("example-ministry-overlay.yaml");
                            assertThat(p.location().line()).isEqualTo(12);
                            // the hint names the version the overlay extends, and the option that picks it
                            assertThat(p.hint()).isEqualTo(Message.of("hint.overlay.base", "DS-920", "2.0"));
                            assertThat(Messages.render(p.hint(), Locale.ENGLISH)).contains("--guideline-version 2.0");
                            assertThat(Messages.render(p.hint(), Locale.JAPANESE)).contains("--guideline-version 2.0");
                        }));
    }

    @Test
    void aCombinationRuleCanBeAddedBeforeAnotherAndReplaced() throws IOException {
        Path overlay = write("""
                kind: Overlay
                id: STRICT
                title: { ja: 厳格, en: Strict }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                combination:
                  - id: STRICT-PUBLIC-IS-HIGH
                    before: COMB-ANY-HIGH
                    when: { axis: users, level: HIGH }
                    result: HIGH
                    reason: { ja: 国民向けは高リスク, en: Public use is high risk }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                  - id: COMB-DEFAULT-LOW
                    result: LOW
                    reason: { ja: 置換, en: replaced }
                    provenance: interpretation
                    citation: { ja: 府省が置き換えた出典, en: replaced by the ministry }
                """);
        GovernanceEngine strict = Governance.builder().overlay(overlay).build();
        Decision d = strict.assess(PUBLIC_CHATBOT);
        assertThat(BASE.assess(PUBLIC_CHATBOT).classification()).isEqualTo(Classification.MEDIUM);
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.classificationReason().ruleId()).isEqualTo("STRICT-PUBLIC-IS-HIGH");
        Decision low = strict.assess(profile("STAFF_SPECIFIC", "INTERNAL_SUPPORT", "PUBLIC_ONLY", "EVERY_OUTPUT",
                ProcurementForm.SAAS_API, false));
        assertThat(low.classificationReason().source().overlay()).isEqualTo("STRICT");
        assertThat(low.classificationReason().source().citation())
                .isEqualTo(new LocalizedText("府省が置き換えた出典", "replaced by the ministry"));
    }

    @Test
    void everyProblemInAnOverlayIsReportedAtOnceWithItsLocation() throws IOException {
        Path overlay = write("""
                kind: Overlay
                id: BROKEN
                title: { ja: 壊れた, en: Broken }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                items:
                  - checklist: PROCUREMNT
                    group: SYSTEM
                    id: X-1
                    title: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                  - checklist: PROCUREMENT
                    group: NOPE
                    id: X-2
                    title: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                applicability:
                  - checklist: PROCUREMENT
                    id: X-APPL
                    after: APPL-NOWHERE
                    items: [X-3]
                    status: REQUIRED
                    reason: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        assertThatThrownBy(() -> Governance.builder().overlay(overlay).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.problems()).extracting(p -> p.code().id()).containsOnly("GOV-0006");
                    assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(8, 15, 21, 23);
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(overlay.toString()));
                    assertThat(e.problems().get(0).hint().args()).containsExactly("PROCUREMENT");
                    assertThat(e.problems().get(2).message().args()).contains("X-3");
                    assertThat(e.problems().get(3).message().args()).contains("APPL-NOWHERE");
                });
    }

    @Test
    void aBadOverlayLeavesAnEngineBuiltEarlierUntouched() throws IOException {
        Decision before = MINISTRY.assess(PUBLIC_CHATBOT);
        Path overlay = write("""
                kind: Overlay
                id: DUPLICATE
                title: { ja: x, en: x }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                items:
                  - checklist: PROCUREMENT
                    group: SYSTEM
                    id: PROC-01
                    title: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        assertThatThrownBy(() -> Governance.builder().overlay(EXAMPLE).overlay(overlay).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).extracting(c -> c.id()).containsExactly("GOV-0005"));
        Decision after = MINISTRY.assess(PUBLIC_CHATBOT);
        assertThat(after.items()).isEqualTo(before.items());
        assertThat(after.definitions()).isEqualTo(before.definitions());
    }

    /** Each list of an overlay, with an entry of it; {@code %s} is where the entry's id goes. */
    static Stream<Arguments> overlayLists() {
        return Stream.of(
                Arguments.of("options", """
                          - axis: data
                            id: %s
                            level: HIGH
                            reason: { ja: 理由, en: reason }
                            provenance: interpretation
                            citation: { ja: テスト, en: test }
                        """, "SENSITIVE_IN_PROMPTS"),
                Arguments.of("combination", """
                          - id: %s
                            when: { axis: users, level: HIGH }
                            result: HIGH
                            reason: { ja: x, en: x }
                            provenance: interpretation
                            citation: { ja: テスト, en: test }
                        """, "MIN-PUBLIC-IS-HIGH"),
                Arguments.of("escalation", """
                          - id: %s
                            when: { classification: MEDIUM }
                            required: true
                            reason: { ja: x, en: x }
                            provenance: interpretation
                            citation: { ja: テスト, en: test }
                        """, "MIN-ESC-MEDIUM"),
                Arguments.of("applicability", """
                          - checklist: PROCUREMENT
                            id: %s
                            items: [PROC-10]
                            when: { axis: users, level: HIGH }
                            status: REQUIRED
                            reason: { ja: x, en: x }
                            provenance: interpretation
                            citation: { ja: テスト, en: test }
                        """, "MIN-APPL-PROC-10"),
                // an id the base already has: the first entry replaces the guideline's rule, the second would
                // silently replace the first
                Arguments.of("combination", """
                          - id: %s
                            result: LOW
                            reason: { ja: x, en: x }
                            provenance: interpretation
                            citation: { ja: テスト, en: test }
                        """, "COMB-DEFAULT-LOW"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("overlayLists")
    void anIdUsedTwiceInOneOverlayListIsRefusedAtTheSecondNamingTheFirst(String list, String entry, String id)
            throws IOException {
        Path overlay = write("""
                kind: Overlay
                id: TWICE
                title: { ja: 二重, en: Twice }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                """ + list + ":\n" + entry.formatted(id) + entry.formatted(id));
        List<String> lines = Files.readAllLines(overlay);
        List<Integer> entries = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("  - "))
                .mapToObj(i -> i + 1).toList();
        assertThat(entries).hasSize(2);
        int first = entries.get(0);
        int second = entries.get(1);

        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> Governance.builder().guidelineVersion("2.0").overlay(overlay).build());

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).as(TestFiles.render(e.problems())).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_ID);
            assertThat(p.location()).isEqualTo(new Location(overlay.toString(), second, 5, list + "[1].id"));
            assertThat(p.message()).isEqualTo(Message.of("problem.id.duplicate", id,
                    new Location(overlay.toString(), first, 5, list + "[0]").toString()));
        });
    }

    @Test
    void theSameOptionIdOnTwoAxesAndTheSameRuleIdInTwoListsAreToldApart() throws IOException {
        // options are unique per axis: one id on two axes is two options
        Path twoAxes = write("""
                kind: Overlay
                id: TWO-AXES
                title: { ja: x, en: x }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                options:
                  - axis: users
                    id: MIN-OTHER
                    level: LOW
                    reason: { ja: 理由, en: reason }
                    title: { ja: その他, en: Other }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                  - axis: work
                    id: MIN-OTHER
                    level: LOW
                    reason: { ja: 理由, en: reason }
                    title: { ja: その他, en: Other }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        List<DefinitionCatalog.Axis> axes = Governance.builder().overlay(twoAxes).build().catalog().axes();
        assertThat(axes).filteredOn(a -> a.options().stream().anyMatch(o -> o.id().equals("MIN-OTHER")))
                .extracting(DefinitionCatalog.Axis::id).containsExactly("users", "work");
        // one rule id in two lists is the set's own duplicate, reported once
        Path twoLists = write("""
                kind: Overlay
                id: TWO-LISTS
                title: { ja: x, en: x }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                combination:
                  - id: MIN-SAME
                    when: { axis: users, level: HIGH }
                    result: HIGH
                    reason: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                escalation:
                  - id: MIN-SAME
                    when: { classification: MEDIUM }
                    required: true
                    reason: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> Governance.builder().overlay(twoLists).build());
        assertThat(e.problems()).extracting(p -> p.code()).containsExactly(ProblemCode.DUPLICATE_ID);
    }

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("overlay-" + System.nanoTime() + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
