package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenAPI document the service serves, checked against what it really answers: every response
 * below, success or refusal, is found in the document by its path, method, status and media type,
 * and its body validated against the schema the document gives for it.
 */
class OpenApiTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void every_answer_follows_the_openapi_document(Db db) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        Caller officer = server.caller(Role.OFFICER, org);
        Caller auditor = server.caller(Role.AUDITOR, org);
        Http http = officer.http();

        Response docResponse = http.get("/api/v1/openapi.json");
        assertThat(docResponse.status()).isEqualTo(200);
        JsonNode doc = docResponse.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(http.as(null).get("/api/v1/openapi.json").status()).isEqualTo(401);
        for (String path : List.of("/api/v1/health", "/api/v1/assess", "/api/v1/systems", "/api/v1/systems/{id}",
                "/api/v1/systems/{id}/profile", "/api/v1/systems/{id}/history", "/api/v1/systems/{id}/papers/{paper}",
                "/api/v1/audit/export", "/api/v1/audit/public-key")) {
            assertThat(doc.path("paths").has(path)).as(path).isTrue();
        }

        List<Response> answers = new ArrayList<>();
        answers.add(http.as(null).get("/api/v1/health"));
        answers.add(http.as(null).get("/api/v1/health/ready"));
        answers.add(http.post("/api/v1/assess", "application/yaml", Profiles.yaml(Profiles.CHATBOT)));
        answers.add(http.post("/api/v1/assess?version=1.0", "application/json", Profiles.json(Profiles.MINUTES)));
        answers.add(http.post("/api/v1/assess", "application/yaml", "id: x"));
        answers.add(http.post("/api/v1/assess", "text/plain", "id: x"));
        answers.add(http.as(null).post("/api/v1/assess", "application/yaml", Profiles.yaml(Profiles.CHATBOT)));
        Response created = http.post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.CHATBOT));
        answers.add(created);
        String id = created.json().path("id").asText();
        answers.add(http.post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.CHATBOT)));
        answers.add(auditor.http().post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.MINUTES)));
        answers.add(http.get("/api/v1/systems"));
        answers.add(http.get("/api/v1/systems?classification=HIGH&escalation=true&size=10"));
        answers.add(http.get("/api/v1/systems?size=0"));
        answers.add(http.get("/api/v1/systems/" + id));
        answers.add(http.get("/api/v1/systems/" + java.util.UUID.randomUUID()));
        answers.add(http.put("/api/v1/systems/" + id + "/profile", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT).replace("users: PUBLIC", "users: STAFF_GENERAL")));
        answers.add(http.get("/api/v1/systems/" + id + "/history"));
        answers.add(http.get("/api/v1/systems/" + id + "/papers/html"));
        answers.add(http.get("/api/v1/systems/" + id + "/papers/markdown?lang=en"));
        answers.add(http.get("/api/v1/systems/" + id + "/papers/board-report"));
        answers.add(http.get("/api/v1/systems/" + id + "/papers/nothing"));
        answers.add(http.get("/api/v1/audit/export"));
        answers.add(auditor.http().get("/api/v1/audit/export"));
        answers.add(http.get("/api/v1/audit/public-key"));

        String iri = "https://governance.invalid/api/v1/openapi.json";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(iri, docResponse.text())));
        List<String> failures = new ArrayList<>();
        for (Response r : answers) {
            String template = template(doc, r.path());
            JsonNode operation = doc.path("paths").path(template).path(r.method().toLowerCase());
            assertThat(operation.isMissingNode()).as("documented: " + r.method() + " " + template).isFalse();
            String status = operation.path("responses").has(String.valueOf(r.status())) ? String.valueOf(r.status()) : "default";
            JsonNode content = operation.path("responses").path(status).path("content");
            String media = r.contentType().split(";")[0].trim();
            assertThat(content.has(media)).as(r + " answers " + media + ", documented: " + content.fieldNames().next()).isTrue();
            if (!media.contains("json") || media.equals("application/jsonl")) {
                continue;
            }
            String pointer = "#/paths/" + escape(template) + "/" + r.method().toLowerCase() + "/responses/" + status
                    + "/content/" + escape(media) + "/schema";
            Schema schema = registry.getSchema(SchemaLocation.of(iri + pointer));
            List<Error> errors = schema.validate(r.text(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                failures.add(r.method() + " " + r.path() + " " + r.status() + ": " + errors);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(answers).extracting(Response::status).contains(200, 201, 400, 401, 403, 404, 409, 415);
    }

    private static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    /** The documented path template a request path matches. */
    private static String template(JsonNode doc, String path) {
        String bare = path.split("\\?")[0];
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            String t = it.next().getKey();
            if (bare.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return t;
            }
        }
        return bare;
    }
}
