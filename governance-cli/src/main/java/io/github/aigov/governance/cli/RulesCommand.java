package io.github.aigov.governance.cli;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.rules.GeneratedRules;
import io.github.aigov.governance.rules.RuleSets;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.spi.EngineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code governance rules [--guideline-version V] [--overlay F]...}: prints the rules the definitions compile
 * to (the DRL the engine runs), each after a comment naming the definition it was generated from and the
 * file, line and column where that is written. Exit 0 when printed; 1 when the definitions were refused.
 */
@Command(name = "rules", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class RulesCommand extends GovernanceCommand {

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() {
        GovernanceCli.EngineSpec s = definitions.spec();
        Definitions defs = RuleSets.load(new EngineOptions(s.guidelineVersion(), s.definitions(), s.overlays(),
                InputLimits.DEFAULT));
        support.warn(defs.warnings(), spec.commandLine().getErr());
        GeneratedRules rules = RuleSets.generatedRules(defs);
        spec.commandLine().getOut().print(rules.text());
        return GovernanceCli.DECIDED;
    }
}
