package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.cli.GovernanceCli;
import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** {@code POST /api/v1/assess} over HTTP: the command line's decision, and the library's problems. */
class AssessApiTest {

    private static Caller officer(Db db) {
        Server server = TestServers.get(db);
        return server.caller(Role.OFFICER, server.organisation());
    }

    /** What {@code ./governance assess FILE --format json ARGS} prints. */
    static String cli(Path file, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("assess", file.toString(), "--format", "json"));
        all.addAll(List.of(args));
        int exit = new CommandLine(new GovernanceCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_yaml_or_json_profile_gets_byte_for_byte_what_the_command_line_prints(Db db) {
        Http http = officer(db).http();
        for (String sample : List.of(Profiles.CHATBOT, Profiles.MINUTES)) {
            String expected = Profiles.timeless(cli(Profiles.file(sample)));
            Response yaml = http.post("/api/v1/assess", "application/yaml", Profiles.yaml(sample));
            assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
            assertThat(yaml.contentType()).startsWith("application/json");
            assertThat(Profiles.timeless(yaml.text())).isEqualTo(expected);
            Response json = http.post("/api/v1/assess", "application/json", Profiles.json(sample));
            assertThat(json.status()).as(json.toString()).isEqualTo(200);
            assertThat(Profiles.timeless(json.text())).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_guideline_version_and_a_named_overlay_decide_as_on_the_command_line(Db db) {
        Server server = TestServers.get(db);
        Http http = officer(db).http();
        Response v1 = http.post("/api/v1/assess?version=1.0", "application/yaml", Profiles.yaml(Profiles.CHATBOT));
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.json().path("definitions").path("version").asText()).isEqualTo("1.0");
        assertThat(Profiles.timeless(v1.text())).isEqualTo(Profiles.timeless(cli(Profiles.file(Profiles.CHATBOT),
                "--guideline-version", "1.0")));

        Path overlay = server.data().resolve("overlays/example-ministry.yaml");
        Response withOverlay = http.post("/api/v1/assess?overlay=example-ministry", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT));
        assertThat(withOverlay.status()).as(withOverlay.toString()).isEqualTo(200);
        assertThat(withOverlay.json().path("definitions").path("overlays").path(0).path("id").asText())
                .isEqualTo("EXAMPLE-MINISTRY-2026");
        assertThat(Profiles.timeless(withOverlay.text())).isEqualTo(Profiles.timeless(cli(Profiles.file(Profiles.CHATBOT),
                "--overlay", overlay.toString())));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_bad_profile_is_refused_with_every_problem_in_both_languages(Db db) {
        Http http = officer(db).http();
        String bad = Profiles.yaml(Profiles.CHATBOT).replace("users: PUBLIC", "users: EVERYONE").replace("name: ", "nmae: ");
        Response r = http.post("/api/v1/assess", "application/yaml", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(400);
        List<String> codes = new ArrayList<>();
        r.json().path("problems").forEach(p -> {
            codes.add(p.path("code").asText());
            assertThat(p.path("location").path("file").asText()).isEqualTo("<request>");
            assertThat(p.path("message").path("ja").asText()).isNotBlank();
            assertThat(p.path("message").path("en").asText()).isNotBlank().isNotEqualTo(p.path("message").path("ja").asText());
        });
        assertThat(codes).contains("GOV-0002");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.json().path("problems").path(0).path("location").path("line").asInt()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_language_of_the_title_and_detail_follows_lang_then_accept_language(Db db) {
        Http http = officer(db).http();
        String empty = "{}";
        assertThat(http.post("/api/v1/assess", "application/json", empty).json().path("title").asText()).isEqualTo("不正な要求");
        assertThat(http.post("/api/v1/assess?lang=en", "application/json", empty).json().path("title").asText()).isEqualTo("Bad Request");
        Response accept = http.send("POST", "/api/v1/assess", "application/json", empty.getBytes(),
                Map.of("Accept-Language", "en-GB,en;q=0.8"));
        assertThat(accept.json().path("title").asText()).isEqualTo("Bad Request");
        Response badLang = http.post("/api/v1/assess?lang=fr", "application/json", empty);
        assertThat(badLang.status()).isEqualTo(400);
        assertThat(badLang.code()).isEqualTo("GOV-0104");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void an_unknown_version_or_overlay_is_a_problem_not_a_failure(Db db) {
        Http http = officer(db).http();
        Response version = http.post("/api/v1/assess?version=9.9", "application/yaml", Profiles.yaml(Profiles.CHATBOT));
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.code()).isEqualTo("GOV-0015");
        Response overlay = http.post("/api/v1/assess?overlay=../../etc/passwd", "application/yaml", Profiles.yaml(Profiles.CHATBOT));
        assertThat(overlay.status()).isEqualTo(400);
        assertThat(overlay.code()).isEqualTo("GOV-0006");
        Response mismatch = http.post("/api/v1/assess?overlay=example-ministry&version=1.0", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("GOV-0017");
    }
}
