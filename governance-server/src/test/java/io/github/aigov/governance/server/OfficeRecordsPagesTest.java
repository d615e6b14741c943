package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the CAIO's office records beside the decisions: the determination (a justification required
 * to set another classification), the board's advice on escalated systems, risk cases step by step,
 * periodic verification and the organisation's interval. The computed decision is never changed,
 * every page shows both, and every record names who made it and when.
 */
class OfficeRecordsPagesTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_caio_determines_beside_the_computed_decision_which_stays(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient officer = PageClient.as(server, Role.OFFICER, org);
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));

        caio.get("/systems/" + id + "/determination");
        Page refused = caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "MEDIUM",
                "justification", "   \n\t "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("理由を記入してください。判定結果と異なるリスクレベルに確定する場合は、理由が必要です。");
        assertThat(refused.html()).contains("aria-invalid=\"true\"", "id=\"justification-error\"");
        caio.language("en");
        caio.get("/systems/" + id + "/determination");
        Page english = caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "MEDIUM"));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text()).contains("Write the justification: it is required when the classification differs from the computed one.");
        assertThat(english.html()).contains("<html lang=\"en\">");
        caio.language("ja");
        Page unknown = caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "CRITICAL"));
        assertThat(unknown.text()).contains("リスクレベルを選択してください");

        caio.get("/systems/" + id + "/determination");
        Page set = caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "MEDIUM",
                "justification", "職員が全ての回答を確認してから送信する運用とするため"));
        assertThat(set.status()).isEqualTo(302);
        Page system = caio.get("/systems/" + id);
        assertThat(system.text()).contains("判定されたリスクレベル 高リスク", "中リスク", "判定とは異なるリスクレベルに確定しました",
                "職員が全ての回答を確認してから送信する運用とするため", caio.name());
        // Every page about the system shows both.
        for (String path : List.of("/systems/" + id + "/evidence", "/systems/" + id + "/verification", "/systems/" + id + "/board-advice")) {
            assertThat(caio.get(path).text()).as(path).contains("判定されたリスクレベル 高リスク",
                    "AI統括責任者（CAIO）が確定したリスクレベル 中リスク");
        }
        // The computed decision is untouched: the revision, the API and the chain still say HIGH.
        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT classification FROM revisions WHERE system_id = ?").param(id).query(String.class).single()).isEqualTo("HIGH");
        Map<String, Object> record = jdbc.sql("SELECT kind, revision, decision_id, record, recorded_by FROM chain_records WHERE system_id = ?")
                .param(id).query().singleRow();
        assertThat(record.get("kind")).isEqualTo("determination");
        assertThat(record.get("decision_id")).isEqualTo(jdbc.sql("SELECT decision_id FROM revisions WHERE system_id = ?").param(id)
                .query(String.class).single());
        assertThat(record.get("record").toString()).contains("\"computed\":\"HIGH\"", "\"determined\":\"MEDIUM\"",
                "\"role\":\"CAIO\"", "\"name\":\"" + caio.name() + "\"", "\"recordedAt\"", "\"schemaVersion\":\"1\"");

        // Confirming the computed one needs no justification.
        caio.get("/systems/" + id + "/determination");
        assertThat(caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "HIGH")).status())
                .isEqualTo(302);
        assertThat(caio.get("/systems/" + id).text()).contains("判定されたリスクレベルを確認し、確定しました");
        chainHoldsEveryRecord(server, caio, id);
    }

    /**
     * Every record the pages made for the organisation is in its audit chain, at the position kept
     * for it, beside the decision it is about; the export verifies with the library's verifier and
     * counts them by kind.
     */
    static void chainHoldsEveryRecord(Server server, PageClient caio, String systemId) {
        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT id, kind, chained_seq, decision_id FROM chain_records
                WHERE organisation_id = (SELECT organisation_id FROM systems WHERE id = ?) ORDER BY position""")
                .param(systemId).query().listOfRows();
        assertThat(rows).isNotEmpty();
        byte[] export = caio.get("/audit/export").body();
        io.github.aigov.governance.audit.AuditVerification v = AuditExports.verify(export);
        assertThat(v.problems()).isEmpty();
        assertThat(v.intact()).isTrue();
        // Signed as the decisions are, by the service's key.
        assertThat(v.unsignedRecords()).isZero();
        assertThat(v.signers().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(v.records());
        List<String> lines = List.of(new String(export, java.nio.charset.StandardCharsets.UTF_8).split("\n"));
        Map<String, Long> kinds = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            assertThat(row.get("chained_seq")).as("chained_seq of %s", row.get("id")).isNotNull();
            String line = lines.get(((Number) row.get("chained_seq")).intValue() - 1);
            assertThat(line).contains("\"v\":3", "\"recordId\":\"" + row.get("id") + "\"", "\"kind\":\"" + row.get("kind") + "\"");
            if (row.get("decision_id") != null) {
                assertThat(line).contains("\"decisionId\":\"" + row.get("decision_id") + "\"", "\"decisionHash\":\"sha256:");
            }
            kinds.merge((String) row.get("kind"), 1L, Long::sum);
        }
        kinds.forEach((kind, n) -> assertThat(v.recordsByKind()).containsEntry(kind, n));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_boards_advice_is_recorded_for_escalated_systems_only(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String high = caio.register(Profiles.yaml(Profiles.CHATBOT));
        String low = caio.register(Profiles.yaml(Profiles.MINUTES));

        caio.get("/systems/" + high + "/board-advice");
        Page future = caio.form("/systems/" + high + "/board-advice", Map.of("revision", "1", "advisedOn", TODAY.plusDays(3).toString(),
                "summary", ""));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text()).contains("将来の日付は入力できません", "助言の概要を記入してください");
        Page notADate = caio.form("/systems/" + high + "/board-advice", Map.of("revision", "1", "advisedOn", "2026-02-30", "summary", "x"));
        assertThat(notADate.text()).contains("日付（年月日）を入力してください");
        Page advised = caio.form("/systems/" + high + "/board-advice", Map.of("revision", "1", "advisedOn", TODAY.minusDays(1).toString(),
                "summary", "回答の根拠となる公表資料へのリンクを必ず示すこと"));
        assertThat(advised.status()).isEqualTo(302);
        assertThat(caio.get("/systems/" + high).text()).contains(TODAY.minusDays(1) + " に助言", "回答の根拠となる公表資料へのリンクを必ず示すこと");

        caio.get("/systems/" + low + "/board-advice");
        Page notEscalated = caio.form("/systems/" + low + "/board-advice", Map.of("revision", "1", "advisedOn", TODAY.toString(),
                "summary", "不要な助言"));
        assertThat(notEscalated.status()).isEqualTo(400);
        assertThat(notEscalated.text()).contains("エスカレーションの対象ではありません");
        assertThat(caio.get("/dashboard").text()).contains("助言待ち：0 件", "エスカレーション対象：1 件");
        chainHoldsEveryRecord(server, caio, high);
    }

    /** Records kept before the chain took them are appended at the next write, first, in the order they were made. */
    @Test
    void records_kept_before_the_chain_took_them_are_chained_first_in_order() {
        Server server = TestServers.get(Db.H2);
        PageClient caio = PageClient.as(server, Role.CAIO, server.organisation());
        String id = caio.register(Profiles.yaml(Profiles.CHATBOT));
        caio.get("/systems/" + id + "/determination");
        assertThat(caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "HIGH")).status())
                .isEqualTo(302);
        // A record as the pages kept it before the wiring: in chain_records, not in the chain.
        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        Map<String, Object> kept = jdbc.sql("SELECT id, organisation_id, system_id, revision, decision_id, record, recorded_at, recorded_by "
                + "FROM chain_records WHERE system_id = ?").param(id).query().singleRow();
        String unchained = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO chain_records (id, organisation_id, kind, system_id, revision, decision_id, record, recorded_at, recorded_by)
                VALUES (?, ?, 'determination', ?, ?, ?, ?, ?, ?)""")
                .params(unchained, kept.get("organisation_id"), id, kept.get("revision"), kept.get("decision_id"),
                        kept.get("record").toString().replace((String) kept.get("id"), unchained), kept.get("recorded_at"), kept.get("recorded_by"))
                .update();
        assertThat(AuditExports.verify(caio.get("/audit/export").body()).records()).isEqualTo(2);

        caio.get("/systems/" + id + "/board-advice");
        assertThat(caio.form("/systems/" + id + "/board-advice", Map.of("revision", "1", "advisedOn", TODAY.toString(),
                "summary", "進めてよい")).status()).isEqualTo(302);
        List<String> chained = jdbc.sql("SELECT id FROM chain_records WHERE system_id = ? ORDER BY chained_seq").param(id)
                .query(String.class).list();
        assertThat(chained).containsExactly((String) kept.get("id"), unchained,
                jdbc.sql("SELECT id FROM chain_records WHERE system_id = ? AND kind = 'board-advice'").param(id).query(String.class).single());
        chainHoldsEveryRecord(server, caio, id);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_risk_case_goes_from_report_to_response_to_the_boards_note(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient officer = PageClient.as(server, Role.OFFICER, org);
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));

        officer.get("/systems/" + id + "/risk-cases/new");
        Page missing = officer.form("/systems/" + id + "/risk-cases", Map.of("occurredOn", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("報告元を選択してください", "日付（年月日）を入力してください", "発生した事象を記入してください",
                "影響を記入してください");
        Page reported = officer.form("/systems/" + id + "/risk-cases", Map.of("reporter", "USER", "occurredOn", TODAY.minusDays(5).toString(),
                "whatHappened", "給付の要件について誤った回答を表示した", "effect", "申請者1名が誤って申請を見送った"));
        assertThat(reported.status()).isEqualTo(302);
        String caseUrl = reported.location().replaceAll("^https?://[^/]+", "").replace("?reported", "");
        assertThat(officer.get(caseUrl).text()).contains("報告済み（提供者の対応待ち）", "給付の要件について誤った回答を表示した");
        // The officer reports; only the CAIO records the steps.
        officer.get(caseUrl);
        assertThat(officer.form(caseUrl + "/response", Map.of("respondedOn", TODAY.toString(), "response", "x", "toBoard", "true")).status())
                .isEqualTo(403);

        caio.get(caseUrl);
        Page noNote = caio.form(caseUrl + "/board-note", Map.of("notedOn", TODAY.toString(), "note", "早すぎる所見"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.text()).contains("アドバイザリーボードに報告されていません");
        Page responded = caio.form(caseUrl + "/response", Map.of("respondedOn", TODAY.minusDays(2).toString(),
                "response", "回答の生成元資料を限定し、該当の回答を修正した", "toBoard", "true"));
        assertThat(responded.status()).isEqualTo(302);
        Page twice = caio.form(caseUrl + "/response", Map.of("respondedOn", TODAY.toString(), "response", "again", "toBoard", "false"));
        assertThat(twice.text()).contains("この段階は既に記録されています");
        assertThat(caio.get("/dashboard").text()).contains("1 件（対応中 1 件）");
        caio.get(caseUrl);
        assertThat(caio.form(caseUrl + "/board-note", Map.of("notedOn", TODAY.toString(), "note", "回答の根拠の表示を必須とすること"))
                .status()).isEqualTo(302);
        assertThat(caio.get(caseUrl).text()).contains("アドバイザリーボードの再発防止に関する所見を記録済み", "回答の根拠の表示を必須とすること");
        assertThat(caio.get("/dashboard").text()).contains("1 件（対応中 0 件）");
        assertThat(new String(caio.get("/reports/regular.csv").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(",1,0,1,");

        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        List<String> steps = jdbc.sql("SELECT record FROM chain_records WHERE system_id = ? AND kind = 'risk-case' ORDER BY position")
                .param(id).query(String.class).list();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).contains("\"step\":\"reported\"", "\"reporter\":\"USER\"", "\"role\":\"OFFICER\"");
        assertThat(steps.get(1)).contains("\"step\":\"response\"", "\"toBoard\":true", "\"role\":\"CAIO\"");
        assertThat(steps.get(2)).contains("\"step\":\"board-note\"");
        chainHoldsEveryRecord(server, caio, id);
        // Another system's case is not found under this one.
        String other = officer.register(Profiles.yaml(Profiles.MINUTES));
        assertThat(officer.get(caseUrl.replace(id, other)).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_dashboard_flags_a_system_whose_periodic_verification_is_overdue(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String id = caio.register(Profiles.yaml(Profiles.CHATBOT));
        String path = "/systems/" + id + "/verification";

        caio.get(path);
        Page early = caio.form(path, Map.of("verifiedOn", TODAY.toString(), "result", "SATISFACTORY", "note", ""));
        assertThat(early.text()).contains("先に運用開始日を記録してください");
        assertThat(caio.form("/systems/" + id + "/go-live", Map.of("liveOn", TODAY.minusMonths(14).toString())).status()).isEqualTo(302);
        Page dashboard = caio.get("/dashboard?overdue=on");
        assertThat(dashboard.text()).contains("検証期限超過：1 件", "検証期限（" + TODAY.minusMonths(2) + "）を過ぎています");
        caio.get(path);
        Page before = caio.form(path, Map.of("verifiedOn", TODAY.minusMonths(15).toString(), "result", "SATISFACTORY", "note", ""));
        assertThat(before.text()).contains("運用開始日より前の日付は検証日にできません");
        Page noNote = caio.form(path, Map.of("verifiedOn", TODAY.toString(), "result", "ACTION_NEEDED", "note", ""));
        assertThat(noNote.text()).contains("必要な対応の内容を記入してください");
        assertThat(caio.form(path, Map.of("verifiedOn", TODAY.minusMonths(3).toString(), "result", "SATISFACTORY", "note", "")).status())
                .isEqualTo(302);
        assertThat(caio.get("/dashboard").text()).contains("検証期限超過：0 件", "次回の検証期限：" + TODAY.plusMonths(9));
        // The organisation shortens its interval: overdue again.
        caio.get("/settings");
        assertThat(caio.form("/settings", Map.of("months", "0")).text()).contains("1から60までの月数を入力してください");
        assertThat(caio.form("/settings", Map.of("months", "2")).status()).isEqualTo(302);
        assertThat(caio.get("/dashboard?overdue=on").text()).contains("検証期限超過：1 件", "検証期限（" + TODAY.minusMonths(1) + "）を過ぎています");
        // The interval is the organisation's: another organisation's systems keep the default.
        PageClient elsewhere = PageClient.as(server, Role.CAIO, server.organisation());
        assertThat(elsewhere.get("/settings").html()).contains("value=\"12\"");

        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chain_records WHERE organisation_id = (SELECT organisation_id FROM systems WHERE id = ?) "
                + "AND kind = 'verification'").param(id).query(Long.class).single()).isEqualTo(3);
        chainHoldsEveryRecord(server, caio, id);
    }

    @Test
    void texts_are_kept_as_typed_without_control_characters() {
        Server server = TestServers.get(Db.H2);
        PageClient caio = PageClient.as(server, Role.CAIO, server.organisation());
        String id = caio.register(Profiles.yaml(Profiles.CHATBOT));
        caio.get("/systems/" + id + "/determination");
        caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "LOW",
                "justification", "\u0000理由\u0007\r\n<b>二行目</b>\u2028"));
        Page system = caio.get("/systems/" + id);
        Matcher m = Pattern.compile("class=\"prewrap\">([^<]*)</p>").matcher(system.html());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("理由\n&lt;b&gt;二行目&lt;/b&gt;");
    }
}
