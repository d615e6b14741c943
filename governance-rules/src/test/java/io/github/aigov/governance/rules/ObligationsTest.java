package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.GuidelineVersionsTest.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.TraceEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ministry's duties (obligation sheets): the guideline's duties beyond the three sheets, each
 * with who acts and when, decided by rules like checklist items, shown apart from the items, and
 * changed by a ministry's overlay like everything else.
 */
class ObligationsTest {
    /** The duties the guideline's summary names, in definition order, with who acts and when. */
    static final Map<String, Duty> SHIPPED = duties();

    record Duty(List<Role> roles, Timing timing) {
    }

    private static Map<String, Duty> duties() {
        Map<String, Duty> m = new java.util.LinkedHashMap<>();
        m.put("DUTY-APPLICABILITY-WITH-DESK", new Duty(List.of(Role.MINISTRY), Timing.BEFORE_PROCUREMENT));
        m.put("DUTY-SUPPLY-CHAIN-RISK", new Duty(List.of(Role.MINISTRY), Timing.AT_PROCUREMENT));
        m.put("DUTY-PERIODIC-VERIFICATION", new Duty(List.of(Role.PLANNER, Role.PROVIDER), Timing.AFTER_GO_LIVE));
        m.put("DUTY-USE-LIST-REPORT", new Duty(List.of(Role.MINISTRY), Timing.PERIODICALLY));
        m.put("DUTY-RISK-CASE-REPORT", new Duty(List.of(Role.PROVIDER, Role.USER), Timing.ON_RISK_CASE));
        m.put("DUTY-RISK-CASE-RESPONSE", new Duty(List.of(Role.PROVIDER), Timing.ON_RISK_CASE));
        m.put("DUTY-RECURRENCE-PREVENTION", new Duty(List.of(Role.ADVISORY_BOARD), Timing.ON_RISK_CASE));
        return java.util.Collections.unmodifiableMap(m);
    }

    static final ProjectProfile LOW_STAFF_TOOL = profile("STAFF_SPECIFIC", "INTERNAL_SUPPORT", "PUBLIC_ONLY", "EVERY_OUTPUT",
            ProcurementForm.SAAS_API, false);
    static final ProjectProfile HIGH_PUBLIC_CHATBOT = profile("PUBLIC", "RIGHTS_AFFECTING", "PUBLIC_ONLY", "NONE",
            ProcurementForm.CUSTOMISATION, false);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void eachShippedVersionNamesTheGuidelinesDutiesAsSeedWithTheirQuotedCitation(String version) {
        GovernanceEngine engine = Governance.builder().guidelineVersion(version).build();
        DefinitionCatalog catalog = engine.catalog();
        assertThat(catalog.obligationSheets()).extracting(DefinitionCatalog.ObligationSheet::id).containsExactly("OBLIGATIONS");
        assertThat(catalog.checklists()).extracting(DefinitionCatalog.Checklist::id).doesNotContain("OBLIGATIONS");
        assertThat(catalog.obligations()).extracting(DefinitionCatalog.Obligation::id)
                .containsExactlyElementsOf(SHIPPED.keySet());
        for (DefinitionCatalog.Obligation o : catalog.obligations()) {
            assertThat(new Duty(o.roles(), o.timing())).as(o.id()).isEqualTo(SHIPPED.get(o.id()));
            assertThat(o.source().provenance()).as(o.id()).isEqualTo(Provenance.SEED);
            // a duty's citation says which summary it is and quotes it in 「」, the same quote in both languages
            LocalizedText citation = o.source().citation();
            assertThat(citation.ja()).as(o.id()).startsWith("DS-920 第1.0版 概要資料");
            assertThat(citation.en()).as(o.id()).startsWith("DS-920 v1.0, summary slide");
            assertThat(quotes(citation.en())).as(o.id()).isNotEmpty().isEqualTo(quotes(citation.ja()));
            for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
                assertThat(engine.render(Message.of(o.id() + ".title"), locale)).as(o.id()).isNotBlank()
                        .isNotEqualTo(o.id() + ".title");
            }
        }
    }

    @Test
    void inScopeEveryDutyIsRequiredByTheDefaultReadingAndApartFromTheItems() {
        for (ProjectProfile p : List.of(LOW_STAFF_TOOL, HIGH_PUBLIC_CHATBOT)) {
            Decision d = GuidelineVersionsTest.V2.assess(p);
            assertThat(d.obligations()).extracting(ObligationResult::id).containsExactlyElementsOf(SHIPPED.keySet());
            for (ObligationResult o : d.obligations()) {
                assertThat(o.status()).as(o.id()).isEqualTo(ItemStatus.REQUIRED);
                assertThat(o.sheet()).isEqualTo("OBLIGATIONS");
                assertThat(new Duty(o.roles(), o.timing())).as(o.id()).isEqualTo(SHIPPED.get(o.id()));
                assertThat(o.reason().ruleId()).isEqualTo("OBL-IN-SCOPE");
                assertThat(o.reason().source().provenance()).isEqualTo(Provenance.INTERPRETATION);
                assertThat(o.source().provenance()).isEqualTo(Provenance.SEED);
            }
            assertThat(d.items()).extracting(i -> i.sheet()).doesNotContain("OBLIGATIONS");
            assertThat(d.obligations(ItemStatus.REQUIRED)).hasSize(SHIPPED.size());
            assertThat(d.obligation("DUTY-PERIODIC-VERIFICATION")).isPresent();
            assertThat(d.obligation("PROC-01")).isEmpty();
        }
    }

    @Test
    void eachDutyIsDecidedByATraceEventOfItsOwnAfterTheItems() {
        Decision d = GuidelineVersionsTest.V1.assess(HIGH_PUBLIC_CHATBOT);
        List<TraceEvent> duties = d.trace().stream().filter(e -> e.phase().equals("obligation")).toList();
        assertThat(duties).extracting(TraceEvent::outcome).containsExactlyElementsOf(
                SHIPPED.keySet().stream().map(id -> id + "=REQUIRED").toList());
        assertThat(duties).allSatisfy(e -> {
            assertThat(e.rule()).isEqualTo("obligation:OBL-IN-SCOPE");
            assertThat(e.facts()).contains("Classification(HIGH by COMB-RIGHTS-OR-SAFETY-WITHOUT-JUDGEMENT)");
            assertThat(e.facts().get(e.facts().size() - 1)).startsWith("Obligation(DUTY-");
            assertThat(e.source().file()).endsWith("ds920/v1.0/obligations.yaml");
        });
        int lastItem = d.trace().stream().filter(e -> e.phase().equals("applicability")).mapToInt(TraceEvent::sequence).max()
                .orElseThrow();
        assertThat(duties.get(0).sequence()).isEqualTo(lastItem + 1);
    }

    @Test
    void outOfScopeNoDutyAppliesByTheScopeRule() {
        ProjectProfile secrets = new ProjectProfile("secrets", "n", "o", "", new ProjectProfile.Scope(true, true),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                LOW_STAFF_TOOL.axes());
        Decision d = GuidelineVersionsTest.V2.assess(secrets);
        assertThat(d.classification()).isEqualTo(Classification.OUT_OF_SCOPE);
        assertThat(d.obligations()).hasSize(SHIPPED.size()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(ItemStatus.NOT_APPLICABLE);
            assertThat(o.reason().ruleId()).isEqualTo("SCOPE-SPECIFIED-SECRETS");
        });
        assertThat(d.trace()).filteredOn(e -> e.facts().contains("Obligation(DUTY-RISK-CASE-REPORT)")).singleElement()
                .satisfies(e -> {
                    assertThat(e.phase()).isEqualTo("scope-items");
                    assertThat(e.outcome()).isEqualTo("DUTY-RISK-CASE-REPORT=NOT_APPLICABLE");
                });
    }

    @Test
    void anOverlayChangesWhoActsAndWhenKeepingTheTitleAndAddsADutyWithRulesOfItsOwn() {
        GovernanceEngine ministry = Governance.builder().guidelineVersion("2.0")
                .overlay(FixtureSets.FIXTURES.resolve("overlay/changes-and-adds-obligations.yaml")).build();

        Decision high = ministry.assess(HIGH_PUBLIC_CHATBOT);
        ObligationResult list = high.obligation("DUTY-USE-LIST-REPORT").orElseThrow();
        assertThat(list.roles()).containsExactly(Role.CAIO);
        assertThat(list.timing()).isEqualTo(Timing.AFTER_GO_LIVE);
        assertThat(list.source().overlay()).isEqualTo("DUTIES-OVERLAY");
        assertThat(list.source().provenance()).isEqualTo(Provenance.INTERPRETATION);
        assertThat(ministry.render(Message.of("DUTY-USE-LIST-REPORT.title"), Locale.JAPANESE))
                .isEqualTo(GuidelineVersionsTest.V2.render(Message.of("DUTY-USE-LIST-REPORT.title"), Locale.JAPANESE));
        // the other duties are the guideline's, untouched
        assertThat(high.obligation("DUTY-PERIODIC-VERIFICATION").orElseThrow())
                .isEqualTo(GuidelineVersionsTest.V2.assess(HIGH_PUBLIC_CHATBOT).obligation("DUTY-PERIODIC-VERIFICATION").orElseThrow());

        ObligationResult audit = high.obligation("DUTY-MINISTRY-AUDIT").orElseThrow();
        assertThat(audit.status()).isEqualTo(ItemStatus.REQUIRED);
        assertThat(audit.group()).isEqualTo("DUTIES-OPERATION");
        assertThat(audit.roles()).containsExactly(Role.MINISTRY);
        assertThat(audit.reason().ruleId()).isEqualTo("OV-OBL-AUDIT-AT-HIGH");
        assertThat(high.trace()).filteredOn(e -> e.outcome().equals("DUTY-MINISTRY-AUDIT=REQUIRED")).singleElement()
                .satisfies(e -> assertThat(e.source().overlay()).isEqualTo("DUTIES-OVERLAY"));
        ObligationResult auditAtLow = ministry.assess(LOW_STAFF_TOOL).obligation("DUTY-MINISTRY-AUDIT").orElseThrow();
        assertThat(auditAtLow.status()).isEqualTo(ItemStatus.RECOMMENDED);
        assertThat(auditAtLow.reason().ruleId()).isEqualTo("OV-OBL-AUDIT-OTHERWISE");
        assertThat(GuidelineVersionsTest.V2.assess(HIGH_PUBLIC_CHATBOT).obligation("DUTY-MINISTRY-AUDIT")).isEmpty();

        DefinitionDiff diff = Governance.diff(GuidelineVersionsTest.V2, ministry, List.of(LOW_STAFF_TOOL));
        assertThat(diff.changes()).extracting(c -> c.kind() + " " + c.category() + " " + c.id()).containsExactly(
                "CHANGED obligation DUTY-USE-LIST-REPORT",
                "ADDED obligation DUTY-MINISTRY-AUDIT",
                "ADDED obligation-rule OV-OBL-AUDIT-AT-HIGH",
                "ADDED obligation-rule OV-OBL-AUDIT-OTHERWISE");
        assertThat(diff.changes().get(0).details()).extracting(m -> ministry.render(m, Locale.ENGLISH)).containsExactly(
                "who acts MINISTRY → CAIO", "when PERIODICALLY → AFTER_GO_LIVE", "provenance seed → interpretation",
                "now contributed by overlay DUTIES-OVERLAY");
        assertThat(diff.impacts()).singleElement().satisfies(i -> assertThat(i.differences())
                .extracting(m -> ministry.render(m, Locale.ENGLISH))
                .containsExactly("DUTY-MINISTRY-AUDIT: new obligation, RECOMMENDED (decided by OV-OBL-AUDIT-OTHERWISE)"));
    }

    @Test
    void anOverlayRuleCanSetADutyAsideWithAReasonOfItsOwn() throws IOException {
        Path overlay = write("""
                kind: Overlay
                id: NO-DESK-AT-LOW
                title: { ja: 低リスクは相談窓口と連携しない, en: No desk at low risk }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                applicability:
                  - checklist: OBLIGATIONS
                    id: OV-DESK-NOT-AT-LOW
                    items: [DUTY-APPLICABILITY-WITH-DESK]
                    when: { classification: LOW }
                    status: NOT_APPLICABLE
                    reason: { ja: 当省は低リスクの適用判断を自ら行う, en: The ministry decides low-risk applicability itself }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        GovernanceEngine ministry = Governance.builder().guidelineVersion("2.0").overlay(overlay).build();
        ObligationResult low = ministry.assess(LOW_STAFF_TOOL).obligation("DUTY-APPLICABILITY-WITH-DESK").orElseThrow();
        assertThat(low.status()).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(low.reason().ruleId()).isEqualTo("OV-DESK-NOT-AT-LOW");
        assertThat(ministry.render(low.reason().message(), Locale.ENGLISH)).isEqualTo("The ministry decides low-risk applicability itself");
        assertThat(ministry.assess(HIGH_PUBLIC_CHATBOT).obligation("DUTY-APPLICABILITY-WITH-DESK").orElseThrow().status())
                .isEqualTo(ItemStatus.REQUIRED);
        assertThat(ministry.warnings()).isEmpty();
    }

    @Test
    void itemsAndDutiesAreAddedEachToTheirOwnKindOfSheetAndAMisplacedOneIsRefusedWithItsLocation() throws IOException {
        Path overlay = write("""
                kind: Overlay
                id: MISPLACED
                title: { ja: 誤り, en: Misplaced }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                items:
                  - checklist: OBLIGATIONS
                    group: DUTIES-OPERATION
                    id: X-ITEM
                    title: { ja: x, en: x }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                obligations:
                  - sheet: PROCUREMENT
                    group: SYSTEM
                    id: X-DUTY
                    title: { ja: x, en: x }
                    roles: [MINISTRY]
                    timing: PERIODICALLY
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                  - sheet: OBLIGATIONZ
                    group: DUTIES-OPERATION
                    id: Y-DUTY
                    title: { ja: y, en: y }
                    roles: [MINISTRY]
                    timing: PERIODICALLY
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                  - sheet: OBLIGATIONS
                    group: DUTIES-OPERATION
                    id: Z-DUTY
                    title: { ja: z, en: z }
                    roles: []
                    timing: monthly
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        assertThatThrownBy(() -> Governance.builder().overlay(overlay).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.problems()).extracting(p -> p.code().id() + " " + p.location().line() + " " + p.message().key())
                            .containsExactly(
                                    "GOV-0007 8 problem.overlay.items-on-obligations",
                                    "GOV-0007 15 problem.overlay.obligations-on-checklist",
                                    "GOV-0006 23 problem.reference.obligation-sheet",
                                    "GOV-0003 35 problem.field.missing",
                                    "GOV-0007 36 problem.value.invalid");
                    assertThat(e.problems().get(2).hint()).isEqualTo(Message.of("hint.did-you-mean", "OBLIGATIONS"));
                    assertThat(e.problems().get(4).hint()).isEqualTo(Message.of("hint.one-of",
                            String.join(", ", Stream.of(Timing.values()).map(Enum::name).toList())));
                });
    }

    @Test
    void aDutyNoRuleDecidesForSomeAnswerIsAnErrorNamingAnExample() throws IOException {
        Path overlay = write("""
                kind: Overlay
                id: HALF-DECIDED
                title: { ja: 半端, en: Half decided }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                obligations:
                  - sheet: OBLIGATIONS
                    group: DUTIES-OPERATION
                    id: DUTY-ONLY-AT-HIGH
                    title: { ja: 高のみ, en: Only at high }
                    roles: [CAIO]
                    timing: PERIODICALLY
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                applicability:
                  - checklist: OBLIGATIONS
                    id: OV-ONLY-AT-HIGH
                    items: [DUTY-ONLY-AT-HIGH]
                    when: { classification: HIGH }
                    status: REQUIRED
                    reason: { ja: 高リスク, en: High risk }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        // OBL-IN-SCOPE names every duty of the sheet, so it decides the new one too: no gap.
        assertThat(Governance.builder().overlay(overlay).build().assess(LOW_STAFF_TOOL).obligation("DUTY-ONLY-AT-HIGH")
                .orElseThrow().reason().ruleId()).isEqualTo("OBL-IN-SCOPE");

        Path replaced = write(Files.readString(overlay) + """
                  - checklist: OBLIGATIONS
                    id: OBL-IN-SCOPE
                    items: [DUTY-APPLICABILITY-WITH-DESK, DUTY-SUPPLY-CHAIN-RISK, DUTY-PERIODIC-VERIFICATION,
                            DUTY-USE-LIST-REPORT, DUTY-RISK-CASE-REPORT, DUTY-RISK-CASE-RESPONSE, DUTY-RECURRENCE-PREVENTION]
                    status: REQUIRED
                    reason: { ja: 対象のすべて, en: All in scope }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        assertThatThrownBy(() -> Governance.builder().overlay(replaced).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    Problem p = TestFiles.only(e.problems(), ProblemCode.ITEM_NOT_COVERED);
                    assertThat(p.message().key()).isEqualTo("problem.coverage.item");
                    assertThat(p.message().args()).startsWith("DUTY-ONLY-AT-HIGH", "OBLIGATIONS");
                    assertThat(p.message().args().get(2)).doesNotContain("classification=HIGH");
                    assertThat(p.location().file()).isEqualTo(replaced.toString());
                });
    }

    @Test
    void anObligationSheetListedFirstInTheManifestIsStillDecidedAfterTheChecklists() throws IOException {
        Path set = dir.resolve("set");
        Files.createDirectories(set);
        for (String f : List.of("risk-assessment.yaml", "procurement-checklist.yaml", "contract-checklist.yaml",
                "board-report.yaml", "obligations.yaml", "questionnaire.yaml")) {
            Files.copy(SharedEngine.V1.resolve(f), set.resolve(f));
        }
        String manifest = Files.readString(SharedEngine.V1.resolve("definition-set.yaml"));
        String reorderedManifest = manifest.replace(
                "sheets: [risk-assessment.yaml, procurement-checklist.yaml, contract-checklist.yaml, board-report.yaml, obligations.yaml]",
                "sheets: [obligations.yaml, risk-assessment.yaml, procurement-checklist.yaml, contract-checklist.yaml, board-report.yaml]");
        assertThat(reorderedManifest).isNotEqualTo(manifest);
        Files.writeString(set.resolve("definition-set.yaml"), reorderedManifest);
        GovernanceEngine reordered = Governance.builder().definitions(set.resolve("definition-set.yaml")).build();

        Decision d = reordered.assess(HIGH_PUBLIC_CHATBOT);
        Decision shipped = GuidelineVersionsTest.V1.assess(HIGH_PUBLIC_CHATBOT);
        assertThat(d.trace()).extracting(e -> e.rule() + " " + e.outcome())
                .isEqualTo(shipped.trace().stream().map(e -> e.rule() + " " + e.outcome()).toList());
        assertThat(d.obligations()).extracting(ObligationResult::id).containsExactlyElementsOf(SHIPPED.keySet());
        assertThat(reordered.definitions().hash()).isNotEqualTo(GuidelineVersionsTest.V1.definitions().hash());
    }

    @Test
    void aDutyWithoutWhoOrWhenOrWithARoleOutsideTheVocabularyIsRefusedWhereItIsWritten() throws IOException {
        Path set = dir.resolve("broken");
        Files.createDirectories(set);
        for (String f : List.of("definition-set.yaml", "risk-assessment.yaml", "procurement-checklist.yaml",
                "contract-checklist.yaml", "board-report.yaml", "obligations.yaml", "questionnaire.yaml")) {
            Files.copy(SharedEngine.V1.resolve(f), set.resolve(f));
        }
        Path file = set.resolve("obligations.yaml");
        TestFiles.replace(file,
                "        roles: [PLANNER, PROVIDER]\n", "        roles: [PLANER, PROVIDER, PROVIDER]\n",
                "        roles: [PROVIDER, USER]\n", "",
                "        timing: PERIODICALLY\n", "");
        assertThatThrownBy(() -> Governance.builder().definitions(set.resolve("definition-set.yaml")).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    WellFormedProblems.assertWellFormed(e);
                    assertThat(e.problems()).extracting(p -> p.code().id() + " " + p.location().path()).containsExactly(
                            "GOV-0007 groups[1].items[0].roles[0]",
                            "GOV-0007 groups[1].items[0].roles[2]",
                            "GOV-0003 groups[1].items[1].timing",
                            "GOV-0003 groups[2].items[0].roles");
                    assertThat(e.problems().get(0).hint()).isEqualTo(Message.of("hint.did-you-mean", "PLANNER"));
                    assertThat(e.problems().get(1).message()).isEqualTo(Message.of("problem.value.repeated", "PROVIDER", "roles"));
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(file.toString()));
                });
    }

    /** The quotes of the guideline a citation holds: 「…」, each whole (a quote may hold a quoted title). */
    private static List<String> quotes(String citation) {
        return QUOTE.matcher(citation).results().map(java.util.regex.MatchResult::group).toList();
    }

    private static final java.util.regex.Pattern QUOTE = java.util.regex.Pattern.compile("「(?:[^「」]|「[^「」]*」)*」");

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("overlay-" + System.nanoTime() + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
