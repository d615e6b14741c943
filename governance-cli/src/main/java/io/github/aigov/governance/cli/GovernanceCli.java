package io.github.aigov.governance.cli;

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
 * governance assess PROFILE.yaml [--format text|json|...] [--lang ja|en] [--guideline-version V] [--debug]
 * governance assess-batch | board-report | diff | test | audit ...
 * </pre>
 *
 * <p>{@code assess} reads a project profile, assesses it with the shipped DS-920 definitions (the
 * latest version unless {@code --guideline-version} names another) and prints, on standard output
 * in UTF-8, either a report for the procurement officer ({@code text}, in Japanese or English:
 * {@code --lang}, by default the JVM locale's language if Japanese, else English) or the decision's
 * JSON record ({@code json}, exactly {@link Governance#toJson}). Problems go to standard error, one
 * per line ({@code file:line:column (field): GOV-nnnn message — hint}), sorted, without a stack trace.
 * Every command that builds an engine first prints its definitions' warnings (a rule that can never
 * fire, {@code GOV-0016}) on standard error; they never change the exit code.
 *
 * <p>Exit codes, as each command's {@code --help} states them for that command:
 * <dl>
 *   <dt>{@value #DECIDED}</dt><dd>done: the decision printed, the log intact, every case passed, ...</dd>
 *   <dt>{@value #BAD_INPUT}</dt><dd>bad input or a failed check: a
 *       {@link io.github.aigov.governance.GovernanceException} that is not internal, a broken log,
 *       a failed case, a rejected profile</dd>
 *   <dt>{@value #USAGE}</dt><dd>usage error: the arguments were refused ({@link UsageErrors})</dd>
 *   <dt>{@value #INTERNAL}</dt><dd>internal error: an
 *       {@linkplain io.github.aigov.governance.GovernanceException#internal() internal}
 *       problem or any unexpected exception; one line on standard error, plus the stack trace with
 *       {@code --debug}</dd>
 * </dl>
 *
 * <p>In process (tests, other tools): {@link #commandLine(GovernanceCli)}, then
 * {@code setOut}/{@code setErr} and {@code execute(args)}; the command writes only to those.
 * The help texts come from the library's message bundles ({@code cli.help.*}), in the language
 * {@code --lang} asks for.
 */
@Command(name = "governance",
        subcommands = {AssessCommand.class, BatchCommand.class, BoardReportCommand.class, DiffCommand.class, TestCommand.class,
                AuditCommand.class, OptionsCommand.class, InterviewCommand.class},
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

    /** The language of reports, problems and help; every command has it (inherited), so it can go anywhere. */
    @Option(names = Language.OPTION, paramLabel = "ja|en", descriptionKey = "assess.lang",
            scope = CommandLine.ScopeType.INHERIT)
    Language language;

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

    /** Where {@code interview} reads its answers: standard input, unless a test gives another. */
    private java.io.InputStream input = System.in;

    java.io.InputStream input() {
        return input;
    }

    /** Answers from elsewhere than standard input (tests). */
    GovernanceCli input(java.io.InputStream answers) {
        this.input = java.util.Objects.requireNonNull(answers, "answers");
        return this;
    }

    public static void main(String[] args) {
        // Before anything loads Hibernate Validator: its logging goes through SLF4J, which
        // simplelogger.properties keeps at warn, so no INFO line reaches the officer's terminal.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit = commandLine(new GovernanceCli()).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /**
     * The command line over {@code cli}, ready to {@code execute}: its usage help ({@code --help}) and its
     * usage errors in the language the arguments ask for ({@code --lang}; else the system's), usage errors
     * with the nearest allowed value ({@link UsageErrors}).
     */
    public static CommandLine commandLine(GovernanceCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        return commandLine
                .setExecutionStrategy(parsed -> {
                    // The help is printed from the bundles when asked for: switch them first.
                    Language.requested(parsed.originalArgs().toArray(String[]::new))
                            .ifPresent(l -> HelpTexts.localize(commandLine, l.locale()));
                    return run.execute(parsed);
                })
                .setParameterExceptionHandler(new UsageErrors());
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

    /** Builds an engine with the public API; every command builds through {@link GovernanceCommand#engine}. */
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
