package io.github.aigov.governance.reports;

import static io.github.aigov.governance.reports.Samples.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The papers name the definitions that decided: a ministry's overlay is marked on every item and
 * reason it contributed, a decision is only rendered with the definitions that made it, another
 * guideline version gets its own papers, and a decision read back from JSON renders the same.
 */
class DefinitionsInPapersTest {
    static final String OVERLAY = "EXAMPLE-MINISTRY-2026";

    static Decision ministryDecision() {
        return Samples.Other.MINISTRY.assess(Samples.decision("benefits-eligibility-chatbot").profile());
    }

    @Test
    void overlayContributionsAreMarkedWithTheOverlayId() throws IOException {
        GovernanceEngine ministry = Samples.Other.MINISTRY;
        Decision d = ministryDecision();
        assertThat(d.item("MIN-PLAIN-JAPANESE").orElseThrow().status()).isEqualTo(ItemStatus.REQUIRED);

        String html = Reports.html(d, ministry, Locale.JAPANESE);
        String badge = "<span class=\"badge overlay\">オーバーレイ " + OVERLAY + "</span>";
        // the overlay's own item: the item and the rule that decided it both come from the overlay
        String added = Pages.element(html, "item-MIN-PLAIN-JAPANESE", "</tr>");
        assertThat(added).contains("国民向けの回答における平易な日本語", "省1", "MIN-APPL-PLAIN-JAPANESE-PUBLIC", "prov-INTERPRETATION");
        assertThat(added.split(java.util.regex.Pattern.quote(badge), -1)).hasSize(3);
        // a guideline item decided by the overlay's rule: the item is the guideline's, the reason the overlay's
        String proc10 = Pages.element(html, "item-PROC-10", "</tr>");
        assertThat(proc10).contains("prov-SEED", "MIN-APPL-PLAIN-JAPANESE-PUBLIC", badge);
        assertThat(Pages.element(html, "item-PROC-01", "</tr>")).doesNotContain("overlay");
        // the overlay is listed with the definitions, with its hash, its own title and citation in the reader's
        // language, and explained in the legend
        assertThat(Pages.element(html, "project", "</section>")).contains(OVERLAY, d.definitions().overlays().get(0).hash(),
                "例示府省の生成AI調達運用方針（オーバーレイの例）", "例示府省 AI統括責任者（CAIO）室の決定（2026年7月1日）")
                .doesNotContain("An example ministry's", "Example ministry, decision");
        assertThat(Pages.element(html, "legend", "</section>")).contains("府省オーバーレイ");

        String md = Reports.markdown(d, ministry, Locale.ENGLISH);
        assertThat(md).contains("The contractor shall take measures concerning “Plain Japanese (yasashii nihongo) and accessibility"
                + " in answers to citizens”. (省1 MIN-PLAIN-JAPANESE)[^MIN-PLAIN-JAPANESE]");
        assertThat(md.lines().filter(l -> l.startsWith("[^MIN-PLAIN-JAPANESE]: "))).singleElement()
                .satisfies(l -> assertThat(l).contains("*overlay " + OVERLAY + "*", "Example ministry, CAIO decision of 2026-07-01, §3"));
        assertThat(md).contains("`" + OVERLAY + "`", "An example ministry's generative-AI procurement rules (example overlay)",
                "Example ministry, decision of the CAIO's office of 2026-07-01");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(d, ministry, Locale.ENGLISH, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet procurement = wb.getSheet("Procurement checklist");
            Row row = null;
            for (Row r : procurement) {
                if (r.getCell(0).getStringCellValue().equals("MIN-PLAIN-JAPANESE")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("interpretation, overlay " + OVERLAY);
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("interpretation, overlay " + OVERLAY);
            assertThat(SamplePapersTest.value(wb.getSheetAt(0), "Overlays"))
                    .startsWith(OVERLAY + " An example ministry's generative-AI procurement rules (example overlay)\nsha256:")
                    .contains("Citation: Example ministry, decision of the CAIO's office");
        }
    }

    @Test
    void theOverlaysDutiesAreMarkedWithTheOverlayIdInEveryPaper() throws IOException {
        GovernanceEngine ministry = Samples.Other.MINISTRY;
        Decision d = ministryDecision();
        assertThat(d.obligation("MIN-DUTY-ANNUAL-REVIEW").orElseThrow().status()).isEqualTo(ItemStatus.REQUIRED);
        String badge = "<span class=\"badge overlay\">オーバーレイ " + OVERLAY + "</span>";

        String html = Reports.html(d, ministry, Locale.JAPANESE);
        // the overlay's own duty: the duty and the rule that decided it both come from the overlay
        String added = Pages.element(html, "duty-MIN-DUTY-ANNUAL-REVIEW", "</tr>");
        assertThat(added).contains("AI統括責任者による利用状況の年次確認", "省2", "AI統括責任者（CAIO）、企画者", "定期",
                "MIN-OBL-ANNUAL-REVIEW-HIGH", "prov-INTERPRETATION", "例示府省 AI統括責任者（CAIO）の決定（2026年7月1日）第4項")
                .doesNotContain("Example ministry");
        assertThat(added.split(java.util.regex.Pattern.quote(badge), -1)).hasSize(3);
        // a guideline duty the overlay changed (who acts): marked as the overlay's, decided by the guideline's rule
        String changed = Pages.element(html, "duty-DUTY-USE-LIST-REPORT", "</tr>");
        assertThat(changed).contains("AI統括責任者（CAIO）", "OBL-IN-SCOPE", badge).doesNotContain("各府省</td>");
        assertThat(Pages.element(html, "duty-DUTY-PERIODIC-VERIFICATION", "</tr>")).doesNotContain("overlay");

        String md = Reports.markdown(d, ministry, Locale.ENGLISH);
        assertThat(md).contains("\\[Chief AI Officer (CAIO), planner; periodically\\] A yearly review of the system's use by the CAIO"
                + " (MIN-DUTY-ANNUAL-REVIEW)[^MIN-DUTY-ANNUAL-REVIEW]");
        assertThat(md.lines().filter(l -> l.startsWith("[^MIN-DUTY-ANNUAL-REVIEW]: "))).singleElement()
                .satisfies(l -> assertThat(l).contains("*overlay " + OVERLAY + "*", "Example ministry, CAIO decision of 2026-07-01, §4",
                        "`MIN-OBL-ANNUAL-REVIEW-HIGH`"));

        String board = Reports.boardReport(d, ministry, Locale.ENGLISH);
        assertThat(board.lines().filter(l -> l.contains("(MIN-DUTY-ANNUAL-REVIEW)"))).singleElement()
                .satisfies(l -> assertThat(l).contains("*overlay " + OVERLAY + "*", "[TO BE COMPLETED: "));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(d, ministry, Locale.ENGLISH, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet duties = wb.getSheet("The ministry's duties");
            Row row = null;
            for (Row r : duties) {
                if (r.getCell(0).getStringCellValue().equals("MIN-DUTY-ANNUAL-REVIEW")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Chief AI Officer (CAIO), planner");
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("interpretation, overlay " + OVERLAY);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("interpretation, overlay " + OVERLAY);
        }
    }

    @Test
    void aDecisionIsRenderedOnlyWithTheDefinitionsThatMadeIt() {
        Decision withOverlay = ministryDecision();
        Decision v2 = Samples.decision("seabis-help-chat");
        List.<ThrowingCallable>of(
                () -> Reports.html(withOverlay, V2, Locale.ENGLISH),
                () -> Reports.markdown(v2, Samples.Other.MINISTRY, Locale.ENGLISH),
                () -> Reports.xlsx(v2, Samples.Other.V1, Locale.ENGLISH, new ByteArrayOutputStream()),
                () -> Reports.boardReport(withOverlay, Samples.Other.V1, Locale.ENGLISH)).forEach(call ->
                assertThatThrownBy(call).isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.problems()).singleElement().extracting(Problem::code)
                            .satisfies(c -> assertThat(c.id()).isEqualTo("GOV-0020"));
                    assertThat(e.getMessage()).contains("GOV-0020", "the decision was made with DS-920");
                }));
    }

    @Test
    void version1PapersCarryWhatVersion1WasReportedToAskForTheBoard() throws IOException {
        GovernanceEngine v1 = Samples.Other.V1;
        Decision d = v1.assess(Samples.decision("tax-notice-drafting").profile());
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        // v1.0 was reported to ask the planner for the purpose, risk mitigation and quality assurance
        // including during operation; v2.0 for project details, objectives, mitigation and QA plans
        assertThat(d.items(ItemStatus.REQUIRED)).filteredOn(i -> i.sheet().equals("BOARD-REPORT")).extracting(i -> i.id())
                .containsExactly("BOARD-OBJECTIVES", "BOARD-MITIGATION", "BOARD-QA-PLAN");
        assertThat(d.item("BOARD-QA-PLAN").orElseThrow().source().citation().en()).contains("DS-920 v1.0")
                .contains("including during operation").doesNotContain("v2.0");

        String html = Reports.html(d, v1, Locale.ENGLISH);
        assertThat(html).contains("version 1.0", "id=\"sheet-PROCUREMENT\"", "id=\"sheet-CONTRACT\"", "id=\"sheet-BOARD-REPORT\"");
        String md = Reports.markdown(d, v1, Locale.ENGLISH);
        assertThat(md).contains("advisory board: headings");
        // the draft uses v1.0's titles; v1.0 names no project details, so that heading is the library's, without a badge
        String board = Reports.boardReport(d, v1, Locale.ENGLISH);
        assertThat(board.lines().filter(l -> l.startsWith("## ")).toList()).startsWith("## 1. Project details",
                "## 2. The project's purpose *public*", "## 3. Risk assessment", "## 4. Risk-mitigation measures *public*",
                "## 5. Quality-assurance measures, including during operation *public*");
        assertThat(board).contains("version 1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(d, v1, Locale.ENGLISH, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).as("summary, three checklists, the ministry's duties").isEqualTo(5);
            assertThat(SamplePapersTest.value(wb.getSheetAt(0), "Version")).isEqualTo("1.0");
        }
    }

    @Test
    void aDecisionReadBackFromItsJsonRecordRendersTheSame() {
        Decision d = Samples.decision("benefits-eligibility-chatbot");
        Decision back = Governance.fromJson(Governance.toJson(d));
        for (Locale locale : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
            assertThat(Reports.html(back, V2, locale)).isEqualTo(Reports.html(d, V2, locale));
            assertThat(Reports.markdown(back, V2, locale)).isEqualTo(Reports.markdown(d, V2, locale));
            assertThat(Reports.boardReport(back, V2, locale)).isEqualTo(Reports.boardReport(d, V2, locale));
        }
    }

    @Test
    void anyLanguageButJapaneseGetsTheEnglishPapers() {
        Decision d = Samples.decision("seabis-help-chat");
        assertThat(Reports.html(d, V2, Locale.JAPAN)).isEqualTo(Reports.html(d, V2, Locale.JAPANESE))
                .contains("<html lang=\"ja\">");
        assertThat(Reports.html(d, V2, Locale.FRENCH)).isEqualTo(Reports.html(d, V2, Locale.ENGLISH))
                .contains("<html lang=\"en\">");
    }

    @Test
    void argumentsAreChecked() {
        Decision d = Samples.decision("seabis-help-chat");
        assertThatThrownBy(() -> Reports.html(null, V2, Locale.ENGLISH)).isInstanceOf(NullPointerException.class)
                .hasMessage("decision");
        assertThatThrownBy(() -> Reports.html(d, null, Locale.ENGLISH)).isInstanceOf(NullPointerException.class)
                .hasMessage("engine");
        assertThatThrownBy(() -> Reports.markdown(d, V2, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("locale");
        assertThatThrownBy(() -> Reports.xlsx(d, V2, Locale.ENGLISH, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("out");
    }
}
