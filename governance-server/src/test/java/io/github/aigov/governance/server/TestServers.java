package io.github.aigov.governance.server;

import io.github.aigov.governance.server.security.Role;
import io.github.aigov.governance.server.users.UserService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running services the API tests talk to over HTTP: one per database, started once per test
 * JVM and shared by every test class (each test makes its own organisations and users, so tests do
 * not see each other's data). PostgreSQL runs on 127.0.0.1:5432, database {@code test}; each run
 * gets a schema of its own, dropped at the end.
 */
public final class TestServers {
    /** The two databases every API test runs against. */
    public enum Db { H2, POSTGRESQL }

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String PG_USER = System.getenv().getOrDefault("GOVERNANCE_TEST_PG_USER", "postgres");

    private static final Map<Db, Server> SERVERS = new EnumMap<>(Db.class);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestServers() {
    }

    /** The shared service on this database. */
    public static synchronized Server get(Db db) {
        return SERVERS.computeIfAbsent(db, TestServers::start);
    }

    private static Server start(Db db) {
        try {
            Path data = Files.createTempDirectory("governance-test-" + db.name().toLowerCase());
            Path overlays = Files.createDirectories(data.resolve("overlays"));
            Files.copy(Path.of("../examples/overlays/example-ministry-overlay.yaml"), overlays.resolve("example-ministry.yaml"));
            Database database;
            String schema = null;
            if (db == Db.POSTGRESQL) {
                schema = "gov_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                createSchema(schema);
                database = new Database(PG_URL + "?currentSchema=" + schema, PG_USER, null);
            } else {
                database = Database.of(data, null, null);
            }
            GovernanceServer.Running running = GovernanceServer.start(
                    new GovernanceServer.Settings("127.0.0.1", 0, data, database, overlays));
            String dropAtEnd = schema;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                if (dropAtEnd != null) {
                    dropSchema(dropAtEnd);
                }
                try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    System.err.println("could not delete " + data + ": " + e.getMessage());
                }
            }));
            return new Server(db, running, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on 127.0.0.1:5432 with a database test (trust auth): " + e.getMessage(), e);
        }
    }

    static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop the test schema " + schema + ": " + e.getMessage());
        }
    }

    /** A unique name for a test's user or organisation. */
    public static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A running service and ways to make users on it. */
    public record Server(Db db, GovernanceServer.Running running, Path data) {
        public String url() {
            return running.url();
        }

        public UserService users() {
            return running.context().getBean(UserService.class);
        }

        /** A new user with a token. */
        public Caller caller(Role role, String organisation) {
            String name = unique(role.name().toLowerCase());
            users().add(name, role, organisation, null);
            return new Caller(this, name, role, organisation, users().issueToken(name));
        }

        /** A new organisation's name. */
        public String organisation() {
            return unique("省");
        }

        @Override
        public String toString() {
            return db.name();
        }
    }

    /** A user of a running service, with its API token. */
    public record Caller(Server server, String name, Role role, String organisation, String token) {
        public Http http() {
            return new Http(server.url(), token);
        }
    }
}
