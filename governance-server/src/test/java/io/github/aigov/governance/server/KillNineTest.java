package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.server.Http.Response;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default does not delay writes: the service runs as a child process
 * ({@code java -cp ... ServerCommandLine serve}), clients revise systems at once, the process is
 * killed ({@code kill -9}: {@link Process#destroyForcibly()}) while writes are in flight, and after
 * a restart every revision that was acknowledged is there, with the decision it was answered with,
 * and the chain verifies whole.
 */
class KillNineTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    /** A service in a child process, and the address it printed. */
    record Child(Process process, String url) {
    }

    static Child serve(Path data, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ServerCommandLine.class.getName(), "serve", "--port", "0", "--data", data.toString(), "--warm-up", "3", "--lang", "en")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until && p.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new Child(p, m.group(1));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the service did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    static String log(Path file) {
        try {
            String all = Files.readString(file, StandardCharsets.UTF_8);
            return all.substring(Math.max(0, all.length() - 20000));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void every_acknowledged_revision_survives_kill_9_of_the_embedded_database(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String d = data.toString();
        assertThat(ServerCommandLineTest.run(null, "users", "add", "officer", "--role", "OFFICER", "--organisation", "総務省",
                "--data", d).exit()).isZero();
        assertThat(ServerCommandLineTest.run(null, "users", "add", "auditor", "--role", "AUDITOR", "--organisation", "総務省",
                "--data", d).exit()).isZero();
        String officer = ServerCommandLineTest.run(null, "users", "token", "officer", "--data", d).out().strip();
        String auditor = ServerCommandLineTest.run(null, "users", "token", "auditor", "--data", d).out().strip();

        Child first = serve(data, dir.resolve("first.log"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> systems = new ArrayList<>();
        try {
            Http http = new Http(first.url(), officer);
            for (int s = 0; s < 4; s++) {
                Response r = http.post("/api/v1/systems", "application/yaml", DurabilityTest.profile("kill-" + s, false));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                systems.add(r.json().path("id").asText());
                acknowledged.add(systems.get(s) + "#1#" + r.json().path("decision").path("decisionId").asText());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger writes = new AtomicInteger();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int s = w % 4;
                writers.add(pool.submit(() -> {
                    for (int i = 0; ; i++) {
                        Response r;
                        try {
                            r = http.put("/api/v1/systems/" + systems.get(s) + "/profile", "application/yaml",
                                    DurabilityTest.profile("kill-" + s, i % 2 == 0));
                        } catch (UncheckedIOException gone) {
                            return null;
                        }
                        assertThat(r.status()).as(() -> r + "\n" + log(dir.resolve("first.log"))).isEqualTo(200);
                        acknowledged.add(systems.get(s) + "#" + r.json().path("revision").asInt() + "#"
                                + r.json().path("decision").path("decisionId").asText());
                        writes.incrementAndGet();
                    }
                }));
            }
            // Killed in the middle of the writing, once enough has been acknowledged.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (writes.get() < 150 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : writers) {
                f.get(90, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(writes.get()).isGreaterThanOrEqualTo(150);
        } finally {
            first.process().destroyForcibly();
        }

        Child second = serve(data, dir.resolve("second.log"));
        try {
            Http http = new Http(second.url(), officer);
            Set<String> stored = new HashSet<>();
            int revisions = 0;
            for (String system : systems) {
                int n = http.get("/api/v1/systems/" + system).json().path("revision").asInt();
                revisions += n;
                http.get("/api/v1/systems/" + system + "/history?size=200").json().path("revisions").forEach(r ->
                        stored.add(system + "#" + r.path("revision").asInt() + "#" + r.path("decisionId").asText()));
            }
            assertThat(stored).hasSize(revisions).containsAll(acknowledged);
            PublicKey key = Governance.readAuditPublicKey(data.resolve("audit-signing.pub"));
            assertThat(Chains.verified(new Http(second.url(), auditor), key, dir)).hasSize(revisions);
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
