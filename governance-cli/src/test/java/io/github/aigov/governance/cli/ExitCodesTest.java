package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.aigov.governance.Governance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exit codes are the ones {@code --help} states: for every command, the codes its help lists (in both
 * languages) are exactly the codes below, and each is produced by a run of that command.
 */
class ExitCodesTest {
    private static final String HIGH = Path.of("..", "examples", "projects", "benefits-eligibility-chatbot.yaml").toString();
    private static final String LOW = Path.of("..", "examples", "projects", "seabis-help-chat.yaml").toString();
    private static final String V2_CASES = Path.of("..", "checklists", "src", "main", "resources", "ds920", "v2.0",
            "cases").toString();

    @TempDir
    static Path tmp;
    private static String log;
    private static String brokenLog;
    private static String recorded;
    private static String missing;
    private static String goodInventory;
    private static String badInventory;

    /** One run: the command line (real, or with engines that fail), its arguments, and whether stdout fails. */
    private record Run(Supplier<GovernanceCli> cli, List<String> args, boolean brokenStdout) {
        static Run of(String... args) {
            return new Run(GovernanceCli::new, List.of(args), false);
        }

        /** A defect while the engine is built: the command cannot complete. */
        static Run failingEngine(String... args) {
            return new Run(() -> new GovernanceCli(spec -> {
                throw new IllegalStateException("the rule base is corrupt");
            }), List.of(args), false);
        }

        /** A defect while the result is written (for commands that build no engine). */
        static Run failingOutput(String... args) {
            return new Run(GovernanceCli::new, List.of(args), true);
        }

        int exit() {
            StringWriter err = new StringWriter();
            Writer out = brokenStdout ? new Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    throw new IllegalStateException("standard output is gone");
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            } : new StringWriter();
            int exit = GovernanceCli.commandLine(cli.get()).setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
            assertThat(err.toString()).as("no stack trace").doesNotContain("\tat ");
            return exit;
        }
    }

    @BeforeAll
    static void fixtures() throws IOException {
        log = tmp.resolve("audit.jsonl").toString();
        assertThat(CliRun.of("assess", HIGH, "--audit-log", log, "--format", "json").exit()).isZero();
        recorded = Governance.auditLog(Path.of(log)).entries().get(0).decisionId();
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, Files.readString(Path.of(log)).replace("\"HIGH\"", "\"LOW\""));
        missing = tmp.resolve("no-such-file.yaml").toString();
        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.copy(Path.of(LOW), good.resolve("seabis.yaml"));
        goodInventory = good.toString();
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.copy(Path.of(LOW), bad.resolve("seabis.yaml"));
        Files.writeString(bad.resolve("typo.yaml"), Files.readString(Path.of(LOW)).replace("users: ", "users: X"));
        badInventory = bad.toString();
        brokenLog = broken.toString();
    }

    /** Every command (by its qualified name) and, for each code its help states, a run that exits with it. */
    private static Map<String, Map<Integer, Supplier<Run>>> documented() {
        String out = tmp.resolve("out").toString();
        Map<String, Map<Integer, Supplier<Run>>> m = new LinkedHashMap<>();
        m.put("governance", Map.of(
                0, () -> Run.of("--help"),
                1, () -> Run.of("assess", missing),
                2, () -> Run.of(),
                3, () -> Run.failingEngine("assess", HIGH)));
        m.put("governance assess", Map.of(
                0, () -> Run.of("assess", HIGH),
                1, () -> Run.of("assess", missing),
                2, () -> Run.of("assess", HIGH, "--format", "JSON"),
                3, () -> Run.failingEngine("assess", HIGH)));
        m.put("governance assess-batch", Map.of(
                0, () -> Run.of("assess-batch", goodInventory, "--out", out + "-0.jsonl"),
                1, () -> Run.of("assess-batch", badInventory, "--out", out + "-1.jsonl"),
                2, () -> Run.of("assess-batch", goodInventory),
                3, () -> Run.failingEngine("assess-batch", goodInventory, "--out", out + "-3.jsonl")));
        m.put("governance board-report", Map.of(
                0, () -> Run.of("board-report", HIGH),
                1, () -> Run.of("board-report", LOW),
                2, () -> Run.of("board-report", HIGH, "--format", "xlsx"),
                3, () -> Run.failingEngine("board-report", HIGH)));
        m.put("governance diff", Map.of(
                0, () -> Run.of("diff", "--from", "1.0", "--to", "2.0", LOW),
                1, () -> Run.of("diff", "--from", "1.0", "--to", "2.0", missing),
                2, () -> Run.of("diff", "--from", "3.0"),
                3, () -> Run.failingEngine("diff", "--from", "1.0", "--to", "2.0")));
        m.put("governance test", Map.of(
                0, () -> Run.of("test", V2_CASES),
                1, () -> Run.of("test", V2_CASES, "--guideline-version", "1.0"),
                2, () -> Run.of("test"),
                3, () -> Run.failingEngine("test", V2_CASES)));
        m.put("governance audit", Map.of(
                0, () -> Run.of("audit", "--help"),
                1, () -> Run.of("audit", "verify", brokenLog),
                2, () -> Run.of("audit"),
                3, () -> Run.failingOutput("audit", "verify", log)));
        m.put("governance audit verify", Map.of(
                0, () -> Run.of("audit", "verify", log),
                1, () -> Run.of("audit", "verify", brokenLog),
                2, () -> Run.of("audit", "verify"),
                3, () -> Run.failingOutput("audit", "verify", log)));
        m.put("governance audit show", Map.of(
                0, () -> Run.of("audit", "show", log),
                1, () -> Run.of("audit", "show", missing),
                2, () -> Run.of("audit", "show", log, recorded, "extra"),
                3, () -> Run.failingOutput("audit", "show", log)));
        m.put("governance audit replay", Map.of(
                0, () -> Run.of("audit", "replay", log, recorded),
                1, () -> Run.of("audit", "replay", log, "no-such-decision"),
                2, () -> Run.of("audit", "replay", log),
                3, () -> Run.failingEngine("audit", "replay", log, recorded)));
        m.put("governance audit keygen", Map.of(
                0, () -> Run.of("audit", "keygen", "--out-private", out + "-0.key", "--out-public", out + "-0.pub"),
                1, () -> Run.of("audit", "keygen", "--out-private", log, "--out-public", out + "-1.pub"),
                2, () -> Run.of("audit", "keygen", "--out-private", out + "-2.key"),
                3, () -> Run.failingOutput("audit", "keygen", "--out-private", out + "-3.key", "--out-public", out + "-3.pub")));
        m.put("governance options", Map.of(
                0, () -> Run.of("options"),
                1, () -> Run.of("options", "--overlay", missing),
                2, () -> Run.of("options", "--guideline-version", "3.0"),
                3, () -> Run.failingEngine("options")));
        String answers = String.join("\n", InterviewCommandTest.answers(Governance.readProfile(Path.of(LOW)))) + "\n";
        m.put("governance interview", Map.of(
                0, () -> new Run(() -> new GovernanceCli().input(new java.io.ByteArrayInputStream(
                        answers.getBytes(java.nio.charset.StandardCharsets.UTF_8))), List.of("interview", "--out", out + "-0.yaml"), false),
                1, () -> new Run(() -> new GovernanceCli().input(new java.io.ByteArrayInputStream(new byte[0])),
                        List.of("interview", "--out", out + "-1.yaml"), false),
                2, () -> Run.of("interview"),
                3, () -> Run.failingEngine("interview", "--out", out + "-3.yaml")));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyCodeThatHelpStatesIsTheCodeOfARun() {
        Map<String, Map<Integer, Supplier<Run>>> documented = documented();
        List<DynamicTest> tests = new ArrayList<>();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
            CommandLine root = GovernanceCli.commandLine(new GovernanceCli());
            HelpTexts.localize(root, locale);
            Map<String, CommandLine> commands = new LinkedHashMap<>();
            collect(root, commands);
            tests.add(dynamicTest("every command is covered, in " + locale, () ->
                    assertThat(commands.keySet()).containsExactlyInAnyOrderElementsOf(documented.keySet())));
            commands.forEach((name, command) -> tests.add(dynamicTest(name + " --help lists its codes, in " + locale, () -> {
                Map<String, String> listed = command.getCommandSpec().usageMessage().exitCodeList();
                assertThat(new TreeSet<>(listed.keySet())).as(name).containsExactlyElementsOf(
                        documented.getOrDefault(name, Map.of()).keySet().stream().map(String::valueOf)
                                .sorted().toList());
                assertThat(listed.values()).allSatisfy(text -> assertThat(text).isNotBlank());
            })));
        }
        documented.forEach((name, codes) -> new TreeSet<>(codes.keySet()).forEach(code ->
                tests.add(dynamicTest(name + " exits " + code, () -> {
                    Run run = codes.get(code).get();
                    assertThat(run.exit()).as(name + " " + run.args()).isEqualTo(code);
                }))));
        return tests.stream();
    }

    private static void collect(CommandLine command, Map<String, CommandLine> into) {
        into.put(command.getCommandSpec().qualifiedName(), command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
