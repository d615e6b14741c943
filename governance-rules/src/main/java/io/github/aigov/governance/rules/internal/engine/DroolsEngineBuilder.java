package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.spi.EngineBuilder;
import java.time.Clock;

/** The library's engine: the definitions compiled to Drools rules (the shipped sets' compiled at build time). */
public final class DroolsEngineBuilder implements EngineBuilder {
    public static final String NAME = "drools";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GovernanceEngine build(Definitions definitions) {
        return new DroolsEngine(new RuleCompiler().compile(definitions), Clock.systemUTC());
    }
}
