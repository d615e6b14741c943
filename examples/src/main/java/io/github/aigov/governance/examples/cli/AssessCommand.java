package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProjectProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code governance assess PROFILE.yaml}: one project's decision, as a report or as JSON. Exit codes: {@link GovernanceCli}. */
@Command(name = "assess", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class AssessCommand implements Callable<Integer> {

    @ParentCommand
    private GovernanceCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", descriptionKey = "assess.profile")
    private Path profileFile;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "assess.format")
    private Format format;

    @Option(names = "--lang", paramLabel = "ja|en", descriptionKey = "assess.lang")
    private Language language;

    @Option(names = "--guideline-version", paramLabel = "VERSION", descriptionKey = "assess.guideline-version")
    private String guidelineVersion;

    @Option(names = "--debug", descriptionKey = "assess.debug")
    private boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    @Override
    public Integer call() {
        Locale locale = (language != null ? language : Language.ofDefaultLocale()).locale();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            // The profile first: a wrong path or a typo is reported before the rules are compiled.
            ProjectProfile profile = Governance.readProfile(profileFile);
            GovernanceEngine engine = cli.engines().build(guidelineVersion);
            Decision decision = engine.assess(profile);
            out.print(format == Format.json ? Governance.toJson(decision) + System.lineSeparator()
                    : new DecisionReport(engine, locale).render(decision));
            out.flush();
            return GovernanceCli.DECIDED;
        } catch (GovernanceException e) {
            for (Problem problem : e.problems()) {
                err.println(Messages.format(problem, locale));
            }
            if (e.internal()) {
                debug(e, err);
                return GovernanceCli.INTERNAL;
            }
            return GovernanceCli.BAD_INPUT;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a class path without the engine fails in a static initializer.
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            err.println(Messages.render(Message.of("cli.error.unexpected", cause), locale));
            debug(e, err);
            return GovernanceCli.INTERNAL;
        } finally {
            err.flush();
        }
    }

    private void debug(Throwable e, PrintWriter err) {
        if (debug) {
            e.printStackTrace(err);
        }
    }
}
