package io.github.aigov.governance.server.audit;

import io.github.aigov.governance.audit.AuditStore;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One organisation's audit chain in the database, for the library's chained log. Used inside the
 * transaction that holds the organisation's lock (see {@link AuditChain}), so reading the last line
 * and appending the next cannot interleave with another node's; the line is durable when that
 * transaction commits, together with the revision it records.
 */
final class JdbcAuditStore implements AuditStore {
    private final JdbcClient jdbc;
    private final long organisationId;
    private long appended;

    JdbcAuditStore(JdbcClient jdbc, long organisationId) {
        this.jdbc = jdbc;
        this.organisationId = organisationId;
    }

    @Override
    public void append(String line) {
        long seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entries WHERE organisation_id = ?")
                .param(organisationId).query(Long.class).single();
        jdbc.sql("INSERT INTO audit_entries (organisation_id, seq, line) VALUES (?, ?, ?)")
                .params(organisationId, seq, LineCodec.encode(line)).update();
        appended = seq;
    }

    /** The position of the line this store appended last. */
    long appended() {
        return appended;
    }

    @Override
    public List<String> lines() {
        return jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? ORDER BY seq")
                .param(organisationId).query((rs, n) -> LineCodec.decode(rs.getBytes(1))).list();
    }

    @Override
    public String lastLine() {
        return jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .param(organisationId).query((rs, n) -> LineCodec.decode(rs.getBytes(1))).optional().orElse(null);
    }

    @Override
    public String line(long position) {
        return jdbc.sql("SELECT line FROM audit_entries WHERE organisation_id = ? AND seq = ?")
                .params(organisationId, position).query((rs, n) -> LineCodec.decode(rs.getBytes(1))).optional().orElse(null);
    }

    @Override
    public String name() {
        return "audit:" + organisationId;
    }
}
