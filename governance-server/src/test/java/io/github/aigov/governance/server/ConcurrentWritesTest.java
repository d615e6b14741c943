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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Writers at once on one organisation: the database serialises its audit chain, so no revision is
 * lost, no position is taken twice, and the chain verifies. (The full load test is a benchmark.)
 */
class ConcurrentWritesTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void eight_writers_at_once_lose_no_revision_and_leave_one_unbroken_chain(Db db, @TempDir Path dir) throws Exception {
        Server server = TestServers.get(db);
        String org = server.organisation();
        List<Caller> officers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            officers.add(server.caller(Role.OFFICER, org));
        }
        List<String> systems = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Response r = officers.get(i).http().post("/api/v1/systems", "application/yaml",
                    Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", "concurrent-" + i));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            systems.add(r.json().path("id").asText());
        }
        int perWriter = 5;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Caller officer = officers.get(w);
            String system = systems.get(w % systems.size());
            String yaml = Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", "concurrent-" + (w % systems.size()));
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    statuses.add(officer.http().put("/api/v1/systems/" + system + "/profile", "application/yaml",
                            i % 2 == 0 ? yaml.replace("users: PUBLIC", "users: STAFF_GENERAL") : yaml).status());
                }
                return statuses;
            }));
        }
        for (Future<List<Integer>> f : results) {
            assertThat(f.get()).containsOnly(200);
        }
        pool.shutdown();

        Http reader = officers.get(0).http();
        int revisions = 0;
        for (String system : systems) {
            int n = reader.get("/api/v1/systems/" + system).json().path("revision").asInt();
            Set<Integer> listed = new HashSet<>();
            reader.get("/api/v1/systems/" + system + "/history?size=200").json().path("revisions")
                    .forEach(r -> listed.add(r.path("revision").asInt()));
            assertThat(listed).hasSize(n);
            revisions += n;
        }
        assertThat(revisions).isEqualTo(4 + 8 * perWriter);

        Caller caio = server.caller(Role.CAIO, org);
        Response export = caio.http().get("/api/v1/audit/export");
        assertThat(export.text().lines()).hasSize(revisions);
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, export.body());
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new GovernanceCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("audit", "verify", file.toString(), "--lang", "en");
        assertThat(exit).as(out.toString()).isZero();
    }
}
