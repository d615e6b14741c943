package io.github.aigov.governance.rules;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.cases.CaseRunner;
import io.github.aigov.governance.rules.internal.diff.DefinitionDiffer;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.engine.DroolsEngineBuilder;
import io.github.aigov.governance.rules.internal.load.WeakIdentityMap;
import io.github.aigov.governance.rules.spi.EngineBuilder;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.internal.load.CrosswalkLoader;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.ProfileReader;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.ReplayResult;
import io.github.aigov.governance.rules.internal.audit.AuditKeyFiles;
import io.github.aigov.governance.rules.internal.audit.ChainedAuditLog;
import io.github.aigov.governance.rules.internal.json.DecisionRecords;
import io.github.aigov.governance.rules.internal.audit.JsonLinesAuditStore;
import io.github.aigov.governance.rules.internal.audit.Replayer;
import io.github.aigov.governance.spi.EngineOptions;
import io.github.aigov.governance.spi.GovernanceProvider;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The library behind {@link io.github.aigov.governance.Governance}, which finds it with
 * {@link java.util.ServiceLoader}; applications do not use this class directly. Everything here is
 * implemented once, over any {@link GovernanceEngine}: the definitions and overlays are read and checked,
 * and the engine is built from them by an {@link EngineBuilder} (Drools, unless exactly one other is on the
 * class path); profiles, the decision's JSON and records, the audit log, replay, golden cases and the
 * comparison of two definition sets work the same whichever engine decided.
 */
public final class GovernanceLibrary implements GovernanceProvider {
    private final EngineBuilder engines;
    /** The definitions each engine built here was built from, for comparing two of them; an engine's entry goes with it. */
    private final WeakIdentityMap<GovernanceEngine, Definitions> built = new WeakIdentityMap<>();

    /** The library with the engine the class path provides. */
    public GovernanceLibrary() {
        this(engineBuilder(ServiceLoader.load(EngineBuilder.class, GovernanceLibrary.class.getClassLoader())));
    }

    /** The library with this engine (tests: an alternative engine needs nothing but its builder). */
    GovernanceLibrary(EngineBuilder engines) {
        this.engines = engines;
    }

    /** The one alternative engine if there is exactly one, else Drools. */
    static EngineBuilder engineBuilder(Iterable<EngineBuilder> found) {
        List<EngineBuilder> others = new java.util.ArrayList<>();
        EngineBuilder drools = new DroolsEngineBuilder();
        for (EngineBuilder b : found) {
            if (!DroolsEngineBuilder.NAME.equals(b.name())) {
                others.add(b);
            }
        }
        if (others.size() > 1) {
            throw new IllegalStateException("more than one engine on the class path: "
                    + others.stream().map(EngineBuilder::name).toList() + "; keep one");
        }
        return others.isEmpty() ? drools : others.get(0);
    }

    @Override
    public GovernanceEngine build(EngineOptions options) {
        Definitions defs = RuleSets.load(options);
        GovernanceEngine engine = engines.build(defs);
        built.put(engine, defs);
        return engine;
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

    private Definitions model(GovernanceEngine engine) {
        Definitions defs = built.get(engine);
        if (defs != null) {
            return defs;
        }
        if (engine instanceof DroolsEngine d) {
            return d.model(); // built by RuleSets, not here
        }
        throw new IllegalArgumentException("not an engine built by Governance.builder(): " + engine.getClass().getName());
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
