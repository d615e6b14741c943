package io.github.aigov.governance.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV for Excel: a byte order mark, RFC 4180 quoting, and no field a spreadsheet would run as a formula. */
class CsvTest {

    @Test
    void every_field_that_starts_a_formula_is_prefixed_so_it_stays_text() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(Csv.field(start + "SUM(A1)")).as(start).startsWith(start.equals("\r") ? "\"'" : "'");
        }
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
        assertThat(Csv.field("高リスク")).isEqualTo("高リスク");
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_lines_end_with_crlf() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("=cmd,\"x\"")).isEqualTo("\"'=cmd,\"\"x\"\"\"");
        byte[] csv = Csv.write(List.of(List.of("見出し", "b"), List.of("1", "-2")));
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("見出し,b\r\n1,'-2\r\n");
    }
}
