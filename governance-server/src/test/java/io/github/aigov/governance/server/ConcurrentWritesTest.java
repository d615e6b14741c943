package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 32 clients revising one organisation's systems at once, over HTTP: the database serialises the
 * organisation's audit chain, so no revision is lost, no position is taken twice, every revision
 * acknowledged is in its system's history with the decision it was answered with, and the chain
 * verifies whole with the service's key. (The throughput is a benchmark's business.)
 */
class ConcurrentWritesTest {
    static final int CLIENTS = 32;
    static final int SYSTEMS = 8;
    static final int EACH = 4;

    @ParameterizedTest
    @EnumSource(Db.class)
    void thirty_two_clients_at_once_lose_no_revision_and_leave_one_unbroken_chain(Db db, @TempDir Path dir) throws Exception {
        Server server = TestServers.get(db);
        String org = server.organisation();
        List<Caller> officers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            officers.add(server.caller(i % 4 == 3 ? Role.CAIO : Role.OFFICER, org));
        }
        List<String> systems = new ArrayList<>();
        for (int i = 0; i < SYSTEMS; i++) {
            Response r = officers.get(i).http().post("/api/v1/systems", "application/yaml",
                    Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", "concurrent-" + i));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            systems.add(r.json().path("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            Caller officer = officers.get(w);
            String system = systems.get(w % SYSTEMS);
            String yaml = Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", "concurrent-" + (w % SYSTEMS));
            results.add(pool.submit(() -> {
                start.await();
                List<String> acknowledged = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    Response r = officer.http().put("/api/v1/systems/" + system + "/profile", "application/yaml",
                            i % 2 == 0 ? yaml.replace("users: PUBLIC", "users: STAFF_GENERAL") : yaml);
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    acknowledged.add(system + "#" + r.json().path("revision").asInt() + "#"
                            + r.json().path("decision").path("decisionId").asText());
                }
                return acknowledged;
            }));
        }
        start.countDown();
        Set<String> acknowledged = new HashSet<>();
        for (Future<List<String>> f : results) {
            acknowledged.addAll(f.get());
        }
        pool.shutdown();
        // Every answer named a revision of its own.
        assertThat(acknowledged).hasSize(CLIENTS * EACH);

        Http reader = officers.get(0).http();
        Set<String> stored = new HashSet<>();
        for (String system : systems) {
            int n = reader.get("/api/v1/systems/" + system).json().path("revision").asInt();
            assertThat(n).isEqualTo(1 + CLIENTS / SYSTEMS * EACH);
            Set<Integer> numbers = new HashSet<>();
            reader.get("/api/v1/systems/" + system + "/history?size=200").json().path("revisions").forEach(r -> {
                numbers.add(r.path("revision").asInt());
                stored.add(system + "#" + r.path("revision").asInt() + "#" + r.path("decisionId").asText());
            });
            assertThat(numbers).hasSize(n);
        }
        assertThat(stored).containsAll(acknowledged);

        PublicKey key = Chains.publicKey(reader, dir);
        List<String> lines = Chains.verified(server.caller(Role.AUDITOR, org).http(), key, dir);
        assertThat(lines).hasSize(SYSTEMS + CLIENTS * EACH);
        assertThat(Set.copyOf(Chains.decisionIds(lines))).hasSize(lines.size())
                .containsAll(acknowledged.stream().map(a -> a.substring(a.lastIndexOf('#') + 1)).toList());
    }
}
