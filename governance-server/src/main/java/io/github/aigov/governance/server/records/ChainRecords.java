package io.github.aigov.governance.server.records;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the pages' records for the audit chain go. Today the library's audit log holds decision
 * records only, so each record is kept in {@code chain_records}, in the order it was made (the
 * caller holds the organisation's chain lock, as for a decision), with {@code chained_seq} empty.
 * Once the library's log takes typed records ({@code docs/audit-record-kinds.md}), {@link #append}
 * makes the one call {@code chain.append(organisationId, record)} in the same transaction and
 * stores the position it returns; the records kept until then are appended first, in order.
 */
@Component
public class ChainRecords {
    private final JdbcClient jdbc;

    public ChainRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the record, inside the caller's transaction (which holds the organisation's chain lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(ChainRecord record) {
        jdbc.sql("""
                INSERT INTO chain_records (id, organisation_id, kind, system_id, revision, decision_id, record, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.id(), record.organisationId(), record.kind().id(), record.systemId(), record.revision(),
                        record.decisionId(), record.toJson(), record.at().atOffset(ZoneOffset.UTC), record.by().id())
                .update();
    }

    /** A kept record: its kind, when, and its JSON. */
    public record Kept(String id, String kind, OffsetDateTime at, String json) {
    }

    /** A system's records, in order. */
    public List<Kept> ofSystem(String systemId) {
        return jdbc.sql("SELECT id, kind, recorded_at, record FROM chain_records WHERE system_id = ? ORDER BY position")
                .param(systemId)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
                .list();
    }
}
