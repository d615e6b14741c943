package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The checklists as a workbook the vendor answers in: a summary sheet first, then one sheet per
 * checklist, then one per obligation sheet (the ministry's own duties, with who acts and when, and
 * no column for the vendor: they are not the vendor's to answer). One sheet per checklist, not one sheet with a checklist column, because each checklist
 * goes into a different paper (the specification, the contract, the board report) and is answered by
 * different people, as on the guideline's own sheets; every row still names its checklist's group.
 */
public final class ChecklistWorkbook {
    /** The columns of a checklist sheet, with their widths in characters. */
    private static final List<Column> COLUMNS = List.of(
            new Column("reports.items.id", 16),
            new Column("reports.items.number", 7),
            new Column("reports.items.title", 46),
            new Column("reports.items.group", 22),
            new Column("reports.items.status", 11),
            new Column("reports.items.reason", 60),
            new Column("reports.items.rule", 30),
            new Column("reports.items.item-provenance", 16),
            new Column("reports.items.rule-provenance", 16),
            new Column("reports.items.citation", 44),
            new Column("reports.items.vendor", 50));
    private static final int VENDOR = COLUMNS.size() - 1;
    /** The columns of a sheet of the ministry's duties: no vendor's column, as they are not the vendor's to answer. */
    private static final List<Column> DUTY_COLUMNS = List.of(
            new Column("reports.items.id", 16),
            new Column("reports.items.number", 7),
            new Column("reports.duties.title", 46),
            new Column("reports.items.group", 22),
            new Column("reports.duties.roles", 22),
            new Column("reports.duties.timing", 14),
            new Column("reports.items.status", 11),
            new Column("reports.items.reason", 60),
            new Column("reports.items.rule", 30),
            new Column("reports.items.item-provenance", 16),
            new Column("reports.items.rule-provenance", 16),
            new Column("reports.items.citation", 60));
    private static final float LINE_POINTS = 15f;

    /** A column: its header's message key (or, when {@code text}, the header itself) and width. */
    private record Column(String key, int width, boolean text) {
        Column(String key, int width) {
            this(key, width, false);
        }
    }

    private final ReportView v;
    private final Decision d;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Set<String> sheetNames = new HashSet<>();
    private final XSSFCellStyle header;
    private final XSSFCellStyle body;
    private final XSSFCellStyle bodyBold;
    private final XSSFCellStyle vendor;
    private final XSSFCellStyle label;
    private final XSSFCellStyle title;

    private ChecklistWorkbook(ReportView view) {
        this.v = view;
        this.d = view.decision();
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        XSSFFont white = wb.createFont();
        white.setBold(true);
        white.setColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        XSSFFont big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        body = bordered();
        body.setWrapText(true);
        body.setVerticalAlignment(VerticalAlignment.TOP);
        bodyBold = bordered();
        bodyBold.cloneStyleFrom(body);
        bodyBold.setFont(bold);
        header = bordered();
        header.setFont(white);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        fill(header, 0x14, 0x32, 0x5C);
        vendor = bordered();
        vendor.cloneStyleFrom(body);
        fill(vendor, 0xFF, 0xF7, 0xCC);
        label = bordered();
        label.cloneStyleFrom(body);
        label.setFont(bold);
        fill(label, 0xEE, 0xF1, 0xF5);
        title = wb.createCellStyle();
        title.setFont(big);
    }

    /** Writes the workbook to {@code out}; does not close it. */
    public static void write(ReportView view, OutputStream out) throws IOException {
        ChecklistWorkbook w = new ChecklistWorkbook(view);
        try (XSSFWorkbook wb = w.wb) {
            w.properties();
            w.summary();
            for (ReportView.Sheet sheet : view.sheets()) {
                w.checklist(sheet);
            }
            for (ReportView.DutySheet sheet : view.duties()) {
                w.duties(sheet);
            }
            wb.write(out);
        }
    }

    private void properties() {
        var core = wb.getProperties().getCoreProperties();
        core.setTitle(v.text("reports.title") + " — " + d.profile().name());
        core.setIdentifier(d.decisionId());
        core.setCreator("io.github.aigov governance-reports");
        core.setCreated(Optional.of(Date.from(d.decidedAt())));
    }

    private void summary() {
        XSSFSheet s = wb.createSheet(sheetName(v.text("reports.summary")));
        s.setColumnWidth(0, 34 * 256);
        s.setColumnWidth(1, 80 * 256);
        s.setColumnWidth(2, 12 * 256);
        s.setColumnWidth(3, 24 * 256);
        int r = 0;
        Cell t = s.createRow(r++).createCell(0);
        t.setCellValue(v.text("reports.title"));
        t.setCellStyle(title);
        r++;
        ProjectProfile p = d.profile();
        r = fact(s, r, "reports.project.name", p.name());
        r = fact(s, r, "reports.project.id", p.id());
        r = fact(s, r, "reports.project.organisation", p.organisation());
        r = fact(s, r, "reports.project.description", p.description());
        r = fact(s, r, "reports.project.model", p.model().name());
        r = fact(s, r, "reports.project.vendor", p.model().vendor());
        r = fact(s, r, "reports.project.form", v.text("reports.form." + p.procurement().form().name()));
        r = fact(s, r, "reports.project.vendor-trains", v.yesNo(p.procurement().vendorTrainsModel()));
        r++;
        r = fact(s, r, "reports.classification", v.classification(d.classification()));
        r = fact(s, r, "reports.reasons", reason(d.classificationReason()));
        r = fact(s, r, "reports.escalation", v.text(d.escalation().required() ? "reports.escalation.required"
                : "reports.escalation.not-required"));
        for (Reason reason : d.escalation().reasons()) {
            r = fact(s, r, "reports.reasons", reason(reason));
        }
        if (v.outOfScope()) {
            r = fact(s, r, "reports.classification", v.text("reports.out-of-scope"));
        }
        r++;
        DefinitionsRef defs = d.definitions();
        r = fact(s, r, "reports.definitions.set", defs.id() + " — " + v.definitionsTitle());
        r = fact(s, r, "reports.definitions.version", defs.version());
        r = fact(s, r, "reports.definitions.date", defs.date());
        r = fact(s, r, "reports.definitions.hash", defs.hash());
        if (defs.overlays().isEmpty()) {
            r = fact(s, r, "reports.definitions.overlays", v.text("reports.definitions.none"));
        }
        for (DefinitionsRef.OverlayRef o : defs.overlays()) {
            String citation = v.overlayCitation(o).isEmpty() ? ""
                    : "\n" + v.text("reports.items.citation") + v.colon() + v.overlayCitation(o);
            r = fact(s, r, "reports.definitions.overlays", o.id() + " " + v.overlayTitle(o) + "\n" + o.hash() + " " + o.file() + citation);
        }
        r = fact(s, r, "reports.decision.id", d.decisionId());
        r = fact(s, r, "reports.decision.at", String.valueOf(d.decidedAt()));
        r = fact(s, r, "reports.decision.profile-hash", d.profileHash());
        for (Crosswalk c : v.crosswalks()) {
            r++;
            r = labelled(s, r, v.text("reports.crosswalk.heading", v.in(c.title())), "");
            for (CrosswalkSection.Line line : CrosswalkSection.lines(c, v)) {
                r = labelled(s, r, line.label(), line.text() + (line.badge() ? "\n" + v.provenance(c.source()) : ""));
            }
        }

        if (!d.axes().isEmpty()) {
            r++;
            Row h = s.createRow(r++);
            cell(h, 0, v.text("reports.axes.axis"), header);
            cell(h, 1, v.text("reports.axes.option"), header);
            cell(h, 2, v.text("reports.axes.level"), header);
            cell(h, 3, v.text("reports.legend"), header);
            for (AxisResult a : d.axes()) {
                Row row = s.createRow(r++);
                cell(row, 0, v.title(a.axis()), body);
                cell(row, 1, v.title(a.axis() + "." + a.option()) + " (" + a.option() + ")\n" + v.optionReason(a), body);
                cell(row, 2, v.level(a.level()), bodyBold);
                cell(row, 3, v.provenance(a.reason().source()) + "\n" + v.citation(a.reason().source()), body);
                fit(row, new int[] {34, 80, 12, 24});
            }
        }
        r++;
        for (ReportView.Sheet sheet : v.sheets()) {
            r = labelled(s, r, sheet.title(), v.counts(sheet));
        }
        for (ReportView.DutySheet sheet : v.duties()) {
            r = labelled(s, r, sheet.title(), v.counts(sheet));
        }
        r++;
        for (Provenance p2 : Provenance.values()) {
            r = labelled(s, r, v.provenance(p2), v.text("reports.legend." + p2.name()));
        }
        labelled(s, r, v.text("reports.provenance.overlay", "ID"), v.text("reports.legend.overlay"));
        print(s);
    }

    private int fact(XSSFSheet s, int r, String labelKey, String value) {
        return labelled(s, r, v.text(labelKey), value);
    }

    private int labelled(XSSFSheet s, int r, String labelText, String value) {
        Row row = s.createRow(r);
        cell(row, 0, labelText, label);
        cell(row, 1, value, body);
        fit(row, new int[] {34, 80});
        return r + 1;
    }

    private String reason(Reason r) {
        return v.reason(r) + "\n" + v.text("reports.rule", r.ruleId()) + " — " + v.provenance(r.source());
    }

    /** A checklist sheet's columns: the fixed ones, then one per crosswalk asked for, then the vendor's. */
    private List<Column> columns(List<Column> fixed, boolean vendorLast) {
        List<Column> cols = new ArrayList<>(vendorLast ? fixed.subList(0, fixed.size() - 1) : fixed);
        for (Crosswalk c : v.crosswalks()) {
            cols.add(new Column(v.text("reports.crosswalk.column", c.framework().id()), 36, true));
        }
        if (vendorLast) {
            cols.add(fixed.get(fixed.size() - 1));
        }
        return cols;
    }

    private void header(XSSFSheet s, List<Column> cols, int[] widths) {
        Row h = s.createRow(0);
        for (int c = 0; c < cols.size(); c++) {
            cell(h, c, cols.get(c).text() ? cols.get(c).key() : v.text(cols.get(c).key()), header);
            s.setColumnWidth(c, cols.get(c).width() * 256);
            widths[c] = cols.get(c).width();
        }
        fit(h, widths);
    }

    /** Each crosswalk's references of a required item or duty, from column {@code first}. */
    private void references(Row row, int first, String id, ItemStatus status) {
        int c = first;
        for (Crosswalk x : v.crosswalks()) {
            cell(row, c++, v.references(v.targets(x, id, status)), body);
        }
    }

    private void checklist(ReportView.Sheet sheet) {
        XSSFSheet s = wb.createSheet(sheetName(sheet.title()));
        List<Column> cols = columns(COLUMNS, true);
        int vendorColumn = cols.size() - 1;
        int[] widths = new int[cols.size()];
        header(s, cols, widths);
        int r = 1;
        for (ReportView.Group group : sheet.groups()) {
            for (ReportView.Row item : group.rows()) {
                Row row = s.createRow(r++);
                Reason reason = item.item().reason();
                SourceRef itemSource = item.item().source();
                cell(row, 0, item.id(), body);
                cell(row, 1, item.number(), body);
                cell(row, 2, item.title(), body);
                cell(row, 3, group.title(), body);
                cell(row, 4, v.status(item.status()), item.status() == ItemStatus.REQUIRED ? bodyBold : body);
                cell(row, 5, v.reason(reason), body);
                cell(row, 6, reason.ruleId(), body);
                cell(row, 7, v.provenance(itemSource), body);
                cell(row, 8, v.provenance(reason.source()), body);
                cell(row, 9, v.citation(itemSource), body);
                references(row, VENDOR, item.id(), item.status());
                cell(row, vendorColumn, "", vendor);
                fit(row, widths);
            }
        }
        s.createFreezePane(0, 1);
        s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, cols.size() - 1));
        s.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        print(s);
    }

    /** The ministry's own duties: one row each, with who acts and when; for the ministry's own records. */
    private void duties(ReportView.DutySheet sheet) {
        XSSFSheet s = wb.createSheet(sheetName(sheet.title()));
        List<Column> cols = columns(DUTY_COLUMNS, false);
        int[] widths = new int[cols.size()];
        header(s, cols, widths);
        int r = 1;
        for (ReportView.DutyGroup group : sheet.groups()) {
            for (ReportView.DutyRow duty : group.rows()) {
                Row row = s.createRow(r++);
                Reason reason = duty.duty().reason();
                SourceRef source = duty.duty().source();
                cell(row, 0, duty.id(), body);
                cell(row, 1, duty.number(), body);
                cell(row, 2, duty.title(), body);
                cell(row, 3, group.title(), body);
                cell(row, 4, v.roles(duty.duty().roles()), body);
                cell(row, 5, v.timing(duty.duty().timing()), body);
                cell(row, 6, v.status(duty.status()), duty.status() == ItemStatus.REQUIRED ? bodyBold : body);
                cell(row, 7, v.reason(reason), body);
                cell(row, 8, reason.ruleId(), body);
                cell(row, 9, v.provenance(source), body);
                cell(row, 10, v.provenance(reason.source()), body);
                cell(row, 11, v.citation(source), body);
                references(row, DUTY_COLUMNS.size(), duty.id(), duty.status());
                fit(row, widths);
            }
        }
        s.createFreezePane(0, 1);
        s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, cols.size() - 1));
        s.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        print(s);
    }

    private static void print(XSSFSheet s) {
        PrintSetup ps = s.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        s.setFitToPage(true);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value == null ? "" : value); // always a string cell: "=..." from a profile stays text
        c.setCellStyle(style);
    }

    /**
     * Sets a row's height for its wrapped text: Excel does not grow rows written by a library. Wide
     * (CJK) characters count as two columns.
     */
    private static void fit(Row row, int[] widths) {
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                continue;
            }
            int n = 0;
            for (String line : cell.getStringCellValue().split("\n", -1)) {
                n += Math.max(1, (int) Math.ceil(displayWidth(line) / (double) Math.max(1, widths[c] - 1)));
            }
            lines = Math.max(lines, n);
        }
        row.setHeightInPoints(Math.min(409f, lines * LINE_POINTS + 3f));
    }

    private static int displayWidth(String s) {
        return s.codePoints().map(cp -> cp >= 0x1100 && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN
                ? 2 : 1).sum();
    }

    private String sheetName(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        String name = base;
        for (int i = 2; !sheetNames.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private XSSFCellStyle bordered() {
        XSSFCellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static void fill(XSSFCellStyle s, int r, int g, int b) {
        s.setFillForegroundColor(new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
