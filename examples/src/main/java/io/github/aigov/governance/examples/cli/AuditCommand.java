package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code governance audit verify|show|replay FILE}: the CAIO office's view of the audit log.
 * {@code verify} exits 0 only for an intact log.
 */
@Command(name = "audit", modelTransformer = HelpTexts.Installer.class, synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true,
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class, AuditCommand.Replay.class})
final class AuditCommand {

    @ParentCommand
    GovernanceCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    private static String text(Locale locale, String key, Object... args) {
        return Messages.render(Message.of(key, args), locale);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.UNREADABLE_FILE, Location.of(file.toString()),
                    Message.of("problem.file.unreadable", "no such file"), Message.of("hint.file"))));
        }
    }

    @Command(name = "verify", modelTransformer = HelpTexts.Installer.class, usageHelpAutoWidth = true)
    static final class Verify extends GovernanceCommand {

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "audit.file")
        private Path file;

        @Override
        int execute() throws Exception {
            requireFile(file);
            AuditVerification v = Governance.auditLog(file).verify();
            PrintWriter out = spec.commandLine().getOut();
            Locale locale = support.locale();
            if (v.intact()) {
                List<AuditEntry> entries = Governance.auditLog(file).entries();
                String head = entries.isEmpty() ? "-" : entries.get(entries.size() - 1).hash();
                out.println(text(locale, "cli.audit.intact", v.records(), head));
                return GovernanceCli.DECIDED;
            }
            for (Problem p : v.problems()) {
                spec.commandLine().getErr().println(Messages.format(p, locale));
            }
            out.println(text(locale, "cli.audit.broken", v.records()));
            return GovernanceCli.BAD_INPUT;
        }
    }

    @Command(name = "show", modelTransformer = HelpTexts.Installer.class, usageHelpAutoWidth = true)
    static final class Show extends GovernanceCommand {

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "audit.file")
        private Path file;

        @Parameters(index = "1", paramLabel = "DECISION_ID", arity = "0..1", descriptionKey = "audit.decision-id")
        private String decisionId;

        @Override
        int execute() throws Exception {
            requireFile(file);
            PrintWriter out = spec.commandLine().getOut();
            if (decisionId != null) {
                AuditEntry e = find(file, decisionId);
                out.println(Governance.toJson(Governance.fromRecord(e.record())));
                return GovernanceCli.DECIDED;
            }
            for (AuditEntry e : Governance.auditLog(file).entries()) {
                Decision d = Governance.fromRecord(e.record());
                out.printf("%5d  %s  %s  %-12s %-5s %s  %s%n", e.sequence(), d.decidedAt(), d.decisionId(),
                        d.classification(), d.escalation().required() ? "ESC" : "-", d.profile().id(),
                        describe(d.definitions()));
            }
            return GovernanceCli.DECIDED;
        }
    }

    @Command(name = "replay", modelTransformer = HelpTexts.Installer.class, usageHelpAutoWidth = true)
    static final class Replay extends GovernanceCommand {
        @ParentCommand
        private AuditCommand audit;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "audit.file")
        private Path file;

        @Parameters(index = "1", paramLabel = "DECISION_ID", descriptionKey = "audit.decision-id")
        private String decisionId;

        @Override
        int execute() throws Exception {
            requireFile(file);
            AuditEntry entry = find(file, decisionId);
            Decision recorded = Governance.fromRecord(entry.record());
            DefinitionsRef defs = recorded.definitions();
            // The recorded definitions: the same shipped version and the same overlay files;
            // the replay refuses them if their hashes differ from the record's.
            GovernanceEngine engine = engine(new GovernanceCli.EngineSpec(defs.version(), null,
                    defs.overlays().stream().map(o -> Path.of(o.file())).toList()));
            ReplayResult r = Governance.replay(entry.record(), engine);
            PrintWriter out = spec.commandLine().getOut();
            Locale locale = support.locale();
            if (r.identical()) {
                out.println(text(locale, "cli.audit.replay.identical", decisionId, recorded.classification(),
                        describe(defs)));
                return GovernanceCli.DECIDED;
            }
            out.println(text(locale, "cli.audit.replay.different", decisionId));
            r.differences().forEach(m -> out.println("  - " + engine.render(m, locale)));
            return GovernanceCli.BAD_INPUT;
        }
    }

    static AuditEntry find(Path file, String decisionId) {
        return Governance.auditLog(file).find(decisionId).orElseThrow(() -> new GovernanceException(List.of(
                Problem.error(ProblemCode.RECORD_NOT_FOUND, Location.of(file.toString()),
                        Message.of("problem.audit.not-found", decisionId), Message.of("hint.audit.not-found")))));
    }

    static String describe(DefinitionsRef ref) {
        StringBuilder s = new StringBuilder(ref.id() + " " + ref.version());
        ref.overlays().forEach(o -> s.append(" + ").append(o.id()));
        return s.toString();
    }
}
