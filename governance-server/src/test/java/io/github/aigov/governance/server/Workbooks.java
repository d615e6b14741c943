package io.github.aigov.governance.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The checklist workbook as a vendor handles it: opened, answered, saved (with POI, as a spreadsheet would). */
final class Workbooks {
    /** The answer column's header in either language. */
    static final java.util.Set<String> VENDOR = java.util.Set.of("事業者回答", "Vendor's response (事業者回答)");

    private Workbooks() {
    }

    /** The workbook changed by {@code edit}, saved again. */
    static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column of the vendor's answer on a checklist sheet. */
    static int vendorColumn(Sheet sheet) {
        Row header = sheet.getRow(0);
        return header.getLastCellNum() - 1;
    }

    /** Answers the first {@code n} REQUIRED items (status column 必須 / Required) with {@code answer}; how many were answered. */
    static int answerRequired(XSSFWorkbook wb, int n, String answer) {
        int done = 0;
        for (int s = 1; s < wb.getNumberOfSheets() && done < n; s++) {
            Sheet sheet = wb.getSheetAt(s);
            int vendor = vendorColumn(sheet);
            if (!VENDOR.contains(sheet.getRow(0).getCell(vendor).getStringCellValue())) {
                continue; // not a checklist the vendor answers
            }
            for (int r = 1; r <= sheet.getLastRowNum() && done < n; r++) {
                Row row = sheet.getRow(r);
                Cell status = row.getCell(4);
                if (status != null && (status.getStringCellValue().equals("必須") || status.getStringCellValue().equalsIgnoreCase("required"))) {
                    row.getCell(vendor).setCellValue(answer + " " + row.getCell(0).getStringCellValue());
                    done++;
                }
            }
        }
        return done;
    }

    /** The first checklist sheet's row {@code r} (1 = the first item). */
    static Row itemRow(XSSFWorkbook wb, int r) {
        return wb.getSheetAt(1).getRow(r);
    }
}
