package io.github.aigov.governance.audit;

import io.github.aigov.governance.Decision;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An append-only, tamper-evident log of decision records. Each line is hashed whole and carries
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
     * Every entry whose line can be read, in order. Reading does not check the chain or the
     * signatures: {@link #verify} does.
     */
    List<AuditEntry> entries();

    /** The first entry of this decision, if logged (not checked: see {@link #entries()}). */
    Optional<AuditEntry> find(String decisionId);

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
