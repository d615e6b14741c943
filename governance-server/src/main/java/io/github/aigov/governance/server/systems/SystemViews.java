package io.github.aigov.governance.server.systems;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.github.aigov.governance.server.api.ApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What the systems endpoints answer. */
public final class SystemViews {
    private SystemViews() {
    }

    /** A system with its latest revision and that revision's decision. */
    @Schema(name = "System")
    public record SystemView(
            @Schema(description = "The system's id in the inventory") String id,
            @Schema(description = "The profile's own id") String profileId,
            String name,
            @Schema(description = "The organisation that holds it") String organisation,
            @Schema(description = "Its latest revision, from 1") int revision,
            @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "OUT_OF_SCOPE"}) String classification,
            @Schema(description = "Whether the decision requires escalation to the advisory board") boolean escalation,
            @Schema(description = "The guideline version the decision was made with") String guidelineVersion,
            @Schema(description = "The named overlay, if any", nullable = true, types = {"string", "null"}) String overlay,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "The audit chain position of the latest decision") long auditSequence,
            @JsonRawValue @Schema(ref = ApiDocs.DECISION) String decision) {
    }

    /** A system in a list. */
    @Schema(name = "SystemSummary")
    public record SystemSummary(String id, String profileId, String name, String organisation, int revision,
                                @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "OUT_OF_SCOPE"}) String classification,
                                boolean escalation, Instant updatedAt, String updatedBy) {
    }

    /** One page of a list of systems. */
    @Schema(name = "SystemPage")
    public record SystemPage(List<SystemSummary> items, int page, int size, long total) {
    }

    /** One revision of a system, with its decision. */
    @Schema(name = "Revision")
    public record RevisionView(int revision, Instant recordedAt, String recordedBy, String guidelineVersion,
                               @Schema(nullable = true, types = {"string", "null"}) String overlay,
                               @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "OUT_OF_SCOPE"}) String classification,
                               boolean escalation, String decisionId, long auditSequence,
                               @JsonRawValue @Schema(ref = ApiDocs.DECISION) String decision) {
    }

    /** One page of a system's revisions, the latest first. */
    @Schema(name = "History")
    public record History(String systemId, List<RevisionView> revisions, int page, int size, long total) {
    }
}
