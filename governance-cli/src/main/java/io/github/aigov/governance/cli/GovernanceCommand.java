package io.github.aigov.governance.cli;

import io.github.aigov.governance.GovernanceEngine;
import java.io.PrintWriter;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand has: its spec (for its output streams), the shared options ({@code --lang},
 * {@code --debug}, {@code --help}), one way of running its body (see {@link CommandSupport}), and one
 * way of writing files ({@link #output}).
 *
 * <p>While the body runs, the command's standard output and error escape terminal controls
 * ({@link TerminalText}); before it runs, every {@link Output} option is checked against every file
 * the command reads, so a mistyped {@code --out} is refused before anything is written.
 */
abstract class GovernanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommandSupport support;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    private PrintWriter rawErr;

    @Override
    public final Integer call() {
        CommandLine line = spec.commandLine();
        PrintWriter out = line.getOut();
        PrintWriter err = line.getErr();
        rawErr = err;
        line.setOut(TerminalText.printWriter(out));
        line.setErr(TerminalText.printWriter(err));
        try {
            return support.run(spec, () -> {
                checkOutputs();
                return execute();
            });
        } finally {
            line.getOut().flush();
            line.getErr().flush();
            line.setOut(out);
            line.setErr(err);
        }
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
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof DefinitionsOptions d) {
                d.built(wanted, engine);
            }
        }
        return engine;
    }

    /**
     * An output file, checked against every file the command reads (see {@link OutputFile#check}):
     * get it before writing anything, the audit log included, and write it through the result.
     */
    final OutputFile output(Path named, String option) {
        return OutputFile.check(named, option, inputs());
    }

    /** Standard error without the terminal filter, for the command's own control sequences (a progress bar). */
    final PrintWriter rawErr() {
        return rawErr != null ? rawErr : spec.commandLine().getErr();
    }

    /**
     * Every file the command reads, with the option or parameter that named it: the value of each
     * option and parameter of type {@link Path} (or a collection of them) not marked {@link Output},
     * in the command and its mixins, and what the command and its mixins list as {@link ReadsFiles}.
     */
    final Map<Path, String> inputs() {
        Map<Path, String> files = new LinkedHashMap<>();
        for (ArgSpec arg : spec.args()) {
            if (output(arg)) {
                continue;
            }
            String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            Object value = arg.getValue();
            if (value instanceof Path p) {
                files.putIfAbsent(p, name);
            } else if (value instanceof Collection<?> c) {
                c.stream().filter(Path.class::isInstance).forEach(p -> files.putIfAbsent((Path) p, name));
            }
        }
        if (this instanceof ReadsFiles r) {
            r.filesRead().forEach(files::putIfAbsent);
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof ReadsFiles r) {
                r.filesRead().forEach(files::putIfAbsent);
            }
        }
        return files;
    }

    /** Every output the command was given is checked before its body runs. */
    private void checkOutputs() {
        for (ArgSpec arg : spec.args()) {
            if (output(arg) && arg.getValue() instanceof Path p) {
                output(p, arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel());
            }
        }
    }

    private static boolean output(ArgSpec arg) {
        return arg.userObject() instanceof AnnotatedElement e && e.isAnnotationPresent(Output.class);
    }
}
