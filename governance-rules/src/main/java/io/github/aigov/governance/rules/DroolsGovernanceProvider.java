package io.github.aigov.governance.rules;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.cases.CaseRunner;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.diff.DefinitionDiffer;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.internal.load.ProfileReader;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.ReplayResult;
import io.github.aigov.governance.rules.internal.audit.AuditKeyFiles;
import io.github.aigov.governance.rules.internal.audit.ChainedAuditLog;
import io.github.aigov.governance.rules.internal.audit.DecisionRecords;
import io.github.aigov.governance.rules.internal.audit.JsonLinesAuditStore;
import io.github.aigov.governance.rules.internal.audit.Replayer;
import io.github.aigov.governance.spi.EngineOptions;
import io.github.aigov.governance.spi.GovernanceProvider;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The Drools implementation of the governance SPI. Applications do not use this class directly:
 * {@link io.github.aigov.governance.Governance} finds it with {@link java.util.ServiceLoader}.
 */
public final class DroolsGovernanceProvider implements GovernanceProvider {

    @Override
    public GovernanceEngine build(EngineOptions options) {
        DefinitionLoader loader = new DefinitionLoader(options.limits());
        Definitions defs = options.definitions() != null
                ? loader.loadFile(options.definitions())
                : loader.loadShipped(options.guidelineVersion());
        OverlayLoader overlays = new OverlayLoader(options.limits());
        for (Path overlay : options.overlays()) {
            defs = overlays.apply(defs, overlay);
        }
        return new DroolsEngine(new RuleCompiler().compile(defs), Clock.systemUTC());
    }

    @Override
    public List<String> guidelineVersions() {
        DefinitionLoader.Shipped shipped = new DefinitionLoader(InputLimits.DEFAULT).shipped();
        List<String> versions = new java.util.ArrayList<>(shipped.versions().keySet());
        // The latest last, whatever order the list is written in.
        versions.remove(shipped.latest());
        versions.add(shipped.latest());
        return List.copyOf(versions);
    }

    @Override
    public ProjectProfile readProfile(Path file, InputLimits limits) {
        return new ProfileReader(limits).read(file);
    }

    @Override
    public ProjectProfile parseProfile(String text, String sourceName, InputLimits limits) {
        return new ProfileReader(limits).parse(text, sourceName);
    }

    @Override
    public String toJson(Decision decision) {
        return DecisionJson.toJson(decision);
    }

    @Override
    public String toJsonLine(Decision decision) {
        return DecisionJson.toJsonLine(decision);
    }

    @Override
    public void writeJsonLine(Decision decision, java.io.OutputStream out) throws java.io.IOException {
        DecisionJson.writeJsonLine(decision, out);
    }

    @Override
    public Decision fromJson(String json) {
        return DecisionJson.fromJson(json);
    }

    @Override
    public List<CaseResult> runCases(GovernanceEngine engine, Path fileOrDirectory) {
        return new CaseRunner(engine, InputLimits.DEFAULT).run(fileOrDirectory);
    }

    @Override
    public List<CaseResult> runCases(Path fileOrDirectory, java.util.function.Function<String, GovernanceEngine> engineForVersion) {
        return new CaseRunner(engineForVersion, InputLimits.DEFAULT).run(fileOrDirectory);
    }

    @Override
    public List<String> shippedVersions() {
        return List.copyOf(new DefinitionLoader(InputLimits.DEFAULT).shipped().versions().keySet());
    }

    @Override
    public DefinitionDiff diff(GovernanceEngine from, GovernanceEngine to, List<ProjectProfile> profiles) {
        return new DefinitionDiffer().diff(model(from), model(to), from, to, profiles);
    }

    private static Definitions model(GovernanceEngine engine) {
        if (engine instanceof DroolsEngine d) {
            return d.model();
        }
        throw new IllegalArgumentException("not an engine of this provider: " + engine.getClass().getName());
    }

    @Override
    public String toRecord(Decision decision, Set<String> sensitive) {
        return DecisionRecords.toRecord(decision, sensitive);
    }

    @Override
    public Decision fromRecord(String record) {
        return DecisionRecords.fromRecord(record);
    }

    @Override
    public String officeRecordToJson(io.github.aigov.governance.audit.OfficeRecord record, java.util.Set<String> sensitive) {
        return io.github.aigov.governance.rules.internal.audit.OfficeRecords.toJson(record, sensitive == null ? java.util.Set.of() : sensitive);
    }

    @Override
    public io.github.aigov.governance.audit.OfficeRecord officeRecordFromJson(String json) {
        return io.github.aigov.governance.rules.internal.audit.OfficeRecords.fromJson(json);
    }

    @Override
    public AuditLog auditLog(Path file, AuditSigningKey signingKey) {
        return new ChainedAuditLog(new JsonLinesAuditStore(file), signingKey);
    }

    @Override
    public AuditLog auditLog(AuditStore store, AuditSigningKey signingKey) {
        return new ChainedAuditLog(store, signingKey);
    }

    @Override
    public AuditSigningKey readAuditSigningKey(Path file) {
        return AuditKeyFiles.readSigningKey(file);
    }

    @Override
    public PublicKey readAuditPublicKey(Path file) {
        return AuditKeyFiles.readPublicKey(file);
    }

    @Override
    public void writeAuditKeys(AuditSigningKey key, Path privateKeyFile, Path publicKeyFile) {
        AuditKeyFiles.write(key, privateKeyFile, publicKeyFile);
    }

    @Override
    public ReplayResult replay(String record, GovernanceEngine engine) {
        return Replayer.replay(record, engine);
    }
}
