package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code governance test DIR}: runs the golden cases kept beside a definition set (profile →
 * expected decision) and reports each failure with its file and the difference. Exit 0 only when
 * every case passes; 1 when one fails or cannot be read.
 */
@Command(name = "test", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class TestCommand extends GovernanceCommand {

    @ParentCommand
    private GovernanceCli cli;

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "test.dir")
    private Path dir;

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() throws Exception {
        GovernanceEngine engine = definitions.build(cli.engines());
        Locale locale = support.locale();
        PrintWriter out = spec.commandLine().getOut();
        List<CaseResult> results = Governance.runCases(engine, dir);
        int failed = 0;
        for (CaseResult r : results) {
            out.println((r.passed() ? "PASS " : "FAIL ") + r.file() + " — " + r.name());
            if (!r.passed()) {
                failed++;
            }
            for (String d : r.differences()) {
                out.println("     " + d);
            }
            for (Problem p : r.problems()) {
                out.println("     " + Messages.format(p, locale));
            }
        }
        out.println(engine.render(Message.of("cli.test.summary", results.size() - failed, failed), locale));
        if (results.isEmpty()) {
            out.println(engine.render(Message.of("cli.test.none", dir), locale));
            return GovernanceCli.BAD_INPUT;
        }
        return failed == 0 ? GovernanceCli.DECIDED : GovernanceCli.BAD_INPUT;
    }
}
