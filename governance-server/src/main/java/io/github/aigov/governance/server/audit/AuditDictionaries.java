package io.github.aigov.governance.server.audit;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.server.assess.Engines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The references audit lines copy from ({@link LineCodec}): what every decision record repeats, kept
 * once in {@code audit_dictionaries}. The one new lines use is made of a representative decision
 * record of each guideline version this service assesses with, stored the first time it is needed
 * (in a transaction of its own); a reference is never changed, since lines name it by its hash.
 * Read ones are kept in memory.
 */
@Component
public class AuditDictionaries {
    private final JdbcClient jdbc;
    private final Engines engines;
    private final ConcurrentHashMap<String, byte[]> byId = new ConcurrentHashMap<>();
    private volatile LineCodec.Dictionary current;

    private final TransactionTemplate ownTransaction;

    public AuditDictionaries(JdbcClient jdbc, Engines engines, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.engines = engines;
        // Stored in a transaction of its own: kept even if the line that first needs it is not.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The dictionary new lines are deflated with (stored before its first use). */
    LineCodec.Dictionary current() {
        LineCodec.Dictionary d = current;
        if (d == null) {
            synchronized (this) {
                d = current;
                if (d == null) {
                    d = store(build());
                    current = d;
                }
            }
        }
        return d;
    }

    /** A dictionary by its id. */
    byte[] bytes(String id) {
        return byId.computeIfAbsent(id, k -> jdbc.sql("SELECT dictionary FROM audit_dictionaries WHERE id = ?").param(k)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new IllegalStateException("audit line dictionary " + k + " is missing")));
    }

    private byte[] build() {
        String profile = resource("benefits-eligibility-chatbot.yaml");
        StringBuilder text = new StringBuilder();
        for (String version : engines.versions()) {
            GovernanceEngine engine = engines.engine(version, null);
            text.append(Governance.toRecord(engine.assess(Governance.parseProfile(profile, "dictionary")), Set.of()));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private LineCodec.Dictionary store(byte[] bytes) {
        String id = HexFormat.of().formatHex(sha256(bytes), 0, 8);
        ownTransaction.executeWithoutResult(tx -> {
            boolean stored = jdbc.sql("SELECT COUNT(*) FROM audit_dictionaries WHERE id = ?").param(id).query(Long.class).single() > 0;
            if (!stored) {
                try {
                    jdbc.sql("INSERT INTO audit_dictionaries (id, dictionary, created_at) VALUES (?, ?, ?)")
                            .params(id, bytes, OffsetDateTime.now(ZoneOffset.UTC)).update();
                } catch (DuplicateKeyException e) {
                    // Stored meanwhile by another node: the same bytes, by their hash.
                }
            }
        });
        byId.put(id, bytes);
        return new LineCodec.Dictionary(id, bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = AuditDictionaries.class.getResourceAsStream("/io/github/aigov/governance/server/warm-up/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
