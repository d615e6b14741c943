package io.github.aigov.governance.audit;

/**
 * One record of the audit log, as stored: its position, the hash of the record before it, its own
 * hash (over the previous hash and the record's canonical JSON), and the decision record.
 *
 * @param line     the 1-based line (or position) in the store
 * @param record   the decision record's canonical JSON (see {@code decision-record.schema.json})
 */
public record AuditEntry(long sequence, long line, String previousHash, String hash, String decisionId,
                         String record) {
}
