package io.github.aigov.governance.cli;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the language ({@code --lang}, held by the root), {@code --debug}, and one way of turning a
 * refusal into printed problems and an exit code (see {@link GovernanceCli} for the codes).
 */
final class CommandSupport {

    /** The command this is mixed into: its root holds {@code --lang}, which every command inherits. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--debug", descriptionKey = "assess.debug")
    boolean debug;

    /** Warnings printed in this run, so that two engines over the same definitions (diff) print each once. */
    private final Set<Problem> warned = new HashSet<>();

    Locale locale() {
        Language language = ((GovernanceCli) mixee.root().userObject()).language;
        return (language != null ? language : Language.ofDefaultLocale()).locale();
    }

    /**
     * Prints what the definitions' load found doubtful (a rule that can never fire, GOV-0016), one line each
     * on stderr, before the command's result; the exit code stays the decision's.
     */
    void warn(List<Problem> warnings, PrintWriter err) {
        for (Problem warning : warnings) {
            if (warned.add(warning)) {
                err.println(Messages.format(warning, locale()));
            }
        }
        err.flush();
    }

    /** Runs a command's body: problems go to stderr one per line, sorted; exit 1 for bad input, 3 for a defect. */
    int run(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = locale();
        try {
            return body.call();
        } catch (picocli.CommandLine.ParameterException e) {
            throw e; // a usage error found by the body (--threads 0): picocli prints it with the usage, exit 2
        } catch (GovernanceException e) {
            for (Problem problem : e.problems()) {
                err.println(Messages.format(problem, locale));
            }
            if (e.internal()) {
                debug(e, err);
                return GovernanceCli.INTERNAL;
            }
            return GovernanceCli.BAD_INPUT;
        } catch (Exception | LinkageError e) {
            // LinkageError: a class path without the engine fails in a static initializer.
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            err.println(Messages.render(Message.of("cli.error.unexpected", cause), locale));
            debug(e, err);
            return GovernanceCli.INTERNAL;
        } finally {
            spec.commandLine().getOut().flush();
            err.flush();
        }
    }

    private void debug(Throwable e, PrintWriter err) {
        if (debug) {
            e.printStackTrace(err);
        }
    }
}
