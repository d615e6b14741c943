package io.github.aigov.governance.spi;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import java.nio.file.Path;

/**
 * How {@link io.github.aigov.governance.Governance} reaches the library's implementation (governance-rules),
 * found with {@link java.util.ServiceLoader}: provided once, not per engine. An alternative engine does not
 * implement this; it supplies {@code io.github.aigov.governance.rules.spi.EngineBuilder}, an engine from a checked
 * definition set, and the library does the rest (definitions, profiles, JSON, audit, replay, cases, diff)
 * over it.
 */
public interface GovernanceProvider {

    GovernanceEngine build(EngineOptions options);

    /** The shipped guideline versions, oldest first; the last is the latest. */
    default java.util.List<String> guidelineVersions() {
        throw new UnsupportedOperationException("this provider does not list its guideline versions");
    }

    ProjectProfile readProfile(Path file, InputLimits limits);

    ProjectProfile parseProfile(String text, String sourceName, InputLimits limits);

    String toJson(Decision decision);

    String toJsonLine(Decision decision);

    void writeJsonLine(Decision decision, java.io.OutputStream out) throws java.io.IOException;

    Decision fromJson(String json);

    String toRecord(Decision decision, java.util.Set<String> sensitive);

    Decision fromRecord(String record);

    String officeRecordToJson(io.github.aigov.governance.audit.OfficeRecord record, java.util.Set<String> sensitive);

    io.github.aigov.governance.audit.OfficeRecord officeRecordFromJson(String json);

    /** The file's audit log, signing with this key, or unsigned when it is {@code null}. */
    io.github.aigov.governance.audit.AuditLog auditLog(Path file, io.github.aigov.governance.audit.AuditSigningKey signingKey);

    /** The store's audit log, signing with this key, or unsigned when it is {@code null}. */
    io.github.aigov.governance.audit.AuditLog auditLog(io.github.aigov.governance.audit.AuditStore store,
            io.github.aigov.governance.audit.AuditSigningKey signingKey);

    io.github.aigov.governance.audit.AuditSigningKey readAuditSigningKey(Path file);

    java.security.PublicKey readAuditPublicKey(Path file);

    void writeAuditKeys(io.github.aigov.governance.audit.AuditSigningKey key, Path privateKeyFile, Path publicKeyFile);

    io.github.aigov.governance.audit.ReplayResult replay(String record, GovernanceEngine engine);

    io.github.aigov.governance.DefinitionDiff diff(GovernanceEngine from, GovernanceEngine to,
            java.util.List<ProjectProfile> profiles);

    java.util.List<io.github.aigov.governance.CaseResult> runCases(GovernanceEngine engine, Path fileOrDirectory);

    /** Golden cases, each against the engine for the guideline version it names ({@code null}: none). */
    java.util.List<io.github.aigov.governance.CaseResult> runCases(Path fileOrDirectory,
            java.util.function.Function<String, GovernanceEngine> engineForVersion);

    /** The shipped guideline versions, oldest first. */
    java.util.List<String> shippedVersions();
}
