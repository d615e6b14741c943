package io.github.aigov.governance.server.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.aigov.governance.audit.OfficeRecord.Kind;
import io.github.aigov.governance.server.security.CurrentUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A record for the audit chain that is not a decision: what a person did about a system, in the
 * shape the library's audit log chains it ({@code docs/audit-record-kinds.md}). Its JSON is
 * self-contained: the kind and its schema version, who did it and when, the organisation, the
 * system and revision, the decision it is about (by id and chain position), and the kind's content.
 *
 * @param id          the record's id (a UUID)
 * @param kind        what it records
 * @param organisationId the organisation whose chain it belongs to
 * @param organisation the organisation's name
 * @param systemId    the system ({@code null} for an organisation's setting)
 * @param profileId   the system's profile id ({@code null} with the system)
 * @param revision    the revision it is about ({@code null} for a system's record not tied to one)
 * @param decisionId  that revision's decision ({@code null} with the revision)
 * @param decisionSeq that decision's position in the chain ({@code null} with the revision)
 * @param at          when
 * @param by          who
 * @param content     the kind's own fields (names sorted in the JSON)
 */
public record ChainRecord(String id, Kind kind, long organisationId, String organisation, String systemId, String profileId,
                          Integer revision, String decisionId, Long decisionSeq, Instant at, CurrentUser by,
                          Map<String, Object> content) {
    /** The version of the records' shape. */
    public static final String SCHEMA_VERSION = "1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public ChainRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        content = Map.copyOf(content);
    }

    /** A new record's id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The record as one line of JSON, its member names sorted. */
    public String toJson() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schemaVersion", SCHEMA_VERSION);
        r.put("kind", kind.id());
        r.put("recordId", id);
        r.put("recordedAt", at.toString());
        r.put("recordedBy", Map.of("name", by.name(), "role", by.role().name()));
        r.put("organisation", organisation);
        if (systemId != null) {
            Map<String, Object> system = new LinkedHashMap<>();
            system.put("id", systemId);
            system.put("profileId", profileId);
            if (revision != null) {
                system.put("revision", revision);
            }
            r.put("system", system);
        }
        if (decisionId != null) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("decisionId", decisionId);
            about.put("auditSeq", decisionSeq);
            r.put("about", about);
        }
        r.put("content", content);
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
