/**
 * The audit trail: decision records in an append-only log whose every line is hashed whole,
 * chained to the one before and, when written with an {@link io.github.aigov.governance.audit.AuditSigningKey},
 * signed (Ed25519), verified and replayed months later by a CAIO's office. The embedded log is a
 * JSON Lines file ({@link io.github.aigov.governance.Governance#auditLog(java.nio.file.Path)}); an
 * application plugs in its own storage with {@link io.github.aigov.governance.audit.AuditStore} and
 * gets the same checks. What a verification proves, and what it does not, is stated on
 * {@link io.github.aigov.governance.audit.AuditVerification}; the line format is specified in
 * {@code schemas/audit-line.schema.json} (in the checklists jar) and {@code docs/audit-log.md}.
 */
package io.github.aigov.governance.audit;
