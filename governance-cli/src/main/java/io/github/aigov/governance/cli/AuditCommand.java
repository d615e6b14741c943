package io.github.aigov.governance.cli;

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
import io.github.aigov.governance.audit.AuditCheckpoint;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.audit.OfficeRecord;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code governance audit verify|show|replay|keygen}: the CAIO office's view of the audit log.
 * {@code verify} exits 0 only for an intact log, and says what it proved. Files each subcommand reads:
 * the log, {@code --public-key}; files {@code keygen} writes: {@code --out-private}, {@code --out-public}.
 */
@Command(name = "audit", modelTransformer = HelpTexts.Installer.class, synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true,
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class, AuditCommand.Replay.class, AuditCommand.Keygen.class})
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

        @Option(names = "--public-key", paramLabel = "FILE", descriptionKey = "audit.public-key")
        private List<Path> publicKeys = new ArrayList<>();

        @Option(names = "--checkpoint", paramLabel = "N:HASH", descriptionKey = "audit.checkpoint")
        private String checkpoint;

        @Override
        int execute() throws Exception {
            requireFile(file);
            AuditCheckpoint expected = checkpoint == null ? null : checkpoint(checkpoint);
            List<PublicKey> keys = publicKeys.stream().map(Governance::readAuditPublicKey).toList();
            AuditVerification v = Governance.auditLog(file).verify(keys, expected);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Locale locale = support.locale();
            for (Problem p : v.warnings()) {
                err.println(Messages.format(p, locale));
            }
            if (!v.intact()) {
                for (Problem p : v.problems()) {
                    err.println(Messages.format(p, locale));
                }
                out.println(text(locale, "cli.audit.broken", v.records()));
                return GovernanceCli.BAD_INPUT;
            }
            out.println(text(locale, "cli.audit.intact", v.records(), v.headHash()));
            if (v.firstDecidedAt() != null) {
                out.println(text(locale, "cli.audit.period", v.firstDecidedAt(), v.lastDecidedAt()));
            }
            if (v.recordsByKind().keySet().stream().anyMatch(k -> !k.equals(AuditEntry.DECISION))) {
                out.println(text(locale, "cli.audit.kinds", v.recordsByKind().entrySet().stream()
                        .map(k -> k.getKey() + " " + k.getValue()).collect(java.util.stream.Collectors.joining(", "))));
            }
            for (Map.Entry<String, Long> s : v.signers().entrySet()) {
                out.println(text(locale, "cli.audit.signed", s.getKey(), s.getValue()));
            }
            if (v.signaturesVerified() && v.records() > 0) {
                out.println(text(locale, "cli.audit.signatures-verified"));
            } else if (!v.signers().isEmpty()) {
                out.println(text(locale, "cli.audit.signatures-unchecked"));
            }
            if (v.unsignedRecords() > 0) {
                out.println(text(locale, "cli.audit.unsigned", v.unsignedRecords()));
            }
            if (v.legacyRecords() > 0) {
                out.println(text(locale, "cli.audit.legacy", v.legacyRecords()));
            }
            if (v.checkpointVerified()) {
                out.println(text(locale, "cli.audit.checkpoint-matched", expected, expected.records()));
            }
            out.println(text(locale, "cli.audit.checkpoint", v.checkpoint()));
            return GovernanceCli.DECIDED;
        }

        private static AuditCheckpoint checkpoint(String value) {
            try {
                return AuditCheckpoint.parse(value);
            } catch (IllegalArgumentException e) {
                throw new GovernanceException(List.of(Problem.error(ProblemCode.INVALID_VALUE, Location.of("<command line>"),
                        Message.of("problem.value.invalid", value, "--checkpoint"), Message.of("cli.hint.checkpoint"))));
            }
        }
    }

    @Command(name = "show", modelTransformer = HelpTexts.Installer.class, usageHelpAutoWidth = true)
    static final class Show extends GovernanceCommand {

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "audit.file")
        private Path file;

        @Parameters(index = "1", paramLabel = "N|DECISION_ID", arity = "0..1", descriptionKey = "audit.record")
        private String which;

        @Override
        int execute() throws Exception {
            requireFile(file);
            PrintWriter out = spec.commandLine().getOut();
            if (which != null) {
                AuditEntry e = find(file, which);
                // A record of the CAIO's office is printed as the log holds it (canonical JSON).
                out.println(e.isDecision() ? Governance.toJson(Governance.fromRecord(e.record())) : e.record());
                return GovernanceCli.DECIDED;
            }
            AuditLog log = Governance.auditLog(file);
            for (AuditEntry e : log.entries()) {
                if (!e.isDecision()) {
                    OfficeRecord r;
                    try {
                        r = Governance.officeRecordFromJson(e.record());
                    } catch (GovernanceException unreadable) {
                        continue; // verify() below names it
                    }
                    out.printf("%5d  %s  %s  %-12s %-5s %s  %s%n", e.sequence(), r.recordedAt(), r.recordId(), r.kind().id(),
                            r.about() == null ? "-" : "@" + r.about().auditSeq(), r.system() == null ? "-" : r.system().profileId(),
                            r.recordedBy().name() + " (" + r.recordedBy().role() + ")");
                    continue;
                }
                Decision d;
                try {
                    d = Governance.fromRecord(e.record());
                } catch (GovernanceException unreadable) {
                    continue; // verify() below names it
                }
                out.printf("%5d  %s  %s  %-12s %-5s %s  %s%n", e.sequence(), d.decidedAt(), d.decisionId(),
                        d.classification(), d.escalation().required() ? "ESC" : "-", d.profile().id(),
                        describe(d.definitions()));
            }
            AuditVerification v = log.verify();
            if (!v.intact()) {
                Locale locale = support.locale();
                v.problems().forEach(p -> spec.commandLine().getErr().println(Messages.format(p, locale)));
                spec.commandLine().getErr().println(text(locale, "cli.audit.broken", v.records()));
                return GovernanceCli.BAD_INPUT;
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

        @Parameters(index = "1", paramLabel = "N|DECISION_ID", descriptionKey = "audit.record")
        private String which;

        @Override
        int execute() throws Exception {
            requireFile(file);
            AuditEntry entry = find(file, which);
            if (!entry.isDecision()) {
                throw new GovernanceException(List.of(Problem.error(ProblemCode.RECORD_NOT_FOUND, Location.of(file.toString()),
                        Message.of("problem.audit.not-a-decision", entry.sequence(), entry.kind()), Message.of("hint.audit.not-a-decision", entry.sequence()))));
            }
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
                out.println(text(locale, "cli.audit.replay.identical", recorded.decisionId(), recorded.classification(),
                        describe(defs)));
                return GovernanceCli.DECIDED;
            }
            out.println(text(locale, "cli.audit.replay.different", recorded.decisionId()));
            r.differences().forEach(m -> out.println("  - " + engine.render(m, locale)));
            return GovernanceCli.BAD_INPUT;
        }
    }

    @Command(name = "keygen", modelTransformer = HelpTexts.Installer.class, usageHelpAutoWidth = true)
    static final class Keygen extends GovernanceCommand {

        @Option(names = "--out-private", required = true, paramLabel = "FILE", descriptionKey = "audit.keygen.out-private")
        private Path privateKeyFile;

        @Option(names = "--out-public", required = true, paramLabel = "FILE", descriptionKey = "audit.keygen.out-public")
        private Path publicKeyFile;

        @Override
        int execute() {
            AuditSigningKey key = AuditSigningKey.generate();
            Governance.writeAuditKeys(key, privateKeyFile, publicKeyFile);
            spec.commandLine().getOut().println(text(support.locale(), "cli.audit.keygen.done", privateKeyFile, publicKeyFile,
                    key.keyId()));
            return GovernanceCli.DECIDED;
        }
    }

    /**
     * The entry a user names: a number is a sequence number as the listing prints it, anything else a
     * decision id. Refused when the log is broken at or before that entry's line, so that a record
     * is served only if the chain up to it is intact.
     */
    static AuditEntry find(Path file, String which) {
        AuditLog log = Governance.auditLog(file);
        boolean number = which.matches("[0-9]+");
        Optional<AuditEntry> found = number
                ? (which.matches("0*[1-9][0-9]{0,17}") ? log.entry(Long.parseLong(which)) : Optional.empty())
                : log.find(which);
        AuditEntry entry = found.orElseThrow(() -> new GovernanceException(List.of(
                Problem.error(ProblemCode.RECORD_NOT_FOUND, Location.of(file.toString()),
                        number ? Message.of("problem.audit.sequence-not-found", which) : Message.of("problem.audit.not-found", which),
                        Message.of("hint.audit.not-found")))));
        AuditVerification v = log.verify();
        if (!v.intact() && v.problems().get(0).location().line() <= entry.line()) {
            throw new GovernanceException(v.problems());
        }
        return entry;
    }

    static String describe(DefinitionsRef ref) {
        StringBuilder s = new StringBuilder(ref.id() + " " + ref.version());
        ref.overlays().forEach(o -> s.append(" + ").append(o.id()));
        return s.toString();
    }
}
