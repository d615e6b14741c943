package io.github.aigov.governance.server.api;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.audit.ServerSigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Warms the service before it reports ready: on a couple of cores the JIT needs about a minute of
 * load before assessments run at full speed (cold, a spike answered half as many with p99 ten times
 * higher). For {@code governance.warm-up-seconds} after the start ({@code serve --warm-up}, default
 * 30; 0: none), one thread per core runs representative work: the bundled example profiles, as YAML
 * and as JSON, read, assessed by every engine, written as the API writes a decision, and chained and
 * signed as a stored revision is (in memory: nothing is stored). Meanwhile the service answers, but
 * {@code GET /api/v1/health/ready} says 503 until the warm-up is over.
 */
@Component
public class WarmUp implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final List<String> PROFILES = List.of("benefits-eligibility-chatbot", "meeting-minutes-drafting",
            "personal-data-summariser", "judgement-only-high");

    private final Engines engines;
    private final ServerSigningKey signingKey;
    private final int seconds;
    private volatile boolean ready;
    private volatile boolean stopped;

    public WarmUp(Engines engines, ServerSigningKey signingKey, @Value("${governance.warm-up-seconds:0}") int seconds) {
        this.engines = engines;
        this.signingKey = signingKey;
        this.seconds = Math.max(0, seconds);
        this.ready = this.seconds == 0;
    }

    /** Whether the warm-up is over (or there was none). */
    public boolean ready() {
        return ready;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (ready) {
            return;
        }
        List<String> bodies = new ArrayList<>();
        for (String name : PROFILES) {
            bodies.add(resource(name + ".yaml"));
            bodies.add(resource(name + ".json"));
        }
        List<GovernanceEngine> all = new ArrayList<>();
        engines.versions().forEach(v -> all.add(engines.engine(v, null)));
        engines.overlays().values().forEach(o -> all.add(o.engine()));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(start("warm-up-" + t, () -> {
                AuditLog chain = Governance.auditLog(new LastLine(), signingKey.key());
                for (long i = offset; !stopped && System.nanoTime() < until; i++) {
                    String body = bodies.get((int) (i % bodies.size()));
                    GovernanceEngine engine = all.get((int) ((i / bodies.size()) % all.size()));
                    try {
                        ProjectProfile profile = Governance.parseProfile(body, "warm-up");
                        Decision decision = engine.assess(profile);
                        Governance.toJson(decision);
                        if (i % 4 == 0) {
                            chain.append(decision, Set.of());
                        }
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        LOG.warn("Warm-up: {} failed: {}", body.substring(0, Math.min(40, body.length())), e.toString());
                        return;
                    }
                }
            }));
        }
        start("warm-up", () -> {
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (stopped) {
                return;
            }
            ready = true;
            LOG.info("Warmed up ({} assessments in {} s on {} threads): ready", done.get(), seconds, threads);
        });
    }

    /** The service stops: so does the warm-up. */
    @Override
    public void destroy() {
        stopped = true;
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String resource(String name) {
        try (InputStream in = WarmUp.class.getResourceAsStream("/io/github/aigov/governance/server/warm-up/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing warm-up profile " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chain kept in memory, its last line only. */
    private static final class LastLine implements AuditStore {
        private String last;

        @Override
        public void append(String line) {
            last = line;
        }

        @Override
        public List<String> lines() {
            return last == null ? List.of() : List.of(last);
        }

        @Override
        public String lastLine() {
            return last;
        }

        @Override
        public String name() {
            return "warm-up";
        }
    }
}
