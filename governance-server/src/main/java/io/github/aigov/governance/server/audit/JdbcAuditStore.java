package io.github.aigov.governance.server.audit;

import io.github.aigov.governance.audit.AuditStore;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One organisation's audit chain in the database, for the library's chained log. Used inside the
 * transaction that holds the organisation's lock (see {@link AuditChain}), so reading the last line
 * and appending the next cannot interleave with another node's; the line is durable when that
 * transaction commits, together with the revision it records. The last line committed through this
 * process is remembered with its position ({@code tails}): when the chain's last position is still
 * that one, it is not read and inflated again (a line at a position never changes once committed).
 */
final class JdbcAuditStore implements AuditStore {
    /** A committed line and its position. */
    record Tail(long seq, String line) {
    }

    private final JdbcClient jdbc;
    private final long organisationId;
    private final AuditDictionaries dictionaries;
    private final Map<Long, Tail> tails;
    private long appended;

    JdbcAuditStore(JdbcClient jdbc, long organisationId, AuditDictionaries dictionaries, Map<Long, Tail> tails) {
        this.jdbc = jdbc;
        this.organisationId = organisationId;
        this.dictionaries = dictionaries;
        this.tails = tails;
    }

    @Override
    public void append(String line) {
        long seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entries WHERE organisation_id = ?")
                .param(organisationId).query(Long.class).single();
        jdbc.sql("INSERT INTO audit_entries (organisation_id, seq, line) VALUES (?, ?, ?)")
                .params(organisationId, seq, LineCodec.encode(line, dictionaries.current())).update();
        appended = seq;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Tail tail = new Tail(seq, line);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tails.merge(organisationId, tail, (old, now) -> now.seq() > old.seq() ? now : old);
                }
            });
        }
    }

    /** The position of the line this store appended last. */
    long appended() {
        return appended;
    }

    private String decode(byte[] stored) {
        return LineCodec.decode(stored, dictionaries::bytes);
    }

    @Override
    public List<String> lines() {
        return jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? ORDER BY seq")
                .param(organisationId).query((rs, n) -> decode(rs.getBytes(1))).list();
    }

    @Override
    public String lastLine() {
        Long last = jdbc.sql("SELECT MAX(seq) FROM audit_entries WHERE organisation_id = ?")
                .param(organisationId).query(Long.class).optional().orElse(null);
        if (last == null) {
            return null;
        }
        Tail tail = tails.get(organisationId);
        if (tail != null && tail.seq() == last) {
            return tail.line();
        }
        return jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? AND seq = ?")
                .params(organisationId, last).query((rs, n) -> decode(rs.getBytes(1))).optional().orElse(null);
    }

    @Override
    public String line(long position) {
        return jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? AND seq = ?")
                .params(organisationId, position).query((rs, n) -> decode(rs.getBytes(1))).optional().orElse(null);
    }

    @Override
    public String name() {
        return "audit:" + organisationId;
    }
}
