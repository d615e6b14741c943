package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A revision of the guideline for the whole organisation: what changes, shown before it is applied
 * (the library's diff); applying it re-assesses every system in the background as new revisions,
 * its progress on a page that reloads itself without script; one job at a time.
 */
class RevisionPagesTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_caio_sees_what_changes_then_applies_it_as_new_revisions(Db db) throws InterruptedException {
        Server server = TestServers.get(db);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String chatbot = caio.register(Profiles.yaml(Profiles.CHATBOT));
        String minutes = caio.register(Profiles.yaml(Profiles.MINUTES));

        Page preview = caio.get("/revision?target=overlay:example-ministry");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text()).contains("再判定するシステムは 2 件", "現在 DS-920 第2.0版 で判定しているシステム",
                "MIN-PLAIN-JAPANESE：新しい項目、REQUIRED", "追加：項目 MIN-PLAIN-JAPANESE");
        // Nothing is applied by looking.
        assertThat(caio.get("/systems/" + chatbot).text()).contains("改訂 1（全 1 改訂）");

        caio.get("/systems/" + chatbot + "/determination");
        caio.form("/systems/" + chatbot + "/determination", Map.of("revision", "1", "classification", "MEDIUM", "justification", "運用で確認"));
        caio.get("/revision?target=overlay:example-ministry");
        Page started = caio.form("/revision/jobs", Map.of("target", "overlay:example-ministry"));
        assertThat(started.status()).isEqualTo(302);
        String job = started.location().replaceAll("^https?://[^/]+", "");
        Page running = caio.get(job);
        assertThat(running.status()).isEqualTo(200);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (caio.get(job + "/progress").html().contains("\"state\":\"RUNNING\"") && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        Page done = caio.get(job);
        assertThat(done.text()).contains("完了", "2 件中 2 件を再判定済み", "改訂 1：高リスク", "改訂 2：高リスク", "改訂 2：低リスク");
        assertThat(done.html()).doesNotContain("http-equiv=\"refresh\"");
        for (String id : new String[] {chatbot, minutes}) {
            assertThat(caio.get("/systems/" + id).text()).contains("改訂 2（全 2 改訂）", "オーバーレイ example-ministry");
        }
        // The new revision is a new decision: determined anew, with the earlier determination shown.
        assertThat(caio.get("/systems/" + chatbot).text()).contains("未確定", "改訂 1 は中リスクに確定されていました");
        assertThat(caio.get("/systems/" + chatbot + "/compare?from=1&to=2").text()).contains("MIN-PLAIN-JAPANESE", "EXAMPLE-MINISTRY-2026");
        // Each re-assessment is a revision in the chain, by the CAIO who applied it; the determination is beside its decision.
        AuditVerification chain = AuditExports.verify(caio.get("/audit/export").body());
        assertThat(chain.records()).isEqualTo(5);
        assertThat(chain.recordsByKind()).containsExactly(Map.entry("decision", 4L), Map.entry("determination", 1L));
        // Applied again, nothing is left to re-assess.
        assertThat(caio.get("/revision?target=overlay:example-ministry").text()).contains("再判定するシステムは 0 件",
                "既に適用済みのため再判定しないシステム");
    }

    @Test
    void while_a_job_runs_its_page_reloads_itself_and_another_is_refused() {
        Server server = TestServers.get(Db.H2);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        caio.register(Profiles.yaml(Profiles.CHATBOT));
        JdbcClient jdbc = server.running().context().getBean(JdbcClient.class);
        long orgId = jdbc.sql("SELECT id FROM organisations WHERE name = ?").param(org).query(Long.class).single();
        long userId = jdbc.sql("SELECT id FROM users WHERE name = ?").param(caio.name()).query(Long.class).single();
        String job = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO reassessments (id, organisation_id, target_version, state, total, done, changed, failed, requested_at, requested_by) "
                + "VALUES (?, ?, '1.0', 'RUNNING', 3, 1, 0, 0, CURRENT_TIMESTAMP, ?)").params(job, orgId, userId).update();
        Page running = caio.get("/revision/jobs/" + job);
        assertThat(running.html()).contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>",
                "<progress id=\"job-bar\" value=\"1\" max=\"3\">33%</progress>", "data-progress=\"/revision/jobs/" + job + "/progress\"");
        assertThat(running.text()).contains("3 件中 1 件を再判定済み", "この画面は自動的に更新されます");
        caio.get("/revision?target=version:1.0");
        Page second = caio.form("/revision/jobs", Map.of("target", "version:1.0"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text()).contains("所属組織の再判定を実行中です");
        // Another organisation's CAIO neither sees the job nor is held up by it.
        PageClient other = PageClient.as(server, Role.CAIO, server.organisation());
        assertThat(other.get("/revision/jobs/" + job).status()).isEqualTo(404);
        assertThat(other.get("/revision/jobs/" + job + "/progress").status()).isEqualTo(404);
        // A job cut short by a restart is marked interrupted at the next start.
        server.running().context().getBean(io.github.aigov.governance.server.revision.GuidelineRevisionService.class).interruptedAtStart();
        assertThat(caio.get("/revision/jobs/" + job).text()).contains("中断", "同じものをもう一度適用してください");
        assertThat(new String(caio.get("/revision?target=nothing").body(), StandardCharsets.UTF_8))
                .contains("このサービスにあるガイドラインの版又はオーバーレイを選択してください");
    }
}
