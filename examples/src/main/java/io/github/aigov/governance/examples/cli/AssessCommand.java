package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ProjectProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private DefinitionsOptions definitions;

    @Option(names = "--audit-log", paramLabel = "FILE", descriptionKey = "assess.audit-log")
    private Path auditLog;

    @Option(names = "--redact", paramLabel = "FIELD", descriptionKey = "assess.redact")
    private java.util.Set<String> redact = new java.util.TreeSet<>();

    @Mixin
    private CommandSupport support;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    @Override
    public Integer call() {
        return support.run(spec, () -> {
            // The profile first: a wrong path or a typo is reported before the rules are compiled.
            ProjectProfile profile = Governance.readProfile(profileFile);
            GovernanceEngine engine = definitions.build(cli.engines());
            Decision decision = engine.assess(profile);
            if (auditLog != null) {
                // Durable (forced to disk) before anything is reported.
                Governance.auditLog(auditLog).append(decision, redact);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? Governance.toJson(decision) + System.lineSeparator()
                    : new DecisionReport(engine, support.locale()).render(decision));
            return GovernanceCli.DECIDED;
        });
    }
}
