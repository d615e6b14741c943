package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.GovernanceEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand has: its spec (for its output streams), the shared options ({@code --lang},
 * {@code --debug}, {@code --help}) and one way of running its body (see {@link CommandSupport}).
 */
abstract class GovernanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommandSupport support;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    @Override
    public final Integer call() {
        return support.run(spec, this::execute);
    }

    /** The command's body; problems it throws are printed and turned into exit codes by {@link CommandSupport}. */
    abstract int execute() throws Exception;

    /**
     * The one way a command gets an engine: built by the command line's {@link GovernanceCli.EngineSource},
     * its warnings printed on stderr at once (see {@link CommandSupport#warn}).
     */
    GovernanceEngine engine(GovernanceCli.EngineSpec wanted) {
        GovernanceCli cli = (GovernanceCli) spec.root().userObject();
        GovernanceEngine engine = cli.engines().build(wanted);
        support.warn(engine.warnings(), spec.commandLine().getErr());
        return engine;
    }
}
