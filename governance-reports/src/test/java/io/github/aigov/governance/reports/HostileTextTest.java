package io.github.aigov.governance.reports;

import static io.github.aigov.governance.reports.Samples.V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles are written by people, and definitions by ministries: whatever they contain is text in
 * every paper, never markup, a link, a script or a formula.
 */
class HostileTextTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(2)>";
    static final String LINK = "[click](javascript:alert(3)) *bold* | pipe\n- list\n# heading";
    static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"open\")";

    /** A high-risk profile (so every paper, the board report included, is produced) full of markup. */
    static final ProjectProfile HOSTILE = new ProjectProfile("hostile-profile", "Chatbot " + SCRIPT, "Ministry " + IMG,
            LINK, new ProjectProfile.Scope(true, false), new ProjectProfile.Model(FORMULA, "Vendor & Sons <b>"),
            new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
            Map.of("users", "PUBLIC", "work", "INFORMATION_PROVISION", "data", "PUBLIC_ONLY", "judgement", "NONE"));

    static Decision decision() {
        return V2.assess(HOSTILE);
    }

    @Test
    void htmlRendersProfileTextInert() {
        for (Locale locale : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
            for (String html : new String[] {Reports.html(decision(), V2, locale), Reports.boardReportHtml(decision(), V2, locale)}) {
                assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                        .doesNotContain("onerror=alert(2)>");
                assertThat(html).contains("Chatbot &lt;script&gt;alert(1)&lt;/script&gt;")
                        .contains("Ministry &quot;&gt;&lt;img src=x onerror=alert(2)&gt;")
                        .contains("Vendor &amp; Sons &lt;b&gt;");
                // what a reader sees is exactly what the officer typed
                assertThat(Pages.text(html)).contains("Chatbot " + SCRIPT, "Ministry " + IMG, "Vendor & Sons <b>");
                SamplePapersTest.assertSelfContained(html);
            }
        }
    }

    @Test
    void markdownEscapesEveryConstruct() {
        for (String md : new String[] {Reports.markdown(decision(), V2, Locale.ENGLISH),
                Reports.boardReport(decision(), V2, Locale.ENGLISH)}) {
            assertThat(md).doesNotContain(SCRIPT).contains("Chatbot \\<script\\>alert(1)\\</script\\>");
            assertThat(md).doesNotContainPattern("(?<!\\\\)<").contains("\\<img src=x onerror=alert(2)\\>");
        }
        String board = Reports.boardReport(decision(), V2, Locale.ENGLISH);
        // no link, no emphasis, no table cell break, no list or heading from the description's lines
        assertThat(board).doesNotContain("[click](").contains("\\[click\\](javascript:alert(3)) \\*bold\\* \\| pipe - list \\# heading");
        assertThat(board).contains("Vendor \\& Sons \\<b\\>");
        assertThat(board.lines().filter(l -> l.startsWith("| **Description** |"))).singleElement()
                .satisfies(l -> assertThat(l.split("(?<!\\\\)\\|", -1)).hasSize(4));
    }

    /** A ministry's overlay writes the texts of its duties; markup in them is text in every paper too. */
    @Test
    void anOverlaysDutyTextIsInertInEveryPaper(@TempDir Path dir) throws IOException {
        Path overlay = dir.resolve("hostile-duty.yaml");
        Files.writeString(overlay, """
                kind: Overlay
                id: HOSTILE-DUTY
                title: { ja: 敵対的, en: Hostile }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                obligations:
                  - sheet: OBLIGATIONS
                    group: DUTIES-OPERATION
                    id: DUTY-HOSTILE
                    number: "<i>9</i>"
                    title: { ja: "責務 <script>alert(1)</script>", en: "Duty <script>alert(1)</script> [x](javascript:alert(3))" }
                    roles: [CAIO]
                    timing: PERIODICALLY
                    provenance: interpretation
                    citation:
                      ja: "=HYPERLINK(\\"http://example.invalid\\") <img src=x onerror=alert(2)> 出典"
                      en: "=HYPERLINK(\\"http://example.invalid\\") <img src=x onerror=alert(2)>"
                """);
        GovernanceEngine engine = Governance.builder().guidelineVersion("2.0").overlay(overlay).build();
        Decision d = engine.assess(HOSTILE);
        assertThat(d.obligation("DUTY-HOSTILE").orElseThrow().status()).isEqualTo(ItemStatus.REQUIRED);
        for (Locale locale : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
            for (String html : new String[] {Reports.html(d, engine, locale), Reports.boardReportHtml(d, engine, locale)}) {
                assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<i>9");
                assertThat(Pages.text(html)).contains("<script>alert(1)</script>");
                SamplePapersTest.assertSelfContained(html);
            }
        }
        for (String md : new String[] {Reports.markdown(d, engine, Locale.ENGLISH), Reports.boardReport(d, engine, Locale.ENGLISH)}) {
            assertThat(md).doesNotContain("<script>").doesNotContain("[x](javascript").contains("Duty \\<script\\>alert(1)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(d, engine, Locale.ENGLISH, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet duties = wb.getSheet("The ministry's duties");
            Row hostile = null;
            for (Row r : duties) {
                if (r.getCell(0).getStringCellValue().equals("DUTY-HOSTILE")) {
                    hostile = r;
                }
            }
            assertThat(hostile).isNotNull();
            assertThat(hostile.getCell(11).getCellType()).isEqualTo(CellType.STRING);
            assertThat(hostile.getCell(11).getStringCellValue()).startsWith("=HYPERLINK(");
        }
    }

    @Test
    void xlsxKeepsFormulasAsText() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(decision(), V2, Locale.ENGLISH, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet summary = wb.getSheetAt(0);
            Row model = null;
            for (Row r : summary) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("Model")) {
                    model = r;
                }
            }
            assertThat(model).isNotNull();
            assertThat(model.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(model.getCell(1).getStringCellValue()).isEqualTo(FORMULA);
            assertThat(SamplePapersTest.value(summary, "Name")).isEqualTo("Chatbot " + SCRIPT);
            assertThat(SamplePapersTest.value(summary, "Description")).isEqualTo(LINK);
        }
    }

    /** An overlay's own title and citation are the ministry's text too: shown in every paper, never as markup. */
    @Test
    void anOverlaysTitleAndCitationAreInertInEveryPaper(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path overlay = dir.resolve("hostile-overlay.yaml");
        java.nio.file.Files.writeString(overlay, """
                kind: Overlay
                id: HOSTILE-OVERLAY
                title: { ja: "方針 <script>alert(1)</script>", en: "Rules <script>alert(1)</script>" }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: "決定 [click](javascript:alert(3))", en: "=HYPERLINK(\\"http://example.invalid\\",\\"open\\")" }
                """);
        io.github.aigov.governance.GovernanceEngine engine = io.github.aigov.governance.Governance.builder()
                .guidelineVersion("2.0").overlay(overlay).build();
        Decision d = engine.assess(HOSTILE);
        String html = Reports.html(d, engine, Locale.JAPANESE);
        assertThat(html).doesNotContain("<script").contains("方針 &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Pages.text(html)).contains("方針 " + SCRIPT, "決定 [click](javascript:alert(3))");
        String md = Reports.markdown(d, engine, Locale.JAPANESE);
        assertThat(md).doesNotContain("[click](").contains("方針 \\<script\\>", "決定 \\[click\\](javascript:alert(3))");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.xlsx(d, engine, Locale.ENGLISH, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Row overlays = null;
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("Overlays")) {
                    overlays = r;
                }
            }
            assertThat(overlays).isNotNull();
            assertThat(overlays.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(overlays.getCell(1).getStringCellValue()).contains("Rules " + SCRIPT, "Citation: " + FORMULA);
        }
    }
}
