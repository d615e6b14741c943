package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vendor's workbook back: answers stored with the revision and the open required items
 * shrinking, items marked met; and every workbook that is not the one sent, or not a workbook,
 * refused with what is wrong and nothing stored.
 */
class EvidencePagesTest {
    private static final Pattern OPEN = Pattern.compile("未対応の必須項目：(\\d+) 件中 (\\d+) 件");

    static int open(PageClient c, String id) {
        Matcher m = OPEN.matcher(c.get("/systems/" + id + "/evidence").text());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(2));
    }

    static byte[] workbook(PageClient c, String id, String lang) {
        c.language(lang);
        Page p = c.get("/systems/" + id + "/papers/xlsx");
        c.language("ja");
        assertThat(p.status()).isEqualTo(200);
        return p.body();
    }

    static Page upload(PageClient c, String id, int revision, byte[] workbook) {
        c.get("/systems/" + id + "/evidence");
        return c.upload("/systems/" + id + "/evidence", Map.of("revision", String.valueOf(revision)), "workbook", "answers.xlsx", workbook);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_filled_in_workbook_shrinks_the_open_required_items(Db db) {
        Server server = TestServers.get(db);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        assertThat(open(officer, id)).isEqualTo(27);

        byte[] filled = Workbooks.edit(workbook(officer, id, "ja"), wb -> {
            assertThat(Workbooks.answerRequired(wb, 10, "対応します")).isEqualTo(10);
            Workbooks.itemRow(wb, 1).getCell(Workbooks.vendorColumn(wb.getSheetAt(1)))
                    .setCellValue("<script>alert('answer')</script> 対応します");
        });
        Page uploaded = upload(officer, id, 1, filled);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);
        assertThat(open(officer, id)).isEqualTo(17);
        Page evidence = officer.get("/systems/" + id + "/evidence");
        assertThat(evidence.html()).contains("&lt;script&gt;alert(&#39;answer&#39;)&lt;/script&gt; 対応します").doesNotContain("<script>alert");
        assertThat(evidence.text()).contains("answers.xlsx", "10");

        // An item met by other evidence, with a note and a link; then the mark withdrawn.
        evidence = officer.get("/systems/" + id + "/evidence");
        Page marked = officer.form("/systems/" + id + "/evidence/marks", Map.of("revision", "1", "item", "CONT-INCIDENT", "met", "true",
                "note", "契約書第12条で規定済み", "link", "https://example.go.jp/contract#12"));
        assertThat(marked.status()).isEqualTo(302);
        assertThat(open(officer, id)).isEqualTo(16);
        assertThat(officer.get("/systems/" + id + "/evidence").html()).contains("href=\"https://example.go.jp/contract#12\"");
        officer.form("/systems/" + id + "/evidence/marks", Map.of("revision", "1", "item", "CONT-INCIDENT", "met", "false", "note", ""));
        assertThat(open(officer, id)).isEqualTo(17);

        // The system page and the dashboard count the same.
        assertThat(officer.get("/systems/" + id).text()).contains("必須項目 27 件中、未対応 17 件");
        assertThat(officer.get("/dashboard").text()).contains("27 件中 17 件");

        // Every write is kept for the audit chain, with who and when, naming the decision it is about.
        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        List<Map<String, Object>> records = jdbc.sql("SELECT kind, record FROM chain_records WHERE system_id = ? ORDER BY position")
                .param(id).query().listOfRows();
        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(r -> assertThat(r.get("kind")).isEqualTo("evidence"));
        assertThat(records.get(0).get("record").toString()).contains("\"source\":\"workbook\"", "\"kind\":\"evidence\"",
                "\"name\":\"" + officer.name() + "\"", "\"decisionId\"", "\"fileSha256\"", "対応します");
        assertThat(records.get(2).get("record").toString()).contains("\"met\":false");
        OfficeRecordsPagesTest.chainHoldsEveryRecord(server, PageClient.as(server, Role.CAIO, officer.organisation()), id);
    }

    /** The REQUIRED item ids of each decision in the organisation's exported chain, in order. */
    private static List<java.util.Set<String>> requiredByDecision(PageClient caio) {
        String export = new String(caio.get("/audit/export").body(), StandardCharsets.UTF_8);
        List<io.github.aigov.governance.audit.AuditEntry> entries = io.github.aigov.governance.Governance.auditLog(
                new io.github.aigov.governance.audit.AuditStore() {
                    @Override
                    public void append(String line) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public List<String> lines() {
                        return List.of(export.split("\n"));
                    }

                    @Override
                    public String name() {
                        return "export";
                    }
                }).entries();
        return entries.stream().filter(io.github.aigov.governance.audit.AuditEntry::isDecision)
                .map(e -> io.github.aigov.governance.Governance.fromRecord(e.record()))
                .map(d -> d.items(io.github.aigov.governance.ItemStatus.REQUIRED).stream().map(io.github.aigov.governance.ItemResult::id)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)))
                .map(x -> (java.util.Set<String>) x).toList();
    }

    /**
     * A new revision takes over the vendor's answers and the marks met of the items it still
     * requires, says so, and counts as open only what it requires anew; its own workbook replaces them.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void a_new_revision_carries_over_the_evidence_of_the_items_it_still_requires(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient officer = PageClient.as(server, Role.OFFICER, org);
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        byte[] filled = Workbooks.edit(workbook(officer, id, "ja"), wb -> Workbooks.answerRequired(wb, 1000, "対応します"));
        assertThat(upload(officer, id, 1, filled).status()).isEqualTo(302);
        assertThat(open(officer, id)).isZero();
        // One item met by a mark only, the vendor's answer for it left out of a later workbook.
        officer.get("/systems/" + id + "/evidence");
        assertThat(officer.form("/systems/" + id + "/evidence/marks", Map.of("revision", "1", "item", "CONT-INCIDENT", "met", "true",
                "note", "契約書第12条で規定済み", "link", "")).status()).isEqualTo(302);

        // A new revision: the vendor now trains a model for the system, and staff check every answer before it is sent.
        String changed = Profiles.yaml(Profiles.CHATBOT).replace("vendorTrainsModel: false", "vendorTrainsModel: true")
                .replace("  judgement: NONE", "  judgement: EVERY_OUTPUT");
        assertThat(changed).contains("vendorTrainsModel: true", "judgement: EVERY_OUTPUT");
        officer.get("/systems/" + id + "/profile");
        Page revised = officer.upload("/systems/" + id + "/profile", Map.of(), "profile", "p.yaml", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(302);
        List<java.util.Set<String>> required = requiredByDecision(caio);
        java.util.Set<String> before = required.get(0);
        java.util.Set<String> now = required.get(1);
        java.util.Set<String> kept = new java.util.TreeSet<>(now);
        kept.retainAll(before);
        java.util.Set<String> anew = new java.util.TreeSet<>(now);
        anew.removeAll(before);
        java.util.Set<String> dropped = new java.util.TreeSet<>(before);
        dropped.removeAll(now);
        // What makes this test mean something: items kept, items required anew, and items no longer required.
        assertThat(kept).as("still required").contains("CONT-INCIDENT").hasSizeGreaterThan(1);
        assertThat(anew).as("required anew").isNotEmpty();
        assertThat(dropped).as("no longer required").isNotEmpty();

        Page evidence = officer.get("/systems/" + id + "/evidence");
        assertThat(open(officer, id)).isEqualTo(anew.size());
        assertThat(evidence.text()).contains("未対応の必須項目：" + now.size() + " 件中 " + anew.size() + " 件",
                "以前の改訂から引き継いだもの：事業者回答 " + kept.size() + " 件、対応済みの記録 1 件", "（改訂 1 から引き継ぎ）");
        String openList = evidence.html().substring(evidence.html().indexOf("id=\"open-items\""));
        openList = openList.substring(0, openList.indexOf("</ul>"));
        for (String item : anew) {
            assertThat(openList).contains(">" + item + "<");
        }
        for (String item : kept) {
            assertThat(openList).doesNotContain(">" + item + "<");
        }
        // The answers of items no longer required are not carried over.
        for (String item : dropped) {
            assertThat(evidence.text()).doesNotContain("対応します " + item);
        }
        // The system page and the dashboard count the same.
        assertThat(officer.get("/systems/" + id).text()).contains("必須項目 " + now.size() + " 件中、未対応 " + anew.size() + " 件");

        // The revision's own workbook replaces what was carried over: an answer left empty there is open again.
        byte[] own = Workbooks.edit(workbook(officer, id, "ja"), wb -> Workbooks.answerRequired(wb, 1, "改訂2の回答"));
        assertThat(upload(officer, id, 2, own).status()).isEqualTo(302);
        Page after = officer.get("/systems/" + id + "/evidence");
        assertThat(after.text()).contains("改訂2の回答");
        assertThat(open(officer, id)).isEqualTo(anew.size() - (anew.contains(firstAnswered(after)) ? 1 : 0));
    }

    /** The item the text "改訂2の回答 ID" names. */
    private static String firstAnswered(Page p) {
        Matcher m = Pattern.compile("改訂2の回答 ([A-Z0-9-]+)").matcher(p.text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void a_mark_needs_a_note_and_a_web_address_and_a_link_to_anything_else_is_not_a_link() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        officer.get("/systems/" + id + "/evidence");
        Page refused = officer.form("/systems/" + id + "/evidence/marks", Map.of("revision", "1", "item", "PROC-01", "met", "true",
                "note", "", "link", "javascript:alert(1)"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("項目を満たしていることの説明を記入してください", "https:// 又は http:// で始まるアドレス");
        Page unknown = officer.form("/systems/" + id + "/evidence/marks", Map.of("revision", "1", "item", "NOT-AN-ITEM", "note", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("この改訂の項目を選択してください");
        assertThat(open(officer, id)).isEqualTo(27);
    }

    @Test
    void workbooks_that_are_not_the_one_sent_are_refused_with_the_row_that_is_wrong() throws IOException {
        Server server = TestServers.get(Db.H2);
        String org = server.organisation();
        PageClient officer = PageClient.as(server, Role.OFFICER, org);
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        byte[] sent = workbook(officer, id, "ja");

        assertRefused(officer, id, 1, "hello, not a workbook".getBytes(StandardCharsets.UTF_8), "xlsx形式のブックではありません");
        assertRefused(officer, id, 1, zipBomb(), "読み込めません");
        assertRefused(officer, id, 1, new byte[0], "チェックシートのファイルを選択してください");
        assertRefused(officer, id, 1, new byte[3 * 1024 * 1024], "2 MiBを超えています");

        String firstSheet = sheetName(sent, 1);
        assertRefused(officer, id, 1, Workbooks.edit(sent, wb -> Workbooks.itemRow(wb, 3).getCell(0).setCellValue("PROC-99")),
                "シート「" + firstSheet + "」の 4 行目：ID「PROC-99」はこのシートの項目ではありません");
        assertRefused(officer, id, 1, Workbooks.edit(sent, wb -> {
            Sheet s = wb.getSheetAt(1);
            s.removeRow(s.getRow(2));
        }), "シート「" + firstSheet + "」：項目 PROC-02 の行がありません");
        assertRefused(officer, id, 1, Workbooks.edit(sent, wb -> {
            Row row = Workbooks.itemRow(wb, 1);
            row.getCell(Workbooks.vendorColumn(wb.getSheetAt(1))).setCellFormula("HYPERLINK(\"http://evil.example\",\"ok\")");
        }), "シート「" + firstSheet + "」の 2 行目（PROC-01）：回答が数式です");
        assertRefused(officer, id, 1, Workbooks.edit(sent, wb -> {
            Sheet summary = wb.getSheetAt(0);
            for (Row row : summary) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("判定ID")) {
                    row.getCell(1).setCellValue("00000000-0000-0000-0000-000000000000");
                }
            }
        }), "他のシステム若しくは他の改訂のものであるか、判定IDが変更されています");

        // Another system's workbook, and this system's workbook of an earlier revision.
        String other = officer.register(Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", "another-chatbot"));
        assertRefused(officer, id, 1, workbook(officer, other, "ja"), "他のシステム若しくは他の改訂のもの");
        officer.get("/systems/" + id + "/profile");
        Page revised = officer.upload("/systems/" + id + "/profile", Map.of("guideline", "version:2.0"), "profile", "p.yaml",
                Profiles.with(Profiles.yaml(Profiles.CHATBOT), "name", "給付金案内チャットボット（改訂）").getBytes(StandardCharsets.UTF_8));
        assertThat(revised.status()).isEqualTo(302);
        assertRefused(officer, id, 2, sent, "このシステムの改訂 1 のものです");
        assertThat(officer.get("/systems/" + id + "/evidence?revision=1").text()).contains("チェックシートはまだアップロードされていません");

        // Sorted or filtered rows are the same workbook; so is the English one.
        byte[] sorted = Workbooks.edit(sent, wb -> {
            Row a = Workbooks.itemRow(wb, 1);
            Row b = Workbooks.itemRow(wb, 2);
            for (int c = 0; c < a.getLastCellNum(); c++) {
                String x = a.getCell(c).getStringCellValue();
                a.getCell(c).setCellValue(b.getCell(c).getStringCellValue());
                b.getCell(c).setCellValue(x);
            }
        });
        Page accepted = upload(officer, id, 1, sorted);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(302);
        byte[] english = Workbooks.edit(workbook(officer, id, "en"), wb -> Workbooks.answerRequired(wb, 2, "Will do"));
        assertThat(upload(officer, id, 2, english).status()).isEqualTo(302);
        assertThat(open(officer, id)).isEqualTo(25);
    }

    @Test
    void an_upload_over_the_containers_limit_is_a_page_saying_so() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        Page huge = upload(officer, id, 1, new byte[9 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.text()).contains("ファイルが大きすぎます");
        assertThat(open(officer, id)).isEqualTo(27);
    }

    private static void assertRefused(PageClient c, String id, int revision, byte[] workbook, String why) {
        Page p = upload(c, id, revision, workbook);
        assertThat(p.status()).as(why).isEqualTo(400);
        assertThat(p.text()).as(p.toString()).contains(why);
        assertThat(c.get("/systems/" + id + "/evidence?revision=" + revision).text()).as(why)
                .contains("チェックシートはまだアップロードされていません");
    }

    private static String sheetName(byte[] workbook, int index) {
        String[] name = new String[1];
        Workbooks.edit(workbook, wb -> name[0] = wb.getSheetName(index));
        return name[0];
    }

    /** A zip that starts as a workbook does and unpacks to 200 MB of zeros. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
