package io.github.aigov.governance.server.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as CSV that Excel opens right and cannot be turned against its reader: UTF-8 with a byte
 * order mark (without it Excel reads Japanese as mojibake), RFC 4180 quoting (a field with a comma,
 * a quote or a line break is quoted, quotes doubled, lines end with CRLF), and no formula: a field
 * that starts with {@code = + - @}, a tab or a carriage return is prefixed with {@code '}, so a
 * spreadsheet shows it as text instead of evaluating it (CSV injection).
 */
public final class Csv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {
    }

    public static byte[] write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(row.get(i)));
            }
            out.append("\r\n");
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    /** One field, neutralised and quoted as needed. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
