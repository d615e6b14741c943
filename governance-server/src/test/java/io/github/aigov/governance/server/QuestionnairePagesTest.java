package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.questionnaire.QuestionnaireService;
import io.github.aigov.governance.server.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Registering by the questionnaire, without script: the questions with their help on request, the
 * result and its reasons after "check", an unanswered question named and nothing assessed, a profile
 * filling in the answers and the answers downloaded as the same profile, and registering.
 */
class QuestionnairePagesTest {
    static final Questionnaire QUESTIONS = Governance.builder().guidelineVersion("2.0").build().questionnaire().orElseThrow();
    static final ProjectProfile CHATBOT = Governance.readProfile(Profiles.file(Profiles.CHATBOT));

    /** The benefits chatbot's answers as the form sends them, but for the questions left out. */
    static Map<String, String> form(String... leftOut) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("guideline", "version:2.0");
        QuestionnaireService.answers(QUESTIONS, CHATBOT).forEach((id, value) -> {
            if (!java.util.List.of(leftOut).contains(id)) {
                fields.put("q." + id, value);
            }
        });
        return fields;
    }

    static String text(Question q) {
        return q.text().ja();
    }

    @Test
    void every_question_is_asked_with_its_help_on_request_and_a_label() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        Page page = officer.get("/systems/new/questions");
        assertThat(page.status()).isEqualTo(200);
        for (Question q : QUESTIONS.questions()) {
            assertThat(page.text()).as(q.id()).contains(text(q), q.help().explanation().ja());
            if (q.type() == Question.Type.TEXT) {
                assertThat(page.html()).contains("<label for=\"q-" + q.id() + "\"");
            } else {
                assertThat(page.html()).contains("<legend>" + text(q).replace("'", "&#39;") + "</legend>");
                q.options().forEach(o -> assertThat(page.html()).contains("<label for=\"q-" + q.id() + "-" + o.value() + "\""));
            }
        }
        assertThat(page.html()).contains("<details class=\"help\"", "<summary>説明と回答例</summary>", "name=\"_csrf\"");
        assertThat(page.text()).contains("回答を確認すると、リスクレベルとその理由をここに表示します。");
        // The upload page offers the questions too; an auditor may not register.
        assertThat(officer.get("/systems/new").html()).contains("href=\"/systems/new/questions\"");
        assertThat(PageClient.as(server, Role.AUDITOR, officer.organisation()).get("/systems/new/questions").status()).isEqualTo(403);
        // In English too.
        officer.language("en");
        assertThat(officer.get("/systems/new/questions").text()).contains(QUESTIONS.questions().get(0).text().en(), "Explanation and examples");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_benefits_chatbot_answered_is_high_with_its_reasons_and_registers(Db db) {
        Server server = TestServers.get(db);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        officer.get("/systems/new/questions");
        Map<String, String> check = form();
        check.put("action", "check");
        Page checked = officer.form("/systems/new/questions", check);
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.html()).contains("id=\"result-classification\" class=\"badge class-HIGH\">高リスク<");
        assertThat(checked.text()).contains("4つの観点のうち2つ以上で回答のレベルが「高」であるため、高リスクと判定します。",
                "COMB-TWO-OR-MORE-HIGH", "ESC-HIGH", "まだ保存していません");
        // The answers stay as given.
        assertThat(checked.html()).contains("value=\"benefits-eligibility-chatbot\"", "id=\"q-users-PUBLIC\" name=\"q.users\" value=\"PUBLIC\" checked");
        // Nothing is stored by a check.
        assertThat(officer.get("/dashboard").text()).doesNotContain("給付金案内チャットボット");

        // Downloaded, the answers are the chatbot's profile.
        Map<String, String> download = form();
        download.put("action", "download");
        Page yaml = officer.form("/systems/new/questions", download);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.headers().firstValue("Content-Disposition").orElse("")).contains("benefits-eligibility-chatbot.yaml");
        assertThat(Governance.parseProfile(new String(yaml.body(), StandardCharsets.UTF_8), "back.yaml")).isEqualTo(CHATBOT);

        // Registered: revision 1, HIGH, as an upload of the same profile would be.
        Map<String, String> register = form();
        register.put("action", "register");
        Page registered = officer.form("/systems/new/questions", register);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(302);
        assertThat(registered.location()).containsPattern("/systems/[0-9a-f-]{36}\\?registered");
        Page system = officer.get(registered.location().replaceAll("^https?://[^/]+", ""));
        assertThat(system.text()).contains("システムを登録し、判定しました。", "給付金案内チャットボット", "高リスク", "改訂 1");
    }

    @Test
    void an_unanswered_question_is_named_and_nothing_is_guessed() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        officer.get("/systems/new/questions");
        Question judgement = QUESTIONS.question("judgement").orElseThrow();
        Question name = QUESTIONS.question("project-name").orElseThrow();
        for (String action : new String[] {"check", "register", "download"}) {
            Map<String, String> fields = form("judgement", "project-name");
            fields.put("action", action);
            Page page = officer.form("/systems/new/questions", fields);
            assertThat(page.status()).as(action).isEqualTo(action.equals("check") ? 200 : 400);
            assertThat(page.contentType()).as(action).startsWith("text/html");
            assertThat(page.text()).as(action).contains("未回答の質問が 2 件あります。すべてに回答するまで判定しません");
            String list = page.html().substring(page.html().indexOf("<ul id=\"unanswered\">"));
            list = list.substring(0, list.indexOf("</ul>"));
            assertThat(list).contains("href=\"#q-judgement\"", "href=\"#q-project-name\"")
                    .contains(text(judgement).replace("'", "&#39;"), text(name));
            assertThat(page.html()).doesNotContain("id=\"result-classification\"");
            assertThat(page.html()).contains("aria-describedby=\"q-judgement-error q-judgement-help\"");
            if (!action.equals("check")) {
                // Refused: the summary at the top names them too, each a link to its question.
                String summary = page.html().substring(page.html().indexOf("id=\"error-summary\""));
                summary = summary.substring(0, summary.indexOf("</ul>"));
                assertThat(summary).contains("href=\"#q-judgement\"", "href=\"#q-project-name\"", "この質問に回答してください：" + text(name));
            } else {
                assertThat(page.html()).doesNotContain("id=\"error-summary\"");
            }
        }
        // An answer that is not one of the question's options is not taken either.
        Map<String, String> wrong = form();
        wrong.put("q.users", "EVERYONE");
        wrong.put("action", "check");
        assertThat(officer.form("/systems/new/questions", wrong).text()).contains("未回答の質問が 1 件あります");
        assertThat(officer.get("/dashboard").text()).doesNotContain("給付金案内チャットボット");
    }

    @Test
    void a_profile_fills_in_the_answers_and_markup_in_an_answer_is_text() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        officer.get("/systems/new/questions");
        Page filled = officer.upload("/systems/new/questions/profile", Map.of("guideline", "version:2.0"), "profile", "chatbot.yaml",
                Profiles.yaml(Profiles.CHATBOT).getBytes(StandardCharsets.UTF_8));
        assertThat(filled.status()).isEqualTo(200);
        assertThat(filled.text()).contains("プロファイルから回答を読み込みました。", "高リスク");
        assertThat(filled.html()).contains("value=\"給付金案内チャットボット\"", "name=\"q.users\" value=\"PUBLIC\" checked",
                "name=\"q.vendor-trains-model\" value=\"false\" checked");
        Page refused = officer.upload("/systems/new/questions/profile", Map.of("guideline", "version:2.0"), "profile", "x.yaml",
                "id: [unclosed".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html()).contains("id=\"error-summary\"");

        officer.get("/systems/new/questions");
        Map<String, String> markup = form();
        markup.put("q.project-name", "<script>alert('q')</script><img src=x onerror=alert(1)>");
        markup.put("action", "check");
        Page page = officer.form("/systems/new/questions", markup);
        assertThat(page.html()).doesNotContain("<script>alert('q')", "<img src=x")
                .contains("value=\"&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\"");

        // What the script asks for: the result section only.
        Map<String, String> live = form();
        live.put("action", "result");
        Page fragment = officer.form("/systems/new/questions", live);
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.html().strip()).startsWith("<div id=\"result\" aria-live=\"polite\">").doesNotContain("<form", "<html");
        assertThat(fragment.html()).contains("高リスク");
    }
}
