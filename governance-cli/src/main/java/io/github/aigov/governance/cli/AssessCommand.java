package io.github.aigov.governance.cli;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.reports.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code governance assess PROFILE.yaml}: one project's decision, as a report or as JSON. Exit codes: {@link GovernanceCli}. */
@Command(name = "assess", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class AssessCommand extends GovernanceCommand {

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", descriptionKey = "assess.profile")
    private Path profileFile;

    @Option(names = "--format", paramLabel = "text|json|html|markdown|xlsx", defaultValue = "text",
            descriptionKey = "assess.format")
    private Format format;

    @Output
    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "assess.out")
    private Path out;

    @Mixin
    private DefinitionsOptions definitions;

    @Option(names = "--audit-log", paramLabel = "FILE", descriptionKey = "assess.audit-log")
    private Path auditLog;

    @Option(names = "--redact", paramLabel = "FIELD", descriptionKey = "assess.redact")
    private java.util.Set<String> redact = new java.util.TreeSet<>();

    @Option(names = "--signing-key", paramLabel = "FILE", descriptionKey = "assess.signing-key")
    private Path signingKey;

    @Override
    int execute() throws Exception {
        if (format == Format.xlsx) {
            Papers.requireFile(out, "xlsx"); // before anything is read or recorded
        }
        // The profile first: a wrong path or a typo is reported before the rules are compiled.
        ProjectProfile profile = Governance.readProfile(profileFile);
        if (signingKey != null && auditLog == null) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.MISSING_FIELD, Location.of("<command line>"),
                    Message.of("cli.problem.signing-key-without-log"), Message.of("cli.hint.signing-key-without-log"))));
        }
        AuditSigningKey key = signingKey == null ? null : Governance.readAuditSigningKey(signingKey);
        GovernanceEngine engine = engine(definitions.spec());
        // Checked again now that the definitions' own files are known, and before the audit log is written.
        OutputFile file = out == null ? null : output(out, "--out");
        Decision decision = engine.assess(profile);
        if (auditLog != null) {
            // Durable (forced to disk), and signed when a key is given, before anything is reported.
            (key == null ? Governance.auditLog(auditLog) : Governance.auditLog(auditLog, key)).append(decision, redact);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Locale locale = support.locale();
        switch (format) {
            case json -> Papers.write(Governance.toJson(decision), file, stdout, locale);
            case html -> Papers.write(Reports.html(decision, engine, locale), file, stdout, locale);
            case markdown -> Papers.write(Reports.markdown(decision, engine, locale), file, stdout, locale);
            case xlsx -> Papers.write(stream -> Reports.xlsx(decision, engine, locale, stream), file, "xlsx", stdout, locale);
            default -> Papers.write(new DecisionReport(engine, locale).render(decision), file, stdout, locale);
        }
        return GovernanceCli.DECIDED;
    }
}
