package io.github.aigov.governance.server.evidence;

import io.github.aigov.governance.server.pages.FormRefusal;
import io.github.aigov.governance.server.pages.TextInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The checklist workbook as the vendor sends it back: checked against the workbook the library
 * writes for the same revision, then the vendor's answer for each item read from the
 * 事業者回答 / vendor's answer column.
 *
 * <p>The workbook must be the one written for this revision: its summary sheet carries the
 * decision's id, which is unique to one revision of one system, and every sheet with the vendor's
 * column (each checklist; not the ministry's own duties, which the vendor does not answer) must hold
 * exactly the items of that decision, each once (rows may be sorted or filtered: the autofilter the
 * library sets invites it). A workbook for another revision, another system, or with an id changed,
 * added or removed is refused with the sheet and row that is wrong. Nothing in it is evaluated: a
 * formula is refused where an answer should be, and answers are kept as plain text (markup in them
 * is shown as text). What is read is bounded: the file's size, and POI's zip limits against
 * compression bombs (inflate ratio, entry size, file count).
 */
final class VendorWorkbook {
    /** The largest workbook taken: a filled-in workbook of the library's is tens of kilobytes. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The longest answer kept for one item. */
    static final int MAX_ANSWER = 4_000;
    private static final int MAX_REFUSALS = 20;

    static {
        // Global to POI, and this is the only place the server reads a workbook.
        ZipSecureFile.setMinInflateRatio(0.02);
        ZipSecureFile.setMaxEntrySize(32L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(200);
        ZipSecureFile.setMaxTextSize(8L * 1024 * 1024);
    }

    private VendorWorkbook() {
    }

    /** What the library's workbook for the revision holds: the summary sheet and each checklist sheet's item ids. */
    record Expected(Locale locale, String summarySheet, String decisionIdLabel, String decisionId, String vendorHeader,
                    Map<String, List<String>> sheets) {
    }

    /** The answers read: item id to the vendor's answer (items left blank are absent). */
    record Answers(Map<String, String> byItem, Locale locale) {
    }

    /** Reads the expected shape from the library's own workbook for the revision. */
    static Expected expected(byte[] libraryWorkbook, Locale locale, String decisionId, String decisionIdLabel, String vendorHeader)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(libraryWorkbook))) {
            Map<String, List<String>> sheets = new LinkedHashMap<>();
            for (int s = 1; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                if (!hasColumn(sheet, vendorHeader)) {
                    continue; // a sheet the vendor does not answer (the ministry's own duties)
                }
                List<String> ids = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row != null && row.getCell(0) != null) {
                        ids.add(row.getCell(0).getStringCellValue());
                    }
                }
                sheets.put(sheet.getSheetName(), ids);
            }
            return new Expected(locale, wb.getSheetAt(0).getSheetName(), decisionIdLabel, decisionId, vendorHeader, sheets);
        }
    }

    private static boolean hasColumn(Sheet sheet, String header) {
        Row first = sheet.getRow(0);
        if (first == null) {
            return false;
        }
        for (Cell c : first) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(header)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the vendor's answers from an uploaded workbook, checked against what the library wrote
     * for the revision in either language; refused (field {@code workbook}) with every wrong row.
     *
     * @param otherRevision what to say when the workbook carries another decision id: the revision of this
     *                      system it belongs to, or {@code null} when it is no revision of this system
     */
    static Answers read(byte[] upload, List<Expected> expectedByLanguage, java.util.function.Function<String, Integer> otherRevision) {
        FormRefusal.Check check = new FormRefusal.Check();
        if (upload.length == 0) {
            throw refusal("evidence.error.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw refusal("evidence.error.too-large", MAX_BYTES / 1024 / 1024);
        }
        if (!(upload.length > 4 && upload[0] == 'P' && upload[1] == 'K' && upload[2] == 3 && upload[3] == 4)) {
            throw refusal("evidence.error.not-xlsx");
        }
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(upload));
        } catch (IOException | RuntimeException e) {
            // Not a workbook, a damaged one, or one over the zip limits (a compression bomb).
            throw refusal("evidence.error.unreadable");
        }
        try (wb) {
            Expected expected = null;
            for (Expected e : expectedByLanguage) {
                if (wb.getSheet(e.summarySheet()) != null) {
                    expected = e;
                    break;
                }
            }
            if (expected == null) {
                throw refusal("evidence.error.no-summary");
            }
            identify(wb.getSheet(expected.summarySheet()), expected, otherRevision);
            Map<String, String> answers = new LinkedHashMap<>();
            DataFormatter format = new DataFormatter(expected.locale());
            List<Object[]> wrong = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : expected.sheets().entrySet()) {
                Sheet sheet = wb.getSheet(e.getKey());
                if (sheet == null) {
                    wrong.add(new Object[] {"evidence.error.sheet-missing", e.getKey()});
                    continue;
                }
                readSheet(sheet, e.getValue(), expected, format, answers, wrong);
            }
            for (Object[] w : wrong.subList(0, Math.min(MAX_REFUSALS, wrong.size()))) {
                Object[] args = new Object[w.length - 1];
                System.arraycopy(w, 1, args, 0, args.length);
                check.require(false, "workbook", (String) w[0], args);
            }
            check.done();
            return new Answers(answers, expected.locale());
        } catch (IOException e) {
            throw refusal("evidence.error.unreadable");
        }
    }

    /** The summary sheet must carry this revision's decision id. */
    private static void identify(Sheet summary, Expected expected, java.util.function.Function<String, Integer> otherRevision) {
        for (Row row : summary) {
            Cell label = row.getCell(0);
            if (label != null && label.getCellType() == CellType.STRING && label.getStringCellValue().equals(expected.decisionIdLabel())) {
                Cell value = row.getCell(1);
                String id = value == null || value.getCellType() != CellType.STRING ? "" : value.getStringCellValue().strip();
                if (id.equals(expected.decisionId())) {
                    return;
                }
                Integer revision = otherRevision.apply(id);
                if (revision != null) {
                    throw refusal("evidence.error.other-revision", summary.getSheetName(), row.getRowNum() + 1, revision);
                }
                throw refusal("evidence.error.other-system", summary.getSheetName(), row.getRowNum() + 1);
            }
        }
        throw refusal("evidence.error.no-decision-id", summary.getSheetName(), expected.decisionIdLabel());
    }

    private static void readSheet(Sheet sheet, List<String> ids, Expected expected, DataFormatter format,
                                  Map<String, String> answers, List<Object[]> wrong) {
        String name = sheet.getSheetName();
        Row header = sheet.getRow(0);
        int vendor = -1;
        if (header != null) {
            for (Cell c : header) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(expected.vendorHeader())) {
                    vendor = c.getColumnIndex();
                }
            }
        }
        if (vendor < 0) {
            wrong.add(new Object[] {"evidence.error.no-vendor-column", name, expected.vendorHeader()});
            return;
        }
        Set<String> expectedIds = new LinkedHashSet<>(ids);
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Cell idCell = row.getCell(0);
            String id = idCell == null ? "" : idCell.getCellType() == CellType.STRING ? idCell.getStringCellValue().strip()
                    : format.formatCellValue(idCell).strip();
            Cell answerCell = row.getCell(vendor);
            if (id.isEmpty()) {
                if (answerCell != null && answerCell.getCellType() != CellType.BLANK && !format.formatCellValue(answerCell).isBlank()) {
                    wrong.add(new Object[] {"evidence.error.no-id", name, r + 1});
                }
                continue;
            }
            if (!expectedIds.contains(id)) {
                wrong.add(new Object[] {"evidence.error.unknown-id", name, r + 1, TextInput.clean(id)});
                continue;
            }
            Integer before = seen.putIfAbsent(id, r + 1);
            if (before != null) {
                wrong.add(new Object[] {"evidence.error.duplicate-id", name, r + 1, id, before});
                continue;
            }
            if (answerCell == null || answerCell.getCellType() == CellType.BLANK) {
                continue;
            }
            if (answerCell.getCellType() == CellType.FORMULA) {
                wrong.add(new Object[] {"evidence.error.formula", name, r + 1, id});
                continue;
            }
            String answer = TextInput.clean(answerCell.getCellType() == CellType.STRING ? answerCell.getStringCellValue()
                    : format.formatCellValue(answerCell));
            if (answer.length() > MAX_ANSWER) {
                wrong.add(new Object[] {"evidence.error.answer-too-long", name, r + 1, id, MAX_ANSWER});
            } else if (!answer.isEmpty()) {
                answers.put(id, answer);
            }
        }
        for (String id : expectedIds) {
            if (!seen.containsKey(id)) {
                wrong.add(new Object[] {"evidence.error.missing-id", name, id});
            }
        }
    }

    private static FormRefusal refusal(String key, Object... args) {
        return new FormRefusal(List.of(new FormRefusal.FieldError("workbook", key, List.of(args))));
    }
}
