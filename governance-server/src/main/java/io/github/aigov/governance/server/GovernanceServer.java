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
     */
    public record Settings(String address, int port, Path data, Database database, Path overlays, Path signingKey) {
        /** Settings with the key kept in the data folder. */
        public Settings(String address, int port, Path data, Database database, Path overlays) {
            this(address, port, data, database, overlays, null);
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
