package io.github.aigov.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definitions may hold texts of up to 4,000 characters (longer ones are refused when they load) and a profile a
 * description of up to 20,000: every paper carries the longest of each whole, the workbook (32,767 characters a
 * cell) included.
 */
class LongestTextsTest {
    /** The definitions' limit; the loader refuses anything longer. */
    private static final int LONGEST = 4_000;

    @TempDir
    Path dir;

    private static String text(String tag) {
        return tag + "字".repeat(LONGEST - tag.length());
    }

    @Test
    void everyPaperCarriesTheLongestTextsWhole() throws IOException {
        String title = text("TITLE");
        String reason = text("REASON");
        String itemReason = text("ITEM-REASON");
        String citation = text("CITATION");
        Path overlay = Files.writeString(dir.resolve("longest.yaml"), """
                kind: Overlay
                id: LONGEST
                title: { ja: "%1$s", en: "%1$s" }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: "%4$s"
                items:              # without a number, as an overlay's item may be
                  - checklist: PROCUREMENT
                    group: SYSTEM
                    id: LONG-ITEM
                    title: { ja: "%1$s", en: "%1$s" }
                    provenance: interpretation
                    citation: "%4$s"
                combination:
                  - id: LONG-PUBLIC-IS-HIGH
                    when: { axis: users, level: HIGH }
                    result: HIGH
                    reason: { ja: "%2$s", en: "%2$s" }
                    provenance: interpretation
                    citation: "%4$s"
                applicability:
                  - checklist: PROCUREMENT
                    id: LONG-APPL
                    items: [LONG-ITEM]
                    status: REQUIRED
                    reason: { ja: "%3$s", en: "%3$s" }
                    provenance: interpretation
                    citation: "%4$s"
                """.formatted(title, reason, itemReason, citation));
        GovernanceEngine engine = Governance.builder().guidelineVersion("2.0").overlay(overlay).build();
        String description = "D" + "説".repeat(20_000 - 1);
        Decision d = engine.assess(new ProjectProfile("longest", "Longest texts", "Test ministry", description,
                new ProjectProfile.Scope(true, false), new ProjectProfile.Model("example-llm", "Example Corp."),
                new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                Map.of("users", "PUBLIC", "work", "INFORMATION_PROVISION", "data", "PUBLIC_ONLY", "judgement", "NONE")));
        assertThat(d.classificationReason().ruleId()).isEqualTo("LONG-PUBLIC-IS-HIGH");

        for (Locale locale : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
            assertThat(Pages.text(Reports.html(d, engine, locale))).as("html " + locale)
                    .contains(title, reason, itemReason, description);
            assertThat(Reports.markdown(d, engine, locale)).as("markdown " + locale).contains(title);
            assertThat(Pages.text(Reports.boardReportHtml(d, engine, locale))).as("board report " + locale)
                    .contains(description);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Reports.xlsx(d, engine, locale, bytes);
            List<String> cells = cells(bytes.toByteArray());
            assertThat(cells).as("xlsx " + locale).contains(title, itemReason, citation, description)
                    .anySatisfy(c -> assertThat(c).startsWith(reason));
        }
    }

    private static List<String> cells(byte[] workbook) throws IOException {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        out.add(cell.toString());
                    }
                }
            }
        }
        return out;
    }
}
