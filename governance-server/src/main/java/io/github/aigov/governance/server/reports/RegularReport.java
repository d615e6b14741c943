package io.github.aigov.governance.server.reports;

import io.github.aigov.governance.server.dashboard.DashboardService;
import io.github.aigov.governance.server.dashboard.SystemStatus;
import io.github.aigov.governance.server.pages.TextInput;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.security.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The regular report (定期報告): each system and where its risk response stands (the computed and
 * determined classification, escalation and the board's advice, open required items, risk cases,
 * periodic verification), as a table in Japanese or English, written as xlsx or CSV. The Digital
 * Agency's report holds every organisation's systems.
 */
@Service
public class RegularReport {
    /** The columns, as message keys, in order. */
    static final List<String> COLUMNS = List.of("regular.column.organisation", "regular.column.system", "regular.column.profile-id",
            "regular.column.revision", "regular.column.guideline", "regular.column.computed", "regular.column.determined",
            "regular.column.justification", "regular.column.escalation", "regular.column.advice-on", "regular.column.required",
            "regular.column.open", "regular.column.risk-cases", "regular.column.risk-cases-open", "regular.column.risk-cases-board",
            "regular.column.live-on", "regular.column.last-verification", "regular.column.verification-result",
            "regular.column.verification-due", "regular.column.overdue", "regular.column.status", "regular.column.updated");

    private final DashboardService dashboards;
    private final Texts texts;

    public RegularReport(DashboardService dashboards, Texts texts) {
        this.dashboards = dashboards;
        this.texts = texts;
    }

    /** The report's table: the header, then one row per system. */
    public List<List<String>> table(CurrentUser user, String organisation, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(k -> texts.text(locale, k)).toList());
        for (SystemStatus s : dashboards.statuses(user, organisation)) {
            rows.add(row(s, locale));
        }
        return rows;
    }

    private List<String> row(SystemStatus s, Locale l) {
        var v = s.verification();
        return List.of(s.organisation(), s.name(), s.profileId(), String.valueOf(s.revision()),
                s.overlay() == null ? texts.text(l, "choice.version", s.guidelineVersion())
                        : texts.text(l, "choice.overlay", s.overlay(), s.guidelineVersion()),
                texts.text(l, "reports.classification." + s.computed()),
                s.determined() == null ? texts.text(l, "system.not-determined") : texts.text(l, "reports.classification." + s.determined()),
                s.justification() == null ? "" : s.justification(),
                texts.text(l, s.escalation() ? "reports.status.REQUIRED" : "reports.escalation.not-required"),
                s.adviceOn() != null ? s.adviceOn().toString() : s.adviceAwaited() ? texts.text(l, "system.advice-awaited") : "",
                String.valueOf(s.required()), String.valueOf(s.openRequired()), String.valueOf(s.riskCases().total()),
                String.valueOf(s.riskCases().open()), String.valueOf(s.riskCases().toBoard()),
                v.liveOn() == null ? texts.text(l, "verification.not-live.short") : v.liveOn().toString(),
                v.last() == null ? "" : v.last().verifiedOn().toString(),
                v.last() == null ? "" : texts.text(l, "verification.result." + v.last().result().name()),
                v.due() == null ? "" : v.due().toString(),
                texts.text(l, v.overdue() ? "regular.yes" : "regular.no"),
                status(s, l), TextInput.shown(s.updatedAt()));
    }

    /** Where the system's risk response stands, in words: what is outstanding, or that nothing is. */
    private String status(SystemStatus s, Locale l) {
        List<String> outstanding = new ArrayList<>();
        if (s.determined() == null) {
            outstanding.add(texts.text(l, "regular.status.undetermined"));
        }
        if (s.adviceAwaited()) {
            outstanding.add(texts.text(l, "regular.status.advice"));
        }
        if (s.openRequired() > 0) {
            outstanding.add(texts.text(l, "regular.status.open", s.openRequired()));
        }
        if (s.riskCases().open() > 0) {
            outstanding.add(texts.text(l, "regular.status.risk-cases", s.riskCases().open()));
        }
        if (s.verification().overdue()) {
            outstanding.add(texts.text(l, "regular.status.overdue"));
        }
        return outstanding.isEmpty() ? texts.text(l, "regular.status.none")
                : String.join(texts.text(l, "regular.status.separator"), outstanding);
    }

    /** The table as CSV. */
    public byte[] csv(List<List<String>> table) {
        return Csv.write(table);
    }

    /** The table as a workbook: a title row with the date and who it is for, then the table, filterable and printable. */
    public byte[] xlsx(List<List<String>> table, String title, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(texts.text(locale, "regular.sheet"));
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle titleStyle = wb.createCellStyle();
            titleStyle.setFont(big);
            Cell t = sheet.createRow(0).createCell(0);
            t.setCellValue(title);
            t.setCellStyle(titleStyle);
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r + 2);
                List<String> values = table.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    String v = values.get(c);
                    if (r > 0 && isCount(c) && v.matches("\\d{1,9}")) {
                        cell.setCellValue(Integer.parseInt(v));
                    } else {
                        cell.setCellValue(v); // always a text cell: "=..." from a profile stays text
                    }
                    cell.setCellStyle(r == 0 ? header : wrap);
                }
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, (c == 1 || c == 7 || c == 20 ? 36 : 16) * 256);
            }
            sheet.createFreezePane(0, 3);
            sheet.setAutoFilter(new CellRangeAddress(2, 2 + table.size() - 1, 0, COLUMNS.size() - 1));
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isCount(int column) {
        return column == 3 || (column >= 10 && column <= 14);
    }

    /** "Every organisation", for the Digital Agency's report. */
    public String everyOrganisation(Locale locale) {
        return texts.text(locale, "regular.every-organisation");
    }

    /** The report's title: 定期報告（2026-04-01現在） and whose. */
    public String title(String whose, Locale locale) {
        return texts.text(locale, "regular.title.file", whose, LocalDate.now(TextInput.ZONE).toString());
    }
}
