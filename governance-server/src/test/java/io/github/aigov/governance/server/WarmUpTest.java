package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.server.Http.Response;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service warms itself before it reports ready: readiness answers 503 until then, health says so. */
class WarmUpTest {

    @Test
    void readiness_is_503_while_the_service_warms_up_and_200_after(@TempDir Path data) throws Exception {
        GovernanceServer.Settings settings = new GovernanceServer.Settings("127.0.0.1", 0, data, Database.of(data, null, null),
                null, null, 3, 20);
        try (GovernanceServer.Running running = GovernanceServer.start(settings)) {
            Http http = new Http(running.url(), null);
            Response cold = http.get("/api/v1/health/ready");
            assertThat(cold.status()).as(cold.toString()).isEqualTo(503);
            assertThat(cold.json().path("ready").asBoolean()).isFalse();
            Response health = http.get("/api/v1/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("ready").asBoolean()).isFalse();
            assertThat(running.context().getEnvironment().getProperty("server.tomcat.threads.max")).isEqualTo("3");

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Response warm = cold;
            while (warm.status() != 200 && System.nanoTime() < until) {
                Thread.sleep(200);
                warm = http.get("/api/v1/health/ready");
            }
            assertThat(warm.status()).isEqualTo(200);
            assertThat(warm.json().path("ready").asBoolean()).isTrue();
            assertThat(http.get("/api/v1/health").json().path("ready").asBoolean()).isTrue();
        }
    }
}
