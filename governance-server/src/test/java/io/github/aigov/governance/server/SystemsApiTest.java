package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aigov.governance.cli.GovernanceCli;
import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** The inventory over HTTP: register, read, list, revise, history, papers and the audit export. */
class SystemsApiTest {

    record Ministry(Server server, Caller officer, Caller caio, Caller auditor) {
    }

    static Ministry ministry(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        return new Ministry(server, server.caller(Role.OFFICER, org), server.caller(Role.CAIO, org), server.caller(Role.AUDITOR, org));
    }

    static Response register(Caller caller, String yaml) {
        Response r = caller.http().post("/api/v1/systems", "application/yaml", yaml);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_registered_system_is_stored_with_its_decision_and_who_registered_it(Db db) {
        Ministry m = ministry(db);
        Response created = register(m.officer(), Profiles.yaml(Profiles.CHATBOT));
        JsonNode body = created.json();
        String id = body.path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/systems/" + id);
        assertThat(body.path("revision").asInt()).isEqualTo(1);
        assertThat(body.path("classification").asText()).isEqualTo("HIGH");
        assertThat(body.path("escalation").asBoolean()).isTrue();
        assertThat(body.path("createdBy").asText()).isEqualTo(m.officer().name());
        assertThat(body.path("organisation").asText()).isEqualTo(m.officer().organisation());
        assertThat(body.path("decision").path("classification").asText()).isEqualTo("HIGH");
        assertThat(body.path("auditSequence").asLong()).isEqualTo(1);

        Response read = m.auditor().http().get("/api/v1/systems/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("decision")).isEqualTo(body.path("decision"));
        assertThat(read.json().path("decision").path("decisionId").asText()).isEqualTo(body.path("decision").path("decisionId").asText());
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_revision_is_assessed_stored_and_listed_in_the_history_with_its_author(Db db) {
        Ministry m = ministry(db);
        String id = register(m.officer(), Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        String lower = Profiles.yaml(Profiles.CHATBOT).replace("users: PUBLIC", "users: STAFF_GENERAL");
        Response revised = m.caio().http().put("/api/v1/systems/" + id + "/profile", "application/yaml", lower);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().path("revision").asInt()).isEqualTo(2);
        assertThat(revised.json().path("updatedBy").asText()).isEqualTo(m.caio().name());
        assertThat(revised.json().path("createdBy").asText()).isEqualTo(m.officer().name());

        JsonNode history = m.auditor().http().get("/api/v1/systems/" + id + "/history").json();
        assertThat(history.path("total").asInt()).isEqualTo(2);
        assertThat(history.path("revisions")).hasSize(2);
        assertThat(history.path("revisions").path(0).path("revision").asInt()).isEqualTo(2);
        assertThat(history.path("revisions").path(0).path("recordedBy").asText()).isEqualTo(m.caio().name());
        assertThat(history.path("revisions").path(1).path("recordedBy").asText()).isEqualTo(m.officer().name());
        assertThat(history.path("revisions").path(1).path("decision").path("profile").path("axes").path("users").asText())
                .isEqualTo("PUBLIC");
        assertThat(history.path("revisions").path(0).path("decision").path("profile").path("axes").path("users").asText())
                .isEqualTo("STAFF_GENERAL");
        JsonNode paged = m.auditor().http().get("/api/v1/systems/" + id + "/history?size=1&page=1").json();
        assertThat(paged.path("revisions")).hasSize(1);
        assertThat(paged.path("revisions").path(0).path("revision").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_revision_whose_assessment_fails_leaves_nothing_behind(Db db) {
        Ministry m = ministry(db);
        String id = register(m.officer(), Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        String unknownOption = Profiles.yaml(Profiles.CHATBOT).replace("users: PUBLIC", "users: EVERYONE");
        Response refused = m.officer().http().put("/api/v1/systems/" + id + "/profile", "application/yaml", unknownOption);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("GOV-0012");
        assertThat(m.officer().http().get("/api/v1/systems/" + id).json().path("revision").asInt()).isEqualTo(1);
        assertThat(m.officer().http().get("/api/v1/systems/" + id + "/history").json().path("total").asInt()).isEqualTo(1);
        assertThat(m.caio().http().get("/api/v1/audit/export").text().lines()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_profile_id_is_registered_once_and_kept_by_its_revisions(Db db) {
        Ministry m = ministry(db);
        String id = register(m.officer(), Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        Response again = m.officer().http().post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.CHATBOT));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("GOV-0105");
        Response otherProfile = m.officer().http().put("/api/v1/systems/" + id + "/profile", "application/yaml",
                Profiles.yaml(Profiles.MINUTES));
        assertThat(otherProfile.status()).isEqualTo(409);
        assertThat(otherProfile.code()).isEqualTo("GOV-0105");
        // Another organisation may register the same profile id: it is another system.
        Caller other = m.server().caller(Role.OFFICER, m.server().organisation());
        register(other, Profiles.yaml(Profiles.CHATBOT));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_list_filters_by_classification_escalation_and_organisation_and_pages(Db db) {
        Ministry m = ministry(db);
        register(m.officer(), Profiles.yaml(Profiles.CHATBOT));
        register(m.officer(), Profiles.yaml(Profiles.MINUTES));
        register(m.officer(), Profiles.yaml("tax-notice-drafting"));
        Http http = m.auditor().http();
        assertThat(http.get("/api/v1/systems").json().path("total").asInt()).isEqualTo(3);
        assertThat(ids(http.get("/api/v1/systems?classification=HIGH"))).containsExactly(Profiles.CHATBOT, "tax-notice-drafting");
        assertThat(ids(http.get("/api/v1/systems?escalation=false"))).containsExactly(Profiles.MINUTES);
        assertThat(ids(http.get("/api/v1/systems?organisation=" + enc(m.officer().organisation())))).hasSize(3);
        assertThat(ids(http.get("/api/v1/systems?organisation=" + enc(m.server().organisation())))).isEmpty();
        JsonNode page = http.get("/api/v1/systems?size=2&page=1").json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(http.get("/api/v1/systems?classification=SEVERE").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/systems?size=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/systems?size=201").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/systems?page=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/systems?escalation=maybe").status()).isEqualTo(400);

        Caller agency = m.server().caller(Role.DIGITAL_AGENCY, m.server().organisation());
        assertThat(ids(agency.http().get("/api/v1/systems?organisation=" + enc(m.officer().organisation())))).hasSize(3);
        assertThat(agency.http().get("/api/v1/systems?size=200").json().path("total").asInt()).isGreaterThanOrEqualTo(3);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> ids(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("items").forEach(i -> ids.add(i.path("profileId").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_papers_of_a_stored_decision_in_both_languages(Db db) throws Exception {
        Ministry m = ministry(db);
        String high = register(m.officer(), Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        String low = register(m.officer(), Profiles.yaml(Profiles.MINUTES)).json().path("id").asText();
        Http http = m.auditor().http();
        Response html = http.get("/api/v1/systems/" + high + "/papers/html?lang=ja");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        assertThat(html.text()).contains("<html").contains("lang=\"ja\"");
        assertThat(http.get("/api/v1/systems/" + high + "/papers/html?lang=en").text()).contains("lang=\"en\"");
        Response md = http.get("/api/v1/systems/" + high + "/papers/markdown?lang=en");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        Response xlsx = http.get("/api/v1/systems/" + high + "/papers/xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getNumberOfSheets()).isGreaterThan(1);
        }
        Response board = http.get("/api/v1/systems/" + high + "/papers/board-report?lang=ja");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.text()).contains("【記入してください");
        assertThat(http.get("/api/v1/systems/" + high + "/papers/board-report?format=html").contentType()).startsWith("text/html");
        Response notEscalated = http.get("/api/v1/systems/" + low + "/papers/board-report");
        assertThat(notEscalated.status()).isEqualTo(409);
        assertThat(notEscalated.code()).isEqualTo("GOV-0025");
        assertThat(http.get("/api/v1/systems/" + high + "/papers/pdf").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/systems/" + high + "/papers/html?revision=7").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_audit_export_holds_every_stored_decision_and_the_command_line_verifies_it(Db db, @TempDir Path dir) throws Exception {
        Ministry m = ministry(db);
        String id = register(m.officer(), Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        register(m.officer(), Profiles.yaml(Profiles.MINUTES));
        m.officer().http().put("/api/v1/systems/" + id + "/profile", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT).replace("users: PUBLIC", "users: STAFF_GENERAL"));
        Response export = m.auditor().http().get("/api/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/jsonl");
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(3);
        List<String> decisionIds = new ArrayList<>();
        m.auditor().http().get("/api/v1/systems/" + id + "/history").json().path("revisions")
                .forEach(r -> decisionIds.add(r.path("decisionId").asText()));
        for (String d : decisionIds) {
            assertThat(export.text()).contains(d);
        }
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, export.body());
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new GovernanceCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("audit", "verify", file.toString(), "--lang", "en");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("intact: 3 records");

        // Altered on the way: the command line finds it.
        Files.writeString(file, export.text().replace("STAFF_GENERAL", "STAFF_LIMITED"));
        int broken = new CommandLine(new GovernanceCli()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter())).execute("audit", "verify", file.toString());
        assertThat(broken).isEqualTo(1);
    }
}
