package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.security.CurrentUser;
import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.systems.SystemService;
import io.github.aigov.governance.server.users.UserService;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing lost: a restart keeps every system, revision, user and chain line; two server nodes over one
 * PostgreSQL, written to at once, keep one unbroken chain per organisation; a revision that fails is
 * not stored half-way. Each test here starts services of its own (over HTTP, on real databases).
 */
class DurabilityTest {

    /** A database of a test's own: H2 in the data folder, or a new PostgreSQL schema (dropped by {@link #drop}). */
    static Database database(Db db, Path data, List<String> schemas) {
        if (db == Db.H2) {
            return Database.of(data, null, null);
        }
        String schema = "gov_dur_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestServers.createSchema(schema);
        schemas.add(schema);
        return new Database(TestServers.PG_URL + "?currentSchema=" + schema, TestServers.PG_USER, null);
    }

    static void drop(List<String> schemas) {
        schemas.forEach(TestServers::dropSchema);
    }

    static GovernanceServer.Running start(Path data, Database database, Path signingKey) {
        return GovernanceServer.start(new GovernanceServer.Settings("127.0.0.1", 0, data, database, null, signingKey));
    }

    static String token(GovernanceServer.Running running, String name, Role role, String organisation) {
        UserService users = running.context().getBean(UserService.class);
        users.add(name, role, organisation, null);
        return users.issueToken(name);
    }

    static String profile(String id, boolean staff) {
        String yaml = Profiles.with(Profiles.yaml(Profiles.CHATBOT), "id", id);
        return staff ? yaml.replace("users: PUBLIC", "users: STAFF_GENERAL") : yaml;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_restart_keeps_every_system_revision_user_and_chain_line(Db db, @TempDir Path dir) {
        List<String> schemas = new ArrayList<>();
        try {
            Path data = dir.resolve("data");
            Database database = database(db, data, schemas);
            String officer;
            String auditor;
            List<String> systems = new ArrayList<>();
            List<String> histories = new ArrayList<>();
            String export;
            String pem;
            try (GovernanceServer.Running first = start(data, database, null)) {
                officer = token(first, "officer", Role.OFFICER, "総務省");
                auditor = token(first, "auditor", Role.AUDITOR, "総務省");
                Http http = new Http(first.url(), officer);
                for (int i = 0; i < 3; i++) {
                    Response r = http.post("/api/v1/systems", "application/yaml", profile("restart-" + i, false));
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    systems.add(r.json().path("id").asText());
                    for (int k = 0; k < 2; k++) {
                        assertThat(http.put("/api/v1/systems/" + systems.get(i) + "/profile", "application/yaml",
                                profile("restart-" + i, k == 0)).status()).isEqualTo(200);
                    }
                    histories.add(http.get("/api/v1/systems/" + systems.get(i) + "/history").text());
                }
                export = new Http(first.url(), auditor).get("/api/v1/audit/export").text();
                pem = http.get("/api/v1/audit/public-key").text();
            }
            try (GovernanceServer.Running second = start(data, database, null)) {
                Http http = new Http(second.url(), officer);
                // The same users and tokens, systems, histories with their decisions, chain and key.
                assertThat(http.get("/api/v1/systems").json().path("total").asInt()).isEqualTo(3);
                for (int i = 0; i < 3; i++) {
                    assertThat(http.get("/api/v1/systems/" + systems.get(i) + "/history").text()).isEqualTo(histories.get(i));
                }
                Http auditing = new Http(second.url(), auditor);
                assertThat(auditing.get("/api/v1/audit/export").text()).isEqualTo(export);
                assertThat(http.get("/api/v1/audit/public-key").text()).isEqualTo(pem);
                // ... and the chain goes on from where it was.
                Response next = http.put("/api/v1/systems/" + systems.get(0) + "/profile", "application/yaml", profile("restart-0", true));
                assertThat(next.status()).as(next.toString()).isEqualTo(200);
                assertThat(next.json().path("revision").asInt()).isEqualTo(4);
                List<String> lines = Chains.verified(auditing, Chains.publicKey(http, dir), dir);
                assertThat(lines).hasSize(10);
                assertThat(String.join("\n", lines.subList(0, 9)) + "\n").isEqualTo(export);
            }
        } finally {
            drop(schemas);
        }
    }

    /**
     * Two nodes (two services on two ports, in this JVM: stateless, they share nothing but the
     * database and the signing key file), 16 clients writing two organisations through both at once.
     */
    @Test
    void two_nodes_on_one_postgresql_written_at_once_keep_one_chain_per_organisation(@TempDir Path dir) throws Exception {
        List<String> schemas = new ArrayList<>();
        Path keyFile = dir.resolve("office.key");
        Governance.writeAuditKeys(AuditSigningKey.generate(), keyFile, dir.resolve("office.pub"));
        PublicKey key = Governance.readAuditPublicKey(dir.resolve("office.pub"));
        try {
            Database database = database(Db.POSTGRESQL, dir.resolve("a"), schemas);
            try (GovernanceServer.Running a = start(dir.resolve("a"), database, keyFile);
                 GovernanceServer.Running b = start(dir.resolve("b"), database, keyFile)) {
                List<GovernanceServer.Running> nodes = List.of(a, b);
                String[] orgs = {"外務省", "財務省"};
                int writers = 16;
                int each = 4;
                int systemsPerOrg = 4;
                List<List<String>> systems = new ArrayList<>();
                List<String> tokens = new ArrayList<>();
                for (int o = 0; o < 2; o++) {
                    tokens.add(token(a, "officer-" + o, Role.OFFICER, orgs[o]));
                    List<String> ids = new ArrayList<>();
                    for (int s = 0; s < systemsPerOrg; s++) {
                        Response r = new Http(nodes.get(s % 2).url(), tokens.get(o)).post("/api/v1/systems", "application/yaml",
                                profile("node-" + s, false));
                        assertThat(r.status()).as(r.toString()).isEqualTo(201);
                        ids.add(r.json().path("id").asText());
                    }
                    systems.add(ids);
                }
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<String>>> results = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int o = w % 2;
                    Http http = new Http(nodes.get((w / 2) % 2).url(), tokens.get(o));
                    int s = (w / 4) % systemsPerOrg;
                    String system = systems.get(o).get(s);
                    results.add(pool.submit(() -> {
                        go.await();
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            Response r = http.put("/api/v1/systems/" + system + "/profile", "application/yaml", profile("node-" + s, i % 2 == 0));
                            assertThat(r.status()).as(r.toString()).isEqualTo(200);
                            ids.add(r.json().path("decision").path("decisionId").asText());
                        }
                        return ids;
                    }));
                }
                go.countDown();
                List<Set<String>> acknowledged = List.of(new HashSet<>(), new HashSet<>());
                for (int w = 0; w < writers; w++) {
                    acknowledged.get(w % 2).addAll(results.get(w).get());
                }
                pool.shutdown();
                for (int o = 0; o < 2; o++) {
                    String auditor = token(b, "auditor-" + o, Role.AUDITOR, orgs[o]);
                    List<String> fromA = Chains.verified(new Http(a.url(), auditor), key, dir);
                    List<String> fromB = Chains.verified(new Http(b.url(), auditor), key, dir);
                    assertThat(fromA).isEqualTo(fromB).hasSize(systemsPerOrg + writers / 2 * each);
                    assertThat(Chains.decisionIds(fromA)).doesNotHaveDuplicates().containsAll(acknowledged.get(o));
                    int total = 0;
                    for (String system : systems.get(o)) {
                        total += new Http(b.url(), auditor).get("/api/v1/systems/" + system).json().path("revision").asInt();
                    }
                    assertThat(total).isEqualTo(fromA.size());
                }
            }
        } finally {
            drop(schemas);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void a_revision_that_fails_is_not_stored_half_way(Db db, @TempDir Path dir) {
        Server server = TestServers.get(db);
        String org = server.organisation();
        Caller officer = server.caller(Role.OFFICER, org);
        Http http = officer.http();
        Http auditor = server.caller(Role.AUDITOR, org).http();
        PublicKey key = Chains.publicKey(http, dir);
        String id = http.post("/api/v1/systems", "application/yaml", profile("half-way", false)).json().path("id").asText();

        // A profile the library refuses: 400, nothing stored.
        Response refused = http.put("/api/v1/systems/" + id + "/profile", "application/yaml",
                profile("half-way", false).replace("users: PUBLIC", "users: EVERYONE"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(http.get("/api/v1/systems/" + id).json().path("revision").asInt()).isEqualTo(1);
        assertThat(Chains.verified(auditor, key, dir)).hasSize(1);

        // A failure after the decision was chained and the revision written (the transaction fails
        // before it commits): neither the chain line nor the revision remains.
        var context = server.running().context();
        SystemService service = context.getBean(SystemService.class);
        CurrentUser user = context.getBean(UserService.class).byName(officer.name()).orElseThrow();
        assertThatThrownBy(() -> context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
            var view = service.revise(user, id, Governance.parseProfile(profile("half-way", true), "revised.yaml"),
                    new Engines.Choice(null, null));
            assertThat(view.revision()).isEqualTo(2);
            throw new IllegalStateException("failed before the commit");
        })).hasMessage("failed before the commit");
        assertThat(http.get("/api/v1/systems/" + id).json().path("revision").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/systems/" + id + "/history").json().path("revisions")).hasSize(1);
        assertThat(Chains.verified(auditor, key, dir)).hasSize(1);

        // The next revision takes the place the failed one did not keep.
        Response next = http.put("/api/v1/systems/" + id + "/profile", "application/yaml", profile("half-way", true));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().path("revision").asInt()).isEqualTo(2);
        assertThat(next.json().path("auditSequence").asLong()).isEqualTo(2);
        assertThat(Chains.verified(auditor, key, dir)).hasSize(2);
    }
}
