package io.github.aigov.governance.audit;

/**
 * One record of the audit log, as stored: its position, the hash of the record before it, its own
 * hash, the decision record and, when signed, the id of the key that signed it. Reading entries does
 * not check them: {@link AuditLog#verify} does.
 *
 * @param sequence     the record's sequence number (1 for the first), as the line states it
 * @param line         the 1-based line (or position) in the store
 * @param previousHash the hash of the record before it ({@code sha256:} and 64 zeros for the first)
 * @param hash         this line's hash (see {@code audit-line.schema.json} for what it covers)
 * @param decisionId   the decision's id, as the line and its record both state it; {@code null} for
 *                     a record of the CAIO's office (see {@link OfficeRecord})
 * @param record       the record's canonical JSON (see {@code decision-record.schema.json} and
 *                     {@code office-record.schema.json})
 * @param signer       the id of the key that signed the line ({@link AuditSigningKey#keyId()}),
 *                     or {@code null} when the line is not signed
 * @param kind         {@value #DECISION} for a decision, otherwise the {@link OfficeRecord.Kind#id()} of the record
 * @param recordId     the record's id: the decision's id for a decision
 */
public record AuditEntry(long sequence, long line, String previousHash, String hash, String decisionId,
                         String record, String signer, String kind, String recordId) {
    /** The kind of a decision's entry. */
    public static final String DECISION = "decision";

    /** A decision's entry. */
    public AuditEntry(long sequence, long line, String previousHash, String hash, String decisionId, String record, String signer) {
        this(sequence, line, previousHash, hash, decisionId, record, signer, DECISION, decisionId);
    }

    /** A decision's unsigned entry. */
    public AuditEntry(long sequence, long line, String previousHash, String hash, String decisionId, String record) {
        this(sequence, line, previousHash, hash, decisionId, record, null);
    }

    /** Whether the entry holds a decision (rather than a record of the CAIO's office). */
    public boolean isDecision() {
        return DECISION.equals(kind);
    }

    /** Whether the line carries a signature (checked only by {@link AuditLog#verify} with the public key). */
    public boolean signed() {
        return signer != null;
    }
}
