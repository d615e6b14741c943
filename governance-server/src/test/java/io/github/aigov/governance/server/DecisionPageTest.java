package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The system's page says everything the decision says: classification and escalation with their
 * reasons, the four axes, every item by checklist with its status, reason and provenance, the
 * ministry's duties when the decision carries them, the trace folded; the papers; the revisions
 * and what changed between two of them.
 */
class DecisionPageTest {
    static final GovernanceEngine V2 = Governance.builder().guidelineVersion("2.0").build();

    @Test
    void the_page_shows_every_item_of_the_decision_with_its_status_reason_and_provenance() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        Decision d = V2.assess(Governance.readProfile(Profiles.file(Profiles.CHATBOT)));
        Page page = officer.get("/systems/" + id);
        String text = page.text();
        for (ItemResult item : d.items()) {
            assertThat(text).as(item.id()).contains(item.id(), V2.render(Message.of(item.id() + ".title"), Locale.JAPANESE),
                    V2.render(item.reason().message(), Locale.JAPANESE).replace("'", "&#39;").replace("\"", "&quot;"));
        }
        assertThat(text).contains("高リスク判定シート：4つの観点", "国民・事業者等の不特定多数", "原典", "解釈", "ルールの適用記録："
                + d.trace().size() + " 件");
        assertThat(page.html()).contains("<details>").doesNotContain("<details open");
        // The what-if suggestions are shown; a crosswalk's references only when one is asked for (WhatIfPagesTest).
        assertThat(page.html()).contains("id=\"what-if-heading\"").doesNotContain("<table class=\"crosswalk\"").doesNotContain("TODO");
        // The duties, exactly when the decision carries them.
        RecordComponent obligations = null;
        for (RecordComponent c : Decision.class.getRecordComponents()) {
            if (c.getName().equals("obligations")) {
                obligations = c;
            }
        }
        if (obligations == null) {
            assertThat(page.html()).doesNotContain("id=\"duties-heading\"");
        } else {
            List<String> ids = new ArrayList<>();
            try {
                for (Object o : (List<?>) obligations.getAccessor().invoke(d)) {
                    ids.add((String) o.getClass().getMethod("id").invoke(o));
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            assertThat(page.html()).contains("id=\"duties-heading\"");
            assertThat(text.substring(text.indexOf("各府省の責務"))).contains(ids);
        }
        // The papers, written for this revision, each in the page's language.
        for (String paper : List.of("html", "markdown", "xlsx", "board-report", "board-report-html")) {
            Page p = officer.get("/systems/" + id + "/papers/" + paper + "?revision=1");
            assertThat(p.status()).as(paper).isEqualTo(200);
            assertThat(p.headers().firstValue("Content-Disposition").orElse("")).as(paper).contains("-r1-" + paper + "-ja.");
        }
        assertThat(officer.get("/systems/" + id + "/papers/html").headers().firstValue("Content-Security-Policy").orElse(""))
                .startsWith("default-src 'none'");
        assertThat(officer.get("/systems/" + id + "/papers/nothing").status()).isEqualTo(404);
        // A system that does not escalate offers no board report.
        String low = officer.register(Profiles.yaml(Profiles.MINUTES));
        assertThat(officer.get("/systems/" + low).html()).doesNotContain("/papers/board-report");
        assertThat(officer.get("/systems/" + low + "/papers/board-report").status()).isEqualTo(409);
    }

    @Test
    void two_revisions_show_what_changed_in_the_answers_and_the_decision() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = officer.register(Profiles.yaml(Profiles.CHATBOT));
        String revised = Profiles.yaml(Profiles.CHATBOT).replace("judgement: NONE", "judgement: EVERY_OUTPUT")
                .replace("users: PUBLIC", "users: STAFF_SPECIFIC");
        officer.get("/systems/" + id + "/profile");
        Page stored = officer.upload("/systems/" + id + "/profile", Map.of("guideline", "version:2.0"), "profile", "p.yaml",
                revised.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(302);
        Page system = officer.get("/systems/" + id);
        assertThat(system.text()).contains("改訂 2（全 2 改訂）", "変更点を表示する");
        Page compared = officer.get("/systems/" + id + "/compare?from=2&to=1");
        assertThat(compared.text()).contains("改訂 1 と改訂 2 を", "プロファイルの回答", "判定", "高リスク (COMB-TWO-OR-MORE-HIGH)",
                "チェックシートの項目");
        // The earlier revision stays readable as it was decided.
        Page first = officer.get("/systems/" + id + "?revision=1");
        assertThat(first.text()).contains("改訂 1 を表示しています。最新は改訂 2 です。", "高リスク");
        assertThat(officer.get("/systems/" + id + "?revision=3").status()).isEqualTo(404);
        assertThat(officer.get("/systems/" + id + "?revision=x").status()).isEqualTo(400);
        // A revision whose profile id differs is refused, with the library's problem, and nothing is stored.
        officer.get("/systems/" + id + "/profile");
        Page other = officer.upload("/systems/" + id + "/profile", Map.of("guideline", "version:2.0"), "profile", "p.yaml",
                Profiles.yaml(Profiles.MINUTES).getBytes(StandardCharsets.UTF_8));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text()).contains("GOV-0105");
        Page broken = officer.upload("/systems/" + id + "/profile", Map.of("guideline", "version:2.0"), "profile", "p.yaml",
                "id: x\nname: [unclosed".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).contains("p.yaml");
        Page latin1 = officer.upload("/systems/" + id + "/profile", Map.of("guideline", "version:2.0"), "profile", "p.yaml",
                new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
        assertThat(latin1.text()).contains("UTF-8のテキストではありません");
        assertThat(officer.get("/systems/" + id).text()).contains("改訂 2（全 2 改訂）");
    }
}
