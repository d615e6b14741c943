package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.PageClient.Page;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may open which page, the way an attacker would try: each role against each page, another
 * organisation's system, forms without their CSRF token, no login at all, and a profile full of markup.
 */
class PageAccessTest {

    /** A page, and which roles may open it (GET). */
    enum PagePath {
        DASHBOARD("/dashboard", Role.values()),
        REGISTER("/systems/new", Role.OFFICER, Role.CAIO),
        SYSTEM("/systems/{id}", Role.values()),
        REVISE("/systems/{id}/profile", Role.OFFICER, Role.CAIO),
        PROFILE("/systems/{id}/profile.yaml", Role.values()),
        PAPER("/systems/{id}/papers/xlsx", Role.values()),
        COMPARE("/systems/{id}/compare?from=1&to=1", Role.values()),
        EVIDENCE("/systems/{id}/evidence", Role.values()),
        DETERMINATION("/systems/{id}/determination", Role.CAIO),
        ADVICE("/systems/{id}/board-advice", Role.CAIO),
        REPORT_RISK_CASE("/systems/{id}/risk-cases/new", Role.OFFICER, Role.CAIO),
        VERIFICATION("/systems/{id}/verification", Role.values()),
        SETTINGS("/settings", Role.CAIO),
        REVISION("/revision", Role.CAIO),
        REGULAR_REPORT("/reports/regular", Role.CAIO, Role.AUDITOR, Role.DIGITAL_AGENCY),
        REGULAR_REPORT_CSV("/reports/regular.csv", Role.CAIO, Role.AUDITOR, Role.DIGITAL_AGENCY),
        AUDIT_EXPORT("/audit/export", Role.CAIO, Role.AUDITOR, Role.DIGITAL_AGENCY);

        final String path;
        final List<Role> roles;

        PagePath(String path, Role... roles) {
            this.path = path;
            this.roles = List.of(roles);
        }
    }

    /** A form, and which roles may send it. */
    enum Write {
        REGISTER("/systems", Role.OFFICER, Role.CAIO),
        DETERMINE("/systems/{id}/determination", Role.CAIO),
        ADVISE("/systems/{id}/board-advice", Role.CAIO),
        MARK("/systems/{id}/evidence/marks", Role.OFFICER, Role.CAIO),
        REPORT_RISK_CASE("/systems/{id}/risk-cases", Role.OFFICER, Role.CAIO),
        GO_LIVE("/systems/{id}/go-live", Role.CAIO),
        VERIFY("/systems/{id}/verification", Role.CAIO),
        SETTINGS("/settings", Role.CAIO),
        APPLY_REVISION("/revision/jobs", Role.CAIO);

        final String path;
        final List<Role> roles;

        Write(String path, Role... roles) {
            this.path = path;
            this.roles = List.of(roles);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void every_role_against_every_page_and_form(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        Map<Role, PageClient> as = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            as.put(r, PageClient.as(server, r, org));
        }
        String id = as.get(Role.OFFICER).register(Profiles.yaml(Profiles.CHATBOT));
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            PageClient c = as.get(role);
            for (PagePath p : PagePath.values()) {
                Page page = c.get(p.path.replace("{id}", id));
                int expected = p.roles.contains(role) ? 200 : 403;
                if (page.status() != expected) {
                    wrong.add(role + " GET " + p + " → " + page.status() + ", expected " + expected);
                }
                if (expected == 403 && !page.text().contains("この操作は行えません")) {
                    wrong.add(role + " GET " + p + ": not the refusal page in Japanese");
                }
            }
            for (Write w : Write.values()) {
                c.get("/dashboard");
                // An empty form: who may send it gets the form's own refusal (400) or is sent on; who may not gets 403.
                Page page = c.form(w.path.replace("{id}", id), Map.of());
                boolean refusedByRole = page.status() == 403;
                if (refusedByRole == w.roles.contains(role)) {
                    wrong.add(role + " POST " + w + " → " + page.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
        // Nothing a refused role sent was kept: the system has one revision and no determination.
        assertThat(as.get(Role.CAIO).get("/systems/" + id).text()).contains("改訂 1（全 1 改訂）", "未確定");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void another_organisations_system_answers_not_found_on_every_page(Db db) {
        Server server = TestServers.get(db);
        PageClient owner = PageClient.as(server, Role.OFFICER, server.organisation());
        String id = owner.register(Profiles.yaml(Profiles.CHATBOT));
        String elsewhere = server.organisation();
        for (Role role : new Role[] {Role.OFFICER, Role.CAIO, Role.AUDITOR}) {
            PageClient other = PageClient.as(server, role, elsewhere);
            for (PagePath p : PagePath.values()) {
                if (p.path.contains("{id}") && p.roles.contains(role)) {
                    Page page = other.get(p.path.replace("{id}", id));
                    assertThat(page.status()).as(role + " " + p).isEqualTo(404);
                    assertThat(page.text()).as(role + " " + p).contains("見つかりません").doesNotContain(Profiles.CHATBOT);
                }
            }
            for (Write w : Write.values()) {
                if (w.path.contains("{id}") && w.roles.contains(role)) {
                    other.get("/dashboard");
                    Page page = other.form(w.path.replace("{id}", id), Map.of("revision", "1", "classification", "LOW",
                            "justification", "x", "item", "PROC-01", "note", "x"));
                    assertThat(page.status()).as(role + " POST " + w).isEqualTo(404);
                }
            }
        }
        // A system id that does not exist answers the same.
        PageClient caio = PageClient.as(server, Role.CAIO, elsewhere);
        assertThat(caio.get("/systems/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(caio.get("/systems/..%2F..%2Fetc").status()).isIn(400, 404);
        // The owner's CAIO sees it untouched.
        assertThat(PageClient.as(server, Role.CAIO, owner.organisation()).get("/systems/" + id).text()).contains("未確定");
    }

    @Test
    void forms_without_their_csrf_token_are_refused_and_change_nothing() {
        Server server = TestServers.get(Db.H2);
        String org = server.organisation();
        PageClient caio = PageClient.as(server, Role.CAIO, org);
        String id = caio.register(Profiles.yaml(Profiles.CHATBOT));
        Map<String, String> override = Map.of("revision", "1", "classification", "LOW", "justification", "because");
        Page none = caio.formWithout("/systems/" + id + "/determination", override);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.text()).contains("フォームの有効期限が切れています");
        Page forged = caio.formWithout("/systems/" + id + "/determination",
                Map.of("revision", "1", "classification", "LOW", "justification", "because", "_csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);
        // A token from another session is no token here.
        PageClient other = PageClient.as(server, Role.CAIO, org);
        String othersToken = other.get("/systems/" + id + "/determination").html().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Page crossed = caio.formWithout("/systems/" + id + "/determination",
                Map.of("revision", "1", "classification", "LOW", "justification", "because", "_csrf", othersToken));
        assertThat(crossed.status()).isEqualTo(403);
        assertThat(caio.get("/systems/" + id).text()).contains("未確定");
        // Logging out is a form too: a link (GET) does not log out.
        caio.get("/logout");
        assertThat(caio.get("/dashboard").status()).isEqualTo(200);
        caio.get("/dashboard");
        Page out = caio.form("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/login?out");
        assertThat(caio.get("/dashboard").location()).endsWith("/login");
    }

    @Test
    void without_a_login_every_page_sends_to_the_login_page_which_itself_needs_nothing_from_elsewhere() {
        Server server = TestServers.get(Db.H2);
        PageClient anonymous = new PageClient(server.url());
        for (PagePath p : PagePath.values()) {
            Page page = anonymous.get(p.path.replace("{id}", "00000000-0000-0000-0000-000000000000"));
            assertThat(page.status()).as(p.path).isEqualTo(302);
            assertThat(page.location()).as(p.path).endsWith("/login");
        }
        Page login = anonymous.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.html()).contains("<html lang=\"ja\">", "name=\"_csrf\"", "href=\"/css/governance.css\"");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "script-src 'self'");
        assertThat(anonymous.get("/css/governance.css").status()).isEqualTo(200);
        assertThat(anonymous.get("/js/pages.js").status()).isEqualTo(200);
        // Every address in the page is this server's: no scheme, no other host.
        assertThat(login.html()).doesNotContainPattern("(src|href)=\"(https?:)?//");
        Page wrong = anonymous.form("/login", Map.of("username", "nobody", "password", "wrong-password-1"));
        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(anonymous.get("/login?error").text()).contains("アカウント名又はパスワードが正しくありません");
    }

    @Test
    void a_deleted_users_session_ends_at_its_next_request() {
        Server server = TestServers.get(Db.H2);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        assertThat(officer.get("/dashboard").status()).isEqualTo(200);
        server.users().delete(officer.name());
        Page after = officer.get("/dashboard");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_profile_full_of_markup_is_shown_as_text(Db db) {
        Server server = TestServers.get(db);
        PageClient officer = PageClient.as(server, Role.OFFICER, server.organisation());
        String name = "<script>alert('name')</script><img src=x onerror=alert(1)>\"'&";
        String description = "</td></tr></table><iframe src=\"javascript:alert(2)\"></iframe>{{7*7}}${7*7}[[${7*7}]]\n<b>bold</b>";
        String yaml = Profiles.with(Profiles.with(Profiles.yaml(Profiles.CHATBOT), "name", name), "description", description);
        String id = officer.register(yaml);
        for (String path : List.of("/systems/" + id, "/dashboard", "/systems/" + id + "/evidence", "/systems/" + id + "/verification")) {
            Page page = officer.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html()).as(path)
                    .doesNotContain("<script>alert", "<img src=x", "<iframe", "<b>bold")
                    .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        }
        Page system = officer.get("/systems/" + id);
        assertThat(system.html()).contains("&lt;iframe src=&quot;javascript:alert(2)&quot;&gt;&lt;/iframe&gt;{{7*7}}${7*7}[[${7*7}]]");
        assertThat(system.html()).doesNotContain(">49<");
        // The papers in HTML show the profile's texts as text too.
        for (String paper : List.of("/systems/" + id + "/papers/html", "/systems/" + id + "/papers/board-report-html")) {
            Page p = officer.get(paper);
            assertThat(p.status()).as(paper).isEqualTo(200);
            assertThat(p.contentType()).as(paper).startsWith("text/html");
            assertThat(p.html()).as(paper).doesNotContain("<script>alert", "<img src=x", "<iframe").contains("&lt;script&gt;");
        }
        // What people write about the system (a justification, a risk case) is text as well, on every page that shows it.
        String typed = "<script>alert('typed')</script><a href=\"javascript:alert(3)\">x</a>";
        PageClient caio = PageClient.as(server, Role.CAIO, officer.organisation());
        caio.get("/systems/" + id + "/determination");
        assertThat(caio.form("/systems/" + id + "/determination", Map.of("revision", "1", "classification", "LOW", "justification", typed))
                .status()).isEqualTo(302);
        officer.get("/systems/" + id + "/risk-cases/new");
        Page reported = officer.form("/systems/" + id + "/risk-cases", Map.of("reporter", "USER",
                "occurredOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1).toString(), "whatHappened", typed,
                "effect", typed));
        assertThat(reported.status()).isEqualTo(302);
        String caseUrl = reported.location().replaceAll("^https?://[^/]+", "").replace("?reported", "");
        for (String path : List.of("/systems/" + id, "/systems/" + id + "/determination", caseUrl)) {
            Page page = caio.get(path);
            assertThat(page.html()).as(path).doesNotContain("<script>alert('typed')", "href=\"javascript:")
                    .contains("&lt;script&gt;alert(&#39;typed&#39;)&lt;/script&gt;");
        }
        // Downloaded and uploaded again, the profile is the same profile.
        Page yamlFile = officer.get("/systems/" + id + "/profile.yaml");
        assertThat(yamlFile.contentType()).startsWith("application/yaml");
        io.github.aigov.governance.ProjectProfile back = io.github.aigov.governance.Governance.parseProfile(yamlFile.html(), "back.yaml");
        io.github.aigov.governance.ProjectProfile sent = io.github.aigov.governance.Governance.parseProfile(yaml, "sent.yaml");
        assertThat(back.name()).isEqualTo(name);
        assertThat(back).isEqualTo(sent);
    }
}
