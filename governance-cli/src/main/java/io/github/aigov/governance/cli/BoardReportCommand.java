package io.github.aigov.governance.cli;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.reports.Reports;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code governance board-report PROFILE.yaml}: for a project that must be escalated, the draft of
 * the report to the Advanced AI Utilization Advisory Board, with what the profile does not say left
 * as marked blanks. Refused (exit 1, GOV-0025) for a project that need not be escalated.
 */
@Command(name = "board-report", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class BoardReportCommand extends GovernanceCommand {

    /** The formats a board report is drafted in. */
    enum BoardFormat { markdown, html }

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", descriptionKey = "assess.profile")
    private Path profileFile;

    @Option(names = "--format", paramLabel = "markdown|html", defaultValue = "markdown", descriptionKey = "board.format")
    private BoardFormat format;

    @Output
    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "assess.out")
    private Path out;

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() throws Exception {
        var profile = Governance.readProfile(profileFile);
        GovernanceEngine engine = engine(definitions.spec());
        OutputFile file = out == null ? null : output(out, "--out");
        Decision decision = engine.assess(profile);
        Locale locale = support.locale();
        String paper = format == BoardFormat.html ? Reports.boardReportHtml(decision, engine, locale)
                : Reports.boardReport(decision, engine, locale);
        Papers.write(paper, file, spec.commandLine().getOut(), locale);
        return GovernanceCli.DECIDED;
    }
}
