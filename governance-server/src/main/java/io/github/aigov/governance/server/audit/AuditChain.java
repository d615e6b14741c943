package io.github.aigov.governance.server.audit;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.OfficeRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's hash-chained and signed audit log, kept by the library's chained log over the database.
 * Appends are serialised by the database, not by this process: the organisation's row is locked
 * ({@code SELECT ... FOR UPDATE}) until the caller's transaction ends, so two server nodes writing
 * to one PostgreSQL keep one unbroken chain, and a decision is in the chain exactly when the
 * revision that records it is stored.
 */
@Component
public class AuditChain {
    private final JdbcClient jdbc;
    private final ServerSigningKey signingKey;
    private final AuditDictionaries dictionaries;
    private final ConcurrentHashMap<Long, JdbcAuditStore.Tail> tails = new ConcurrentHashMap<>();

    public AuditChain(JdbcClient jdbc, ServerSigningKey signingKey, AuditDictionaries dictionaries) {
        this.jdbc = jdbc;
        this.signingKey = signingKey;
        this.dictionaries = dictionaries;
    }

    /** A decision's place in the chain: its position and the record's hash. */
    public record Appended(long sequence, String hash) {
    }

    /**
     * Locks the organisation's chain until the current transaction ends. Writers call it before they
     * read what they are about to change, so every write of an organisation happens in one order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long organisationId) {
        jdbc.sql("SELECT id FROM organisations WHERE id = ? FOR UPDATE").param(organisationId).query(Long.class).single();
    }

    /**
     * Appends the decision's record (nothing redacted), signed with the service's key as
     * {@code ./governance assess --signing-key} signs, inside the caller's transaction, which holds the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appended append(long organisationId, Decision decision) {
        JdbcAuditStore store = new JdbcAuditStore(jdbc, organisationId, dictionaries, tails);
        AuditEntry entry = Governance.auditLog(store, signingKey.key()).append(decision, Set.of());
        return new Appended(store.appended(), entry.hash());
    }

    /**
     * Appends a record of the CAIO's office beside the decision it is about, signed as decisions are,
     * inside the caller's transaction, which holds the lock; the library binds it to that decision's line.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appended append(long organisationId, OfficeRecord record) {
        JdbcAuditStore store = new JdbcAuditStore(jdbc, organisationId, dictionaries, tails);
        AuditEntry entry = Governance.auditLog(store, signingKey.key()).append(record, Set.of());
        return new Appended(store.appended(), entry.hash());
    }

    /** The decision recorded at this position. */
    public Decision decision(long organisationId, long sequence) {
        String line = jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? AND seq = ?")
                .params(organisationId, sequence).query((rs, n) -> LineCodec.decode(rs.getBytes(1), dictionaries::bytes)).single();
        return Governance.fromRecord(recordOf(line));
    }

    /** The decision record a chain line holds, read by the library (whatever the line's layout). */
    static String recordOf(String line) {
        AuditStore one = new AuditStore() {
            @Override
            public void append(String l) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public List<String> lines() {
                return List.of(line);
            }

            @Override
            public String name() {
                return "audit";
            }
        };
        List<AuditEntry> entries = Governance.auditLog(one).entries();
        if (entries.size() != 1) {
            throw new IllegalStateException("an audit line that the library cannot read");
        }
        return entries.get(0).record();
    }

    /** Writes the organisation's whole chain as JSON Lines, in order, as {@code ./governance audit verify} reads it. */
    @Transactional(readOnly = true)
    public void export(long organisationId, OutputStream out) {
        jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? ORDER BY seq")
                .param(organisationId)
                .withFetchSize(100)
                .query(rs -> {
                    try {
                        out.write(LineCodec.decode(rs.getBytes(1), dictionaries::bytes).getBytes(StandardCharsets.UTF_8));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
