package io.github.aigov.governance.audit;

import io.github.aigov.governance.Decision;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An append-only, tamper-evident log of decision records and, beside them, the records of what the
 * CAIO's office did about them ({@link OfficeRecord}). Each line is hashed whole and carries
 * the hash of the one before it, so an altered, removed, inserted or reordered record breaks the
 * chain where it happened; a log written with an {@link AuditSigningKey} also signs every line,
 * so that only the key's holder could have written it. Thread-safe: appends from many threads are
 * serialised and never interleave.
 */
public interface AuditLog {

    /**
     * Appends a decision's record, durably (and signed, if the log was opened with a signing key),
     * before returning.
     *
     * @param sensitive profile fields to redact in the record (e.g. {@code description}); see
     *                  {@link io.github.aigov.governance.Governance#toRecord(Decision, Set)}
     * @throws io.github.aigov.governance.GovernanceException if the log is not intact at its end (a torn
     *                  last record), or if the record would be signed in an unsigned log or unsigned
     *                  in a signed one: nothing is appended
     */
    AuditEntry append(Decision decision, Set<String> sensitive);

    /**
     * Appends a record of the CAIO's office beside the decision it is about, durably and signed as
     * decisions are. The record's {@link OfficeRecord#about()} must name the decision line at its
     * {@code auditSeq}: the log fills in that line's hash ({@code decisionHash}).
     *
     * @param sensitive content free texts to redact ({@link OfficeRecord#FREE_TEXTS}), as {@code "[REDACTED]"}
     * @throws io.github.aigov.governance.GovernanceException as for decisions, and ({@code GOV-0037}) when
     *                  the log holds no line at {@code auditSeq}, or it is not that decision, or its hash is not
     *                  the {@code decisionHash} given: nothing is appended
     */
    AuditEntry append(OfficeRecord record, Set<String> sensitive);

    /**
     * Every entry whose line can be read, in order. Reading does not check the chain or the
     * signatures: {@link #verify} does.
     */
    List<AuditEntry> entries();

    /** The first entry of this decision, if logged (not checked: see {@link #entries()}); decisions only. */
    Optional<AuditEntry> find(String decisionId);

    /** The records of the CAIO's office about this decision, in order (not checked: see {@link #entries()}). */
    List<AuditEntry> about(String decisionId);

    /** The entry with this sequence number, if logged (not checked: see {@link #entries()}). */
    default Optional<AuditEntry> entry(long sequence) {
        return entries().stream().filter(e -> e.sequence() == sequence).findFirst();
    }

    /**
     * Checks every line, the chain, and the form of every record; signatures are reported by key id
     * but not checked (no key is trusted).
     */
    default AuditVerification verify() {
        return verify(List.of(), null);
    }

    /**
     * Checks every line, the chain and the form of every record, and:
     *
     * @param trustedKeys the public keys records must be signed by: when not empty, every record must
     *                    carry a signature by one of them that verifies
     * @param checkpoint  a checkpoint taken earlier ({@link AuditVerification#checkpoint()}), or
     *                    {@code null}: the log must still hold that record with that hash
     */
    AuditVerification verify(Collection<PublicKey> trustedKeys, AuditCheckpoint checkpoint);
}
