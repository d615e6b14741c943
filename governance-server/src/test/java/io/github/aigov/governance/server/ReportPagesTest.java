package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CAIO's dashboard and the regular report: counts and filters, the chart drawn on the server,
 * the report as xlsx and CSV in both languages (CSV that Excel opens right and cannot turn into
 * formulas), the Digital Agency's report of every organisation, and the audit export that verifies.
 */
class ReportPagesTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_regular_report_in_both_languages_as_xlsx_and_csv(Db db) throws IOException {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String chatbot = caio.register(Profiles.yaml(Profiles.CHATBOT));
        caio.register(Profiles.with(Profiles.yaml(Profiles.MINUTES), "name", "=HYPERLINK(\"http://evil.example\",\"x\"),\"quoted\"\nline"));
        caio.get("/systems/" + chatbot + "/determination");
        caio.form("/systems/" + chatbot + "/determination", Map.of("revision", "1", "classification", "MEDIUM", "justification", "+cmd|' /C calc'!A0"));

        Page csv = caio.get("/reports/regular.csv?language=ja");
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "regular-report-", ".csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).as("a byte order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("組織,システム,プロファイルID,改訂,ガイドライン,判定されたリスクレベル,CAIOが確定したリスクレベル");
        assertThat(text).contains("\r\n").doesNotContain(",=HYPERLINK").doesNotContain(",+cmd");
        // The profile's name: neutralised, quoted (comma, quotes, line break), quotes doubled.
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\"),\"\"quoted\"\" line\",");
        assertThat(text).contains(",'+cmd|' /C calc'!A0,");
        assertThat(text).contains(org + ",給付金案内チャットボット,benefits-eligibility-chatbot,1,DS-920 第2.0版,高リスク,中リスク,");
        assertThat(text.split("\r\n")).hasSize(3);

        String english = new String(caio.get("/reports/regular.csv?language=en").body(), StandardCharsets.UTF_8);
        assertThat(english).contains("Organisation,System,Profile id,Revision,Guideline,Computed classification,Determined by the CAIO",
                "High risk,Medium risk");
        // The export's language did not change the pages'.
        assertThat(caio.get("/dashboard").html()).contains("<html lang=\"ja\">");

        for (String lang : new String[] {"ja", "en"}) {
            Page xlsx = caio.get("/reports/regular.xlsx?language=" + lang);
            assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(lang.equals("ja") ? "定期報告" : "Regular report", org);
                Row header = sheet.getRow(2);
                assertThat(header.getCell(5).getStringCellValue()).isEqualTo(lang.equals("ja") ? "判定されたリスクレベル" : "Computed classification");
                assertThat(sheet.getLastRowNum()).isEqualTo(4);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("no formula in the report").isNotEqualTo(CellType.FORMULA);
                    }
                }
                Row chatbotRow = sheet.getRow(3).getCell(2).getStringCellValue().equals(Profiles.CHATBOT) ? sheet.getRow(3) : sheet.getRow(4);
                assertThat(chatbotRow.getCell(10).getNumericCellValue()).isEqualTo(27);
            }
        }
    }

    @Test
    void the_dashboard_filters_and_draws_its_chart_on_the_server() {
        Server server = TestServers.get(Db.H2);
        String org = server.organisation();
        PageClient officer = PageClient.as(server, Role.OFFICER, org);
        officer.register(Profiles.yaml(Profiles.CHATBOT));
        officer.register(Profiles.yaml(Profiles.MINUTES));
        Page all = officer.get("/dashboard");
        assertThat(all.text()).contains("所属組織のシステム（2 件）", "給付金案内チャットボット", "2 件中 2 件");
        assertThat(all.html()).contains("<svg", "role=\"img\"", "aria-labelledby=\"chart-title chart-desc\"", "<title id=\"chart-title\">",
                "高リスク：判定 1 件、確定後 1 件", "低リスク：判定 1 件、確定後 1 件").doesNotContain("<script>");
        Page high = officer.get("/dashboard?classification=HIGH");
        assertThat(high.text()).contains("2 件中 1 件", "給付金案内チャットボット").doesNotContain("meeting-minutes-drafting");
        Page notEscalated = officer.get("/dashboard?escalation=no");
        assertThat(notEscalated.text()).contains("meeting-minutes-drafting").doesNotContain("benefits-eligibility-chatbot");
        Page nonsense = officer.get("/dashboard?classification=%3Cscript%3E&escalation=maybe");
        assertThat(nonsense.status()).isEqualTo(200);
        assertThat(nonsense.text()).contains("2 件中 2 件");
        // Officers read the dashboard; the regular report is the CAIO's office's.
        assertThat(all.html()).doesNotContain("href=\"/reports/regular\"");
    }

    @Test
    void the_digital_agency_reads_every_organisation_and_its_report_holds_them_all() {
        Server server = TestServers.get(Db.H2);
        String a = server.organisation();
        String b = server.organisation();
        PageClient.as(server, Role.OFFICER, a).register(Profiles.yaml(Profiles.CHATBOT));
        PageClient.as(server, Role.OFFICER, b).register(Profiles.yaml(Profiles.MINUTES));
        PageClient agency = PageClient.as(server, Role.DIGITAL_AGENCY, server.organisation());
        String every = new String(agency.get("/reports/regular.csv").body(), StandardCharsets.UTF_8);
        assertThat(every).contains(a + ",給付金案内チャットボット", b + ",会議議事録作成支援");
        String one = new String(agency.get("/reports/regular.csv?organisation=" + java.net.URLEncoder.encode(a, StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
        assertThat(one).contains(a).doesNotContain(b);
        assertThat(agency.get("/dashboard").html()).contains("<label for=\"organisation\"");
        // A ministry's own report names nobody else's systems, whatever it asks for.
        PageClient caioA = PageClient.as(server, Role.CAIO, a);
        String own = new String(caioA.get("/reports/regular.csv?organisation=" + java.net.URLEncoder.encode(b, StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
        assertThat(own).contains(a).doesNotContain(b);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_audit_export_from_the_pages_verifies(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String id = caio.register(Profiles.yaml(Profiles.CHATBOT));
        caio.get("/systems/" + id + "/profile");
        caio.upload("/systems/" + id + "/profile", Map.of("guideline", "version:1.0"), "profile", "p.yaml",
                Profiles.yaml(Profiles.CHATBOT).getBytes(StandardCharsets.UTF_8));
        caio.get("/systems/" + id + "/determination");
        caio.form("/systems/" + id + "/determination", Map.of("revision", "2", "classification", "HIGH"));
        Page export = caio.get("/audit/export");
        assertThat(export.contentType()).startsWith("application/jsonl");
        AuditVerification v = AuditExports.verify(export.body());
        assertThat(v.problems()).isEmpty();
        assertThat(v.intact()).isTrue();
        // Two decisions, and the CAIO's determination beside the second, bound to its line.
        assertThat(v.records()).isEqualTo(3);
        assertThat(v.recordsByKind()).containsExactly(Map.entry("decision", 2L), Map.entry("determination", 1L));
        List<String> lines = new ArrayList<>(List.of(new String(export.body(), StandardCharsets.UTF_8).split("\n")));
        assertThat(lines.get(2)).contains("\"v\":3", "\"kind\":\"determination\"", "\"auditSeq\":2",
                "\"decisionHash\":\"" + Governance.auditLog(store(lines)).entries().get(1).hash() + "\"", "\"determined\":\"HIGH\"");
        PageClient auditor = PageClient.as(server, Role.AUDITOR, org);
        assertThat(AuditExports.verify(auditor.get("/audit/export").body()).records()).isEqualTo(3);
        // The determination changed after the fact: the library's verifier names its line.
        lines.set(2, lines.get(2).replace("\"determined\":\"HIGH\"", "\"determined\":\"LOW\""));
        AuditVerification tampered = AuditExports.verify((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.problems()).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0021");
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.message().key()).isEqualTo("problem.audit.altered");
        });
    }

    private static io.github.aigov.governance.audit.AuditStore store(List<String> lines) {
        return new io.github.aigov.governance.audit.AuditStore() {
            @Override
            public void append(String line) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> lines() {
                return lines;
            }

            @Override
            public String name() {
                return "export.jsonl";
            }
        };
    }
}
