package io.github.aigov.governance.server.systems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Systems and their revisions in the database. */
@Repository
public class SystemRepository {
    private final JdbcClient jdbc;

    public SystemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A system's row, with its organisation and the names of who created and last changed it. */
    public record SystemRow(String id, long organisationId, String organisation, String profileId, String name, int revision,
                            String classification, boolean escalation, Instant createdAt, String createdBy,
                            Instant updatedAt, String updatedBy) {
    }

    /** A revision's row. */
    public record RevisionRow(String systemId, int revision, long organisationId, long auditSeq, String decisionId,
                              String guidelineVersion, String overlay, String classification, boolean escalation,
                              Instant recordedAt, String recordedBy) {
    }

    /** What a list is filtered by; {@code null} filters nothing. */
    public record Filter(Long organisationId, String classification, Boolean escalation) {
    }

    private static final String SYSTEM = """
            SELECT s.id, s.organisation_id, o.name AS organisation, s.profile_id, s.name, s.revision, s.classification,
                   s.escalation, s.created_at, c.name AS created_by, s.updated_at, u.name AS updated_by
            FROM systems s JOIN organisations o ON o.id = s.organisation_id
                 JOIN users c ON c.id = s.created_by JOIN users u ON u.id = s.updated_by
            """;

    public Optional<SystemRow> find(String id) {
        return jdbc.sql(SYSTEM + " WHERE s.id = ?").param(id).query(SystemRepository::system).optional();
    }

    public Optional<String> idOfProfile(long organisationId, String profileId) {
        return jdbc.sql("SELECT id FROM systems WHERE organisation_id = ? AND profile_id = ?")
                .params(organisationId, profileId).query(String.class).optional();
    }

    public List<SystemRow> list(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add((long) page * size);
        params.add(size);
        return jdbc.sql(SYSTEM + where + " ORDER BY s.created_at, s.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(params).query(SystemRepository::system).list();
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM systems s" + where).params(params).query(Long.class).single();
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.organisationId() != null) {
            conditions.add("s.organisation_id = ?");
            params.add(filter.organisationId());
        }
        if (filter.classification() != null) {
            conditions.add("s.classification = ?");
            params.add(filter.classification());
        }
        if (filter.escalation() != null) {
            conditions.add("s.escalation = ?");
            params.add(filter.escalation());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public void insert(String id, long organisationId, String profileId, String name, String classification,
                       boolean escalation, Instant at, long userId) {
        jdbc.sql("""
                INSERT INTO systems (id, organisation_id, profile_id, name, revision, classification, escalation,
                                     created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, profileId, name, classification, escalation, utc(at), userId, utc(at), userId)
                .update();
    }

    public void update(String id, int revision, String name, String classification, boolean escalation, Instant at,
                       long userId) {
        jdbc.sql("""
                UPDATE systems SET revision = ?, name = ?, classification = ?, escalation = ?, updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(revision, name, classification, escalation, utc(at), userId, id).update();
    }

    public void insertRevision(RevisionRow r, long userId) {
        jdbc.sql("""
                INSERT INTO revisions (system_id, revision, organisation_id, audit_seq, decision_id, guideline_version,
                                       overlay, classification, escalation, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.systemId(), r.revision(), r.organisationId(), r.auditSeq(), r.decisionId(), r.guidelineVersion(),
                        r.overlay(), r.classification(), r.escalation(), utc(r.recordedAt()), userId)
                .update();
    }

    private static final String REVISION = """
            SELECT r.system_id, r.revision, r.organisation_id, r.audit_seq, r.decision_id, r.guideline_version, r.overlay,
                   r.classification, r.escalation, r.recorded_at, u.name AS recorded_by
            FROM revisions r JOIN users u ON u.id = r.recorded_by
            """;

    public List<RevisionRow> revisions(String systemId, int page, int size) {
        return jdbc.sql(REVISION + " WHERE r.system_id = ? ORDER BY r.revision DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(systemId, (long) page * size, size).query(SystemRepository::revision).list();
    }

    public Optional<RevisionRow> revision(String systemId, int revision) {
        return jdbc.sql(REVISION + " WHERE r.system_id = ? AND r.revision = ?")
                .params(systemId, revision).query(SystemRepository::revision).optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static SystemRow system(ResultSet rs, int n) throws SQLException {
        return new SystemRow(rs.getString("id"), rs.getLong("organisation_id"), rs.getString("organisation"),
                rs.getString("profile_id"), rs.getString("name"), rs.getInt("revision"), rs.getString("classification"),
                rs.getBoolean("escalation"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static RevisionRow revision(ResultSet rs, int n) throws SQLException {
        return new RevisionRow(rs.getString("system_id"), rs.getInt("revision"), rs.getLong("organisation_id"),
                rs.getLong("audit_seq"), rs.getString("decision_id"), rs.getString("guideline_version"),
                rs.getString("overlay"), rs.getString("classification"), rs.getBoolean("escalation"),
                instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }
}
