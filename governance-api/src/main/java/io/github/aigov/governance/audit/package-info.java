/**
 * The audit trail: decision records in an append-only, hash-chained log, verified and replayed
 * months later by a CAIO's office. The embedded log is a JSON Lines file
 * ({@link io.github.aigov.governance.Governance#auditLog(java.nio.file.Path)}); an application plugs
 * in its own storage with {@link io.github.aigov.governance.audit.AuditStore}.
 */
package io.github.aigov.governance.audit;
