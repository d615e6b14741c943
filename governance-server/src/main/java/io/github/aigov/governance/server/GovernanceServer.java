package io.github.aigov.governance.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The governance service: the library behind an HTTP API, over a database. Start it with
 * {@code ./governance serve}, or in process with {@link #start(Settings)}.
 */
@SpringBootApplication
public class GovernanceServer {

    /**
     * How to start the service.
     *
     * @param address  the address to listen on ({@code 127.0.0.1}: this machine only)
     * @param port     the port ({@code 0}: any free one)
     * @param data     the data folder (the embedded database, its secret, {@code overlays/})
     * @param database the database
     * @param overlays the folder of named overlays ({@code null}: {@code DATA/overlays})
     * @param signingKey the audit signing key file ({@code audit keygen}'s private key file; {@code null}:
     *                 {@code DATA/audit-signing.key}, created on the first start)
     * @param threads  the request worker threads ({@code 0}: {@link #defaultThreads()})
     * @param warmUpSeconds how long the service warms itself before it reports ready ({@code 0}: not at all)
     */
    public record Settings(String address, int port, Path data, Database database, Path overlays, Path signingKey,
                           int threads, int warmUpSeconds) {
        /** Settings with the key kept in the data folder, the default worker pool and no warm-up. */
        public Settings(String address, int port, Path data, Database database, Path overlays) {
            this(address, port, data, database, overlays, null);
        }

        /** Settings with the default worker pool and no warm-up. */
        public Settings(String address, int port, Path data, Database database, Path overlays, Path signingKey) {
            this(address, port, data, database, overlays, signingKey, 0, 0);
        }

        /**
         * Two request threads per core, at least 4: assessing is CPU work, so more threads than that only
         * queue inside the JVM (on 2 cores a spike measured p99 100 ms with Tomcat's 200 threads, 33 ms with 4
         * at 3,000 requests/s); connections beyond them wait in the connector, not on a thread.
         */
        public static int defaultThreads() {
            return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        }

        /** The service's properties for Spring Boot. */
        public Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("server.address", address);
            p.put("server.port", port);
            p.put("spring.datasource.url", database.url());
            if (database.user() != null) {
                p.put("spring.datasource.username", database.user());
            }
            if (database.password() != null) {
                p.put("spring.datasource.password", database.password());
            }
            p.put("governance.data-dir", data.toAbsolutePath().toString());
            p.put("governance.overlays-dir", (overlays != null ? overlays : data.resolve("overlays")).toAbsolutePath().toString());
            int workers = threads > 0 ? threads : defaultThreads();
            p.put("server.tomcat.threads.max", workers);
            p.put("server.tomcat.threads.min-spare", workers);
            p.put("governance.warm-up-seconds", warmUpSeconds);
            if (signingKey != null) {
                p.put("governance.signing-key", signingKey.toAbsolutePath().toString());
            }
            return p;
        }
    }

    /** A started service. */
    public record Running(ConfigurableApplicationContext context, String address, int port) implements AutoCloseable {
        /** {@code http://ADDRESS:PORT}. */
        public String url() {
            return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Starts the service and returns once it listens. */
    public static Running start(Settings settings) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GovernanceServer.class)
                .properties(settings.properties())
                .registerShutdownHook(true)
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Running(context, settings.address(), port);
    }
}
