package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.rules.internal.model.Definitions;
import java.util.Map;
import org.kie.api.KieBase;

/** A definition set compiled once: the rule base (shared, thread-safe), the DRL and each rule's origin. */
public record CompiledRules(Definitions definitions, KieBase kieBase, String drl, Map<String, RuleMeta> rules) {
    public CompiledRules {
        rules = Map.copyOf(rules);
    }
}
