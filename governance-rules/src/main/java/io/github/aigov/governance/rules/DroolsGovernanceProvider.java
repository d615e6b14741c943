package io.github.aigov.governance.rules;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.cases.CaseRunner;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.ProfileReader;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.spi.EngineOptions;
import io.github.aigov.governance.spi.GovernanceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

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
        if (!options.overlays().isEmpty()) {
            throw new UnsupportedOperationException("overlays are not supported by this version of the engine");
        }
        return new DroolsEngine(new RuleCompiler().compile(defs), Clock.systemUTC());
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
    public Decision fromJson(String json) {
        return DecisionJson.fromJson(json);
    }

    @Override
    public List<CaseResult> runCases(GovernanceEngine engine, Path fileOrDirectory) {
        return new CaseRunner(engine, InputLimits.DEFAULT).run(fileOrDirectory);
    }
}
