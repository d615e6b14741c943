package io.github.aigov.governance.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file small while the service runs. H2 writes every commit as a new
 * chunk at once ({@code WRITE_DELAY=0}, so a commit survives {@code kill -9}); its own background
 * writer, which would also compact the file, runs only with a write delay. So this does that part:
 * every few seconds it rewrites the chunks that are mostly garbage ({@code MVStore.compact}), and the
 * space of chunks no longer used is taken again after {@code RETENTION_TIME} (1 s, see {@link Database}).
 * Without it the file grew by about 30 KB per revision written in a burst; with it, see the README.
 * Nothing to do for PostgreSQL, which vacuums on its own.
 */
@Component
public class EmbeddedHousekeeping implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHousekeeping.class);

    private final DataSource dataSource;
    private final boolean embedded;
    private ScheduledExecutorService timer;

    public EmbeddedHousekeeping(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        this.dataSource = dataSource;
        this.embedded = url.startsWith("jdbc:h2:file:");
    }

    @EventListener(ContextRefreshedEvent.class)
    public synchronized void start() {
        if (!embedded || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::compact, 2, 2, TimeUnit.SECONDS);
    }

    void compact() {
        try (Connection c = dataSource.getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                MVStore store = local.getDatabase().getStore().getMvStore();
                if (!store.isClosed()) {
                    // Chunks less than half alive are rewritten, at most 4 MB at a time: a commit waits while
                    // it runs, so little and often (16 MB at 80% cost about a fifth of the commits).
                    store.compact(50, 4 << 20);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("H2 housekeeping skipped: {}", e.toString());
        }
    }

    @Override
    public synchronized void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
