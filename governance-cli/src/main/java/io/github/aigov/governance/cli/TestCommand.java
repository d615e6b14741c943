package io.github.aigov.governance.cli;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code governance test DIR}: runs the golden cases kept beside a definition set (profile →
 * expected decision) and reports each failure with its file and the difference. Each case runs
 * against the guideline version it names ({@code guidelineVersion}; the latest when it names none),
 * unless {@code --guideline-version} or {@code --definitions} names one set for all. Exit 0 only
 * when every case passes; 1 when one fails or cannot be read.
 */
@Command(name = "test", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class TestCommand extends GovernanceCommand {

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "test.dir")
    private Path dir;

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() throws Exception {
        Locale locale = support.locale();
        PrintWriter out = spec.commandLine().getOut();
        List<CaseResult> results = Governance.runCases(dir, engines(out, locale));
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
        out.println(Messages.render(Message.of("cli.test.summary", results.size() - failed, failed), locale));
        if (results.isEmpty()) {
            out.println(Messages.render(Message.of("cli.test.none", dir), locale));
            return GovernanceCli.BAD_INPUT;
        }
        return failed == 0 ? GovernanceCli.DECIDED : GovernanceCli.BAD_INPUT;
    }

    /**
     * The engine for the version a case names: the one named on the command line for every case, else one per
     * version the cases name, each built once, when a case first needs it, and announced on its own line.
     */
    private Function<String, GovernanceEngine> engines(PrintWriter out, Locale locale) {
        Map<String, GovernanceEngine> built = new HashMap<>();
        return version -> built.computeIfAbsent(definitions.named() || version == null ? "" : version, key -> {
            GovernanceEngine engine = engine(key.isEmpty() ? definitions.spec() : definitions.spec(key));
            out.println(Messages.render(Message.of("cli.test.definitions", describe(engine.definitions())), locale));
            return engine;
        });
    }

    private static String describe(DefinitionsRef ref) {
        StringBuilder s = new StringBuilder(ref.id() + " " + ref.version());
        ref.overlays().forEach(o -> s.append(" + ").append(o.id()));
        return s.toString();
    }
}
