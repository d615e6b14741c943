package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.internal.facts.ItemTable;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A definition set compiled once: the rule base (shared, thread-safe), the DRL, each rule's origin, and
 * the items numbered in definition order with the items each item rule names.
 */
public record CompiledRules(Definitions definitions, KieBase kieBase, String drl, Map<String, RuleMeta> rules,
                            ItemTable items) {
    public CompiledRules {
        rules = Map.copyOf(rules);
    }
}
