package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code governance} command line.
 *
 * <pre>
 * governance assess PROFILE.yaml [--format text|json] [--lang ja|en] [--guideline-version V] [--debug]
 * </pre>
 *
 * <p>{@code assess} reads a project profile, assesses it with the shipped DS-920 definitions (the
 * latest version unless {@code --guideline-version} names another) and prints, on standard output
 * in UTF-8, either a report for the procurement officer ({@code text}, in Japanese or English:
 * {@code --lang}, by default the JVM locale's language if Japanese, else English) or the decision's
 * JSON record ({@code json}, exactly {@link Governance#toJson}). Problems go to standard error, one
 * per line ({@code file:line:column (field): GOV-nnnn message — hint}), sorted, without a stack trace.
 *
 * <p>Exit codes:
 * <dl>
 *   <dt>{@value #DECIDED}</dt><dd>the decision was printed, whatever it is (out of scope included)</dd>
 *   <dt>{@value #BAD_INPUT}</dt><dd>bad input: the profile, its file or the guideline version was
 *       refused (a {@link io.github.aigov.governance.GovernanceException} that is not internal)</dd>
 *   <dt>{@value #USAGE}</dt><dd>usage error: picocli refused the arguments</dd>
 *   <dt>{@value #INTERNAL}</dt><dd>internal error: an
 *       {@linkplain io.github.aigov.governance.GovernanceException#internal() internal}
 *       problem or any unexpected exception; one line on standard error, plus the stack trace with
 *       {@code --debug}</dd>
 * </dl>
 *
 * <p>In process (tests, other tools): {@code new CommandLine(new GovernanceCli())}, then
 * {@code setOut}/{@code setErr} and {@code execute(args)}; the command writes only to those.
 * The help texts come from the library's message bundles ({@code cli.help.*}).
 */
@Command(name = "governance",
        subcommands = {AssessCommand.class, BatchCommand.class, BoardReportCommand.class, DiffCommand.class, TestCommand.class,
                AuditCommand.class},
        modelTransformer = HelpTexts.Installer.class,
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
public final class GovernanceCli {
    /** The decision was printed. */
    public static final int DECIDED = 0;
    /** The input was refused; every problem was printed. */
    public static final int BAD_INPUT = 1;
    /** The arguments were refused (picocli's own code for invalid input). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** A defect: the assessment could not complete. */
    public static final int INTERNAL = 3;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    private final EngineSource engines;

    /** A command line over the shipped definitions. */
    public GovernanceCli() {
        this(GovernanceCli::build);
    }

    /** A command line whose engines come from elsewhere (tests). */
    GovernanceCli(EngineSource engines) {
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    EngineSource engines() {
        return engines;
    }

    public static void main(String[] args) {
        // Before anything loads Hibernate Validator: its logging goes through SLF4J, which
        // simplelogger.properties keeps at warn, so no INFO line reaches the officer's terminal.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit = new CommandLine(new GovernanceCli()).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Builds the engine a command asked for. */
    @FunctionalInterface
    interface EngineSource {
        GovernanceEngine build(EngineSpec spec);
    }

    /**
     * Which engine: a shipped version ({@code null}: the latest) or a definition set on disk, and
     * overlays in order.
     */
    record EngineSpec(String guidelineVersion, java.nio.file.Path definitions, java.util.List<java.nio.file.Path> overlays) {
    }

    static GovernanceEngine build(EngineSpec spec) {
        Governance.Builder builder = Governance.builder();
        if (spec.guidelineVersion() != null) {
            builder.guidelineVersion(spec.guidelineVersion());
        }
        if (spec.definitions() != null) {
            builder.definitions(spec.definitions());
        }
        spec.overlays().forEach(builder::overlay);
        return builder.build();
    }
}
