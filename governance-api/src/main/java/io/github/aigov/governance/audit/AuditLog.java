package io.github.aigov.governance.audit;

import io.github.aigov.governance.Decision;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An append-only, tamper-evident log of decision records. Each record carries the hash of the one
 * before it, so an altered, removed, inserted or reordered record breaks the chain where it happened.
 * Thread-safe: appends from many threads are serialised and never interleave.
 */
public interface AuditLog {

    /**
     * Appends a decision's record, durably, before returning.
     *
     * @param sensitive profile fields to redact in the record (e.g. {@code description}); see
     *                  {@link io.github.aigov.governance.Governance#toRecord(Decision, Set)}
     * @throws io.github.aigov.governance.GovernanceException if the log is not intact at its end (a torn
     *                  last record): nothing is appended until it is repaired
     */
    AuditEntry append(Decision decision, Set<String> sensitive);

    /** Every entry, in order. */
    List<AuditEntry> entries();

    /** The entry of this decision, if logged. */
    Optional<AuditEntry> find(String decisionId);

    /** Checks the whole chain. */
    AuditVerification verify();
}
