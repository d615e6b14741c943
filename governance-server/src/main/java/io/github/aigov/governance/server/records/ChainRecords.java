package io.github.aigov.governance.server.records;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.audit.OfficeRecord;
import io.github.aigov.governance.server.audit.AuditChain;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the pages' records for the audit chain go: each is kept in {@code chain_records} (what the
 * pages read) and appended to the organisation's audit chain beside the decision it is about, as a
 * record of the CAIO's office ({@code docs/audit-log.md}, format 3), in the same transaction; its
 * chain position is stored in {@code chained_seq}. Records kept before the chain took them (their
 * {@code chained_seq} empty) are appended first, in the order they were made, each with its own time.
 */
@Component
public class ChainRecords {
    private final JdbcClient jdbc;
    private final AuditChain chain;

    public ChainRecords(JdbcClient jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /** Keeps the record and chains it, inside the caller's transaction (which holds the organisation's chain lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(ChainRecord record) {
        jdbc.sql("""
                INSERT INTO chain_records (id, organisation_id, kind, system_id, revision, decision_id, record, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.id(), record.organisationId(), record.kind().id(), record.systemId(), record.revision(),
                        record.decisionId(), record.toJson(), record.at().atOffset(ZoneOffset.UTC), record.by().id())
                .update();
        List<Kept> unchained = jdbc.sql("""
                SELECT id, kind, recorded_at, record FROM chain_records
                WHERE organisation_id = ? AND chained_seq IS NULL ORDER BY position""")
                .param(record.organisationId())
                .query((rs, n) -> new Kept(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
                .list();
        for (Kept k : unchained) {
            OfficeRecord office = Governance.officeRecordFromJson(k.json());
            AuditChain.Appended at = chain.append(record.organisationId(), office);
            jdbc.sql("UPDATE chain_records SET chained_seq = ? WHERE id = ?").params(at.sequence(), k.id()).update();
        }
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
