package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What every subcommand shares: the language option, {@code --debug}, and one way of turning a
 * refusal into printed problems and an exit code (see {@link GovernanceCli} for the codes).
 */
final class CommandSupport {

    @Option(names = "--lang", paramLabel = "ja|en", descriptionKey = "assess.lang")
    Language language;

    @Option(names = "--debug", descriptionKey = "assess.debug")
    boolean debug;

    Locale locale() {
        return (language != null ? language : Language.ofDefaultLocale()).locale();
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
