package io.github.aigov.governance.audit;

import io.github.aigov.governance.Problem;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking a whole audit log, and what it proves. {@code intact} only when every line
 * is a well-formed line whose record is a decision record or a record of the CAIO's office about a
 * decision earlier in the log, every record is in place, unaltered, in
 * order and complete, every signature that was checked verifies, and the checkpoint (if one was
 * given) is matched; otherwise {@code problems} names the first thing wrong, with its line.
 *
 * <p>What an intact log proves depends on what was checked:
 * <ul>
 *   <li>every line is hashed whole (format 2) and chained to the one before: an edit, removal,
 *       insertion or reordering by anyone who did not rebuild the chain is found. Anyone who can
 *       write the file can rebuild it, so on its own this is a checksum, not evidence;</li>
 *   <li>{@code signaturesVerified}: every record is signed by one of the trusted keys given, and
 *       each signature verifies. No record was altered, inserted, reordered or appended by anyone
 *       without a private key. Records dropped from the end leave a shorter log that verifies;</li>
 *   <li>{@code checkpointVerified}: the log still holds the checkpointed record with the
 *       checkpointed hash, so nothing up to it was dropped or rewritten.</li>
 * </ul>
 * {@code warnings} say what was not proven: unsigned records, records in the first line format,
 * signatures present but not checked.
 *
 * @param intact             whether the log passed every check made
 * @param records            how many records were verified (all of them when intact; before the first problem otherwise)
 * @param problems           the first problem found, when not intact
 * @param warnings           what the verification could not prove (severity {@code WARNING})
 * @param headHash           the hash of the last record (the genesis hash for an empty log); {@code null} when not intact
 * @param firstDecidedAt     when the first record's decision was made; {@code null} for an empty or broken log
 * @param lastDecidedAt      when the last record's decision was made; {@code null} for an empty or broken log
 * @param signers            how many records each key signed, by key id, in order of first use
 * @param unsignedRecords    how many records carry no signature
 * @param legacyRecords      how many records are in the first line format
 * @param signaturesVerified whether every record's signature was checked with a trusted key (and verified)
 * @param checkpointVerified whether a checkpoint was given and matched
 * @param recordsByKind      how many records of each kind were verified ({@code decision} and the
 *                           {@link OfficeRecord.Kind#id()}s), in order of first appearance
 */
public record AuditVerification(boolean intact, long records, List<Problem> problems, List<Problem> warnings,
                                String headHash, Instant firstDecidedAt, Instant lastDecidedAt,
                                Map<String, Long> signers, long unsignedRecords, long legacyRecords,
                                boolean signaturesVerified, boolean checkpointVerified, Map<String, Long> recordsByKind) {
    public AuditVerification {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        signers = Collections.unmodifiableMap(new LinkedHashMap<>(signers));
        recordsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(recordsByKind));
    }

    /** A result of a log of decisions only. */
    public AuditVerification(boolean intact, long records, List<Problem> problems, List<Problem> warnings,
                             String headHash, Instant firstDecidedAt, Instant lastDecidedAt,
                             Map<String, Long> signers, long unsignedRecords, long legacyRecords,
                             boolean signaturesVerified, boolean checkpointVerified) {
        this(intact, records, problems, warnings, headHash, firstDecidedAt, lastDecidedAt, signers, unsignedRecords, legacyRecords,
                signaturesVerified, checkpointVerified, records == 0 ? Map.of() : Map.of(AuditEntry.DECISION, records));
    }

    /** A result with problems only (nothing proven). */
    public AuditVerification(boolean intact, long records, List<Problem> problems) {
        this(intact, records, problems, List.of(), null, null, null, Map.of(), 0, 0, false, false, Map.of());
    }

    /** The checkpoint to keep elsewhere and give to a later verification; {@code null} when not intact. */
    public AuditCheckpoint checkpoint() {
        return intact && headHash != null ? new AuditCheckpoint(records, headHash) : null;
    }
}
