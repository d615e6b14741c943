package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.ApiTokens;
import io.github.aigov.governance.server.security.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each role against each endpoint, and what an attacker would try. */
class RoleMatrixTest {

    /** An endpoint, and whether it writes or exports. */
    enum Endpoint {
        ASSESS("POST", "/api/v1/assess"),
        REGISTER("POST", "/api/v1/systems"),
        LIST("GET", "/api/v1/systems"),
        GET("GET", "/api/v1/systems/{id}"),
        REVISE("PUT", "/api/v1/systems/{id}/profile"),
        HISTORY("GET", "/api/v1/systems/{id}/history"),
        PAPER_HTML("GET", "/api/v1/systems/{id}/papers/html"),
        PAPER_MARKDOWN("GET", "/api/v1/systems/{id}/papers/markdown"),
        PAPER_XLSX("GET", "/api/v1/systems/{id}/papers/xlsx"),
        PAPER_BOARD("GET", "/api/v1/systems/{id}/papers/board-report"),
        EXPORT("GET", "/api/v1/audit/export"),
        PUBLIC_KEY("GET", "/api/v1/audit/public-key"),
        OPENAPI("GET", "/api/v1/openapi.json");

        final String method;
        final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Response call(Http http, String systemId, String profileYaml) {
            String p = path.replace("{id}", systemId);
            return switch (method) {
                case "POST" -> http.post(p, "application/yaml", profileYaml);
                case "PUT" -> http.put(p, "application/yaml", profileYaml);
                default -> http.get(p);
            };
        }
    }

    /** What each role gets from each endpoint on its own organisation's system. */
    static int expected(Role role, Endpoint e) {
        boolean writer = role == Role.OFFICER || role == Role.CAIO;
        return switch (e) {
            case REGISTER -> writer ? 201 : 403;
            case REVISE -> writer ? 200 : 403;
            case EXPORT -> role == Role.OFFICER ? 403 : 200;
            default -> 200;
        };
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void every_role_against_every_endpoint(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        Map<Role, Caller> callers = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            callers.put(r, server.caller(r, org));
        }
        String systemId = callers.get(Role.OFFICER).http().post("/api/v1/systems", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Role role : Role.values()) {
            for (Endpoint e : Endpoint.values()) {
                // Each registration needs a profile id of its own.
                String yaml = Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", e == Endpoint.REGISTER ? "sys-" + role + "-" + n++ : Profiles.CHATBOT);
                Response r = e.call(callers.get(role).http(), systemId, yaml);
                if (r.status() != expected(role, e)) {
                    failures.add(role + " " + e + ": expected " + expected(role, e) + ", got " + r);
                }
                if (r.status() >= 400) {
                    assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(failures).isEmpty();
        // Every write names its author.
        assertThat(callers.get(Role.AUDITOR).http().get("/api/v1/systems/" + systemId + "/history").json()
                .path("revisions").findValuesAsText("recordedBy"))
                .containsExactlyInAnyOrder(callers.get(Role.CAIO).name(), callers.get(Role.OFFICER).name(),
                        callers.get(Role.OFFICER).name());
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void another_organisation_s_system_answers_404_as_if_it_did_not_exist(Db db) {
        Server server = TestServers.get(db);
        Caller owner = server.caller(Role.OFFICER, server.organisation());
        String systemId = owner.http().post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.CHATBOT)).json().path("id").asText();
        String stranger = server.organisation();
        String missing = UUID.randomUUID().toString();
        for (Role role : List.of(Role.OFFICER, Role.CAIO, Role.AUDITOR)) {
            Http http = server.caller(role, stranger).http();
            for (Endpoint e : Endpoint.values()) {
                if (!e.path.contains("{id}") || (e == Endpoint.REVISE && role == Role.AUDITOR)) {
                    continue;
                }
                Response theirs = e.call(http, systemId, Profiles.yaml(Profiles.CHATBOT));
                Response none = e.call(http, missing, Profiles.yaml(Profiles.CHATBOT));
                assertThat(theirs.status()).as(role + " " + e + " " + theirs).isEqualTo(404);
                assertThat(theirs.code()).isEqualTo("GOV-0100");
                // The same answer as for an id that does not exist, but for the id itself.
                assertThat(theirs.text().replace(systemId, "ID")).isEqualTo(none.text().replace(missing, "ID"));
            }
            assertThat(http.get("/api/v1/systems").json().path("total").asInt()).isZero();
            assertThat(http.get("/api/v1/systems?organisation=" + SystemsApiTest.enc(owner.organisation())).json()
                    .path("total").asInt()).isZero();
            if (role != Role.OFFICER) {
                Response export = http.get("/api/v1/audit/export?organisation=" + SystemsApiTest.enc(owner.organisation()));
                assertThat(export.status()).isEqualTo(404);
                assertThat(http.get("/api/v1/audit/export").text()).isEmpty();
            }
        }
        // Nothing was changed by the strangers.
        assertThat(owner.http().get("/api/v1/systems/" + systemId).json().path("revision").asInt()).isEqualTo(1);
        // The Digital Agency reads it, and writes nothing.
        Caller agency = server.caller(Role.DIGITAL_AGENCY, server.organisation());
        assertThat(agency.http().get("/api/v1/systems/" + systemId).status()).isEqualTo(200);
        assertThat(agency.http().get("/api/v1/audit/export?organisation=" + SystemsApiTest.enc(owner.organisation())).text().lines())
                .hasSize(1);
        assertThat(agency.http().put("/api/v1/systems/" + systemId + "/profile", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT)).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void no_token_a_wrong_token_or_a_deleted_user_s_token_gets_401_and_health_needs_none(Db db) {
        Server server = TestServers.get(db);
        Caller caller = server.caller(Role.CAIO, server.organisation());
        Http http = caller.http();
        List<String> bad = new ArrayList<>(List.of(ApiTokens.generate(), "gov_short", "", "x".repeat(5000),
                caller.token() + "x", caller.token().substring(1), "gov_" + "A".repeat(43) + "' OR '1'='1"));
        for (Endpoint e : Endpoint.values()) {
            Response none = e.call(http.as(null), UUID.randomUUID().toString(), Profiles.yaml(Profiles.CHATBOT));
            assertThat(none.status()).as(e + " " + none).isEqualTo(401);
            assertThat(none.code()).isEqualTo("GOV-0102");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            for (String token : bad) {
                assertThat(e.call(http.as(token), UUID.randomUUID().toString(), Profiles.yaml(Profiles.CHATBOT)).status())
                        .as(e + " with " + token.substring(0, Math.min(20, token.length()))).isEqualTo(401);
            }
        }
        Response basic = http.as(null).send("GET", "/api/v1/systems", null, null,
                Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((caller.name() + ":x").getBytes())));
        assertThat(basic.status()).isEqualTo(401);
        Response health = http.as(null).get("/api/v1/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");

        assertThat(http.get("/api/v1/systems").status()).isEqualTo(200);
        server.users().delete(caller.name());
        assertThat(http.get("/api/v1/systems").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void guessed_ids_and_paths_find_nothing(Db db) {
        Server server = TestServers.get(db);
        Http http = server.caller(Role.DIGITAL_AGENCY, server.organisation()).http();
        for (String id : List.of("1", "0", "-1", "00000000-0000-0000-0000-000000000000", "%2e%2e%2fetc%2fpasswd",
                "..%2F..%2Fapi%2Fv1%2Fhealth", "' OR '1'='1", "%00", UUID.randomUUID().toString().toUpperCase(), "a".repeat(3000))) {
            Response r = http.get("/api/v1/systems/" + id.replace("' OR '1'='1", "%27%20OR%20%271%27%3D%271"));
            assertThat(r.status()).as(id + " " + r).isIn(400, 404);
            assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("<html");
        }
        assertThat(http.get("/api/v1/nothing-here").status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/v1/systems", null, null, Map.of()).status()).isEqualTo(405);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void markup_in_every_field_is_kept_as_text_and_never_runs(Db db) {
        Server server = TestServers.get(db);
        Caller officer = server.caller(Role.OFFICER, server.organisation());
        String markup = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&{{7*7}}${7*7}";
        String yaml = Profiles.yaml(Profiles.CHATBOT);
        for (String field : List.of("name", "organisation", "description")) {
            yaml = Profiles.with(yaml, field, markup + " " + field);
        }
        String quoted = markup.replace("\"", "\\\"");
        yaml = yaml.replaceFirst("(?m)^  name: .*$", java.util.regex.Matcher.quoteReplacement("  name: \"" + quoted + " model\""))
                .replaceFirst("(?m)^  vendor: .*$", java.util.regex.Matcher.quoteReplacement("  vendor: \"" + quoted + " vendor\""));
        Response created = officer.http().post("/api/v1/systems", "application/yaml", yaml);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("name").asText()).isEqualTo(markup + " name");
        assertThat(created.json().path("decision").path("profile").path("description").asText()).isEqualTo(markup + " description");
        String id = created.json().path("id").asText();
        Response html = officer.http().get("/api/v1/systems/" + id + "/papers/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x").contains("&lt;script&gt;");
        assertThat(officer.http().get("/api/v1/systems").json().path("items").path(0).path("name").asText()).isEqualTo(markup + " name");
        // Control characters in a text field are refused by the profile's constraints or kept as data, never a 500.
        Response control = officer.http().post("/api/v1/assess", "application/json",
                Profiles.json(Profiles.CHATBOT).replace("\"name\":\"", "\"name\":\"\\u0000\\u001b[31m"));
        assertThat(control.status()).as(control.toString()).isIn(200, 400);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void oversized_bodies_wrong_types_bad_bytes_and_yaml_bombs_are_refused_as_problems(Db db) {
        Server server = TestServers.get(db);
        Caller officer = server.caller(Role.OFFICER, server.organisation());
        Http http = officer.http();
        String big = Profiles.yaml(Profiles.CHATBOT) + "\n# " + "x".repeat(1 << 20) + "\n";
        for (String path : List.of("/api/v1/assess", "/api/v1/systems")) {
            Response declared = http.post(path, "application/yaml", big);
            assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
            assertThat(declared.code()).isEqualTo("GOV-0010");
            // No declared length: refused once it passes the limit.
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Authorization", "Bearer " + officer.token()).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            big.getBytes(StandardCharsets.UTF_8)))).build();
            assertThat(http.send("POST", path, chunked).status()).isEqualTo(413);

            Response text = http.post(path, "text/plain", Profiles.yaml(Profiles.CHATBOT));
            assertThat(text.status()).isEqualTo(415);
            assertThat(text.code()).isEqualTo("GOV-0101");
            assertThat(http.post(path, "application/json;charset=ISO-8859-1", Profiles.json(Profiles.CHATBOT)).status()).isEqualTo(415);
            assertThat(http.send("POST", path, null, Profiles.yaml(Profiles.CHATBOT).getBytes(StandardCharsets.UTF_8), Map.of())
                    .status()).isEqualTo(415);

            byte[] latin1 = Profiles.yaml(Profiles.CHATBOT).replace("name:", "name: caf\u00e9 ").getBytes(StandardCharsets.ISO_8859_1);
            Response bytes = http.send("POST", path, "application/yaml", latin1, Map.of());
            assertThat(bytes.status()).as(bytes.toString()).isEqualTo(400);
            assertThat(bytes.code()).isEqualTo("GOV-0009");

            StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            for (char c = 'b'; c <= 'j'; c++) {
                char p = (char) (c - 1);
                bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                        .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
            }
            Response laughs = http.post(path, "application/yaml", bomb.toString());
            assertThat(laughs.status()).as(laughs.toString()).isEqualTo(400);
            assertThat(laughs.code()).isEqualTo("GOV-0010");
            Response tag = http.post(path, "application/yaml", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]");
            assertThat(tag.status()).as(tag.toString()).isEqualTo(400);
            Response broken = http.post(path, "application/json", "{\"id\": ");
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.code()).isEqualTo("GOV-0001");
            Response deep = http.post(path, "application/json", "[".repeat(10_000) + "]".repeat(10_000));
            assertThat(deep.status()).as(deep.toString()).isEqualTo(400);
        }
        assertThat(http.get("/api/v1/systems").json().path("total").asInt()).isZero();
    }
}
