package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProjectProfile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * No command destroys what it was given: an output that names one of the command's inputs is
 * refused before anything is written (GOV-0027), an output that cannot be written is the user's
 * error (GOV-0028, exit 1), and a paper that fails half-way leaves an existing file as it was.
 */
class OutputSafetyTest {
    private static final Path SAMPLES = Path.of("..", "examples", "projects");
    private static final Path OVERLAY = Path.of("..", "examples", "overlays", "example-ministry-overlay.yaml");

    @TempDir
    Path tmp;

    /** Every file under the folder with its bytes: what a command must leave as it was. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tmp)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                files.put(tmp.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).as("files (a temporary file left behind would show here)").isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    private Path copy(Path sample, String name) throws IOException {
        return Files.copy(sample, tmp.resolve(name));
    }

    /** A definition set on disk: the shipped v2.0 manifest and sheets. */
    private Path definitionSet() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("defs"));
        for (String name : List.of("definition-set.yaml", "risk-assessment.yaml", "procurement-checklist.yaml",
                "contract-checklist.yaml", "board-report.yaml", "obligations.yaml", "questionnaire.yaml")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("ds920/v2.0/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return dir.resolve("definition-set.yaml");
    }

    /** A way to name one of the command's inputs as its output, and the arguments that do it. */
    record Collision(String name, Collider args) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Collider {
        String[] args(OutputSafetyTest t) throws IOException;
    }

    static Stream<Collision> collisions() {
        return Stream.of(
                new Collision("assess --out the profile", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    return new String[] {"assess", p.toString(), "--out", p.toString()};
                }),
                new Collision("assess --out the profile through a link", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path link = Files.createSymbolicLink(t.tmp.resolve("report.txt"), p);
                    return new String[] {"assess", p.toString(), "--format", "html", "--out", link.toString()};
                }),
                new Collision("assess --out the profile through ..", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Files.createDirectory(t.tmp.resolve("sub"));
                    return new String[] {"assess", p.toString(), "--format", "xlsx", "--out",
                            t.tmp.resolve("sub/../p.yaml").toString()};
                }),
                new Collision("assess --out a hard link to the profile", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path hard = Files.createLink(t.tmp.resolve("hard.md"), p);
                    return new String[] {"assess", p.toString(), "--format", "markdown", "--out", hard.toString()};
                }),
                new Collision("assess --out the overlay", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path o = t.copy(OVERLAY, "o.yaml");
                    return new String[] {"assess", p.toString(), "--overlay", o.toString(), "--format", "json", "--out",
                            o.toString()};
                }),
                new Collision("assess --out the audit log", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path log = t.tmp.resolve("audit.jsonl");
                    Governance.auditLog(log).append(Governance.builder().build().assess(Governance.readProfile(p)),
                            java.util.Set.of());
                    return new String[] {"assess", p.toString(), "--audit-log", log.toString(), "--format", "json",
                            "--out", log.toString()};
                }),
                new Collision("assess --out an audit log not written yet", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path log = t.tmp.resolve("audit.jsonl");
                    return new String[] {"assess", p.toString(), "--audit-log", log.toString(), "--out",
                            t.tmp.resolve(".").resolve("audit.jsonl").toString()};
                }),
                new Collision("assess --out the definition set", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path set = t.definitionSet();
                    return new String[] {"assess", p.toString(), "--definitions", set.toString(), "--out", set.toString()};
                }),
                new Collision("assess --out a sheet of the definition set", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    Path set = t.definitionSet();
                    return new String[] {"assess", p.toString(), "--definitions", set.toString(), "--format", "html",
                            "--out", set.resolveSibling("procurement-checklist.yaml").toString()};
                }),
                new Collision("board-report --out the profile", t -> {
                    Path p = t.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
                    return new String[] {"board-report", p.toString(), "--out", p.toString()};
                }),
                new Collision("assess-batch --out its JSON Lines input", t -> {
                    Path in = Files.writeString(t.tmp.resolve("inventory.jsonl"), "{}\n");
                    return new String[] {"assess-batch", in.toString(), "--out", in.toString()};
                }),
                new Collision("assess-batch --out a profile in its input folder", t -> {
                    Path dir = Files.createDirectory(t.tmp.resolve("inventory"));
                    Files.copy(SAMPLES.resolve("tax-notice-drafting.yaml"), dir.resolve("a.yaml"));
                    Files.copy(SAMPLES.resolve("seabis-help-chat.yaml"), dir.resolve("b.yaml"));
                    return new String[] {"assess-batch", dir.toString(), "--out", dir.resolve("b.yaml").toString()};
                }),
                new Collision("assess-batch whose rejects file would be its input", t -> {
                    Path in = Files.writeString(t.tmp.resolve("decisions.rejects.jsonl"), "{}\n");
                    return new String[] {"assess-batch", in.toString(), "--out", t.tmp.resolve("decisions.jsonl").toString()};
                }),
                new Collision("assess-batch --out its overlay", t -> {
                    Path in = Files.writeString(t.tmp.resolve("inventory.jsonl"), "{}\n");
                    Path o = t.copy(OVERLAY, "o.yaml");
                    return new String[] {"assess-batch", in.toString(), "--overlay", o.toString(), "--out", o.toString()};
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collisions")
    void anOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten(Collision c) throws IOException {
        String[] args = c.args().args(this);
        Map<String, byte[]> before = snapshot();

        CliRun run = CliRun.of(concat(args, "--lang", "en"));

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                .contains("GOV-0027", "is a file this command reads", "name another file for the output");
        assertThat(run.out()).isEmpty();
        assertSame(before, snapshot());
    }

    @Test
    void theRefusalIsInJapaneseToo() throws IOException {
        Path p = copy(SAMPLES.resolve("tax-notice-drafting.yaml"), "p.yaml");
        CliRun run = CliRun.of("assess", p.toString(), "--out", p.toString(), "--lang", "ja");
        assertThat(run.err()).contains(p + " (--out): GOV-0027 出力先がこのコマンドの入力ファイル（PROFILE.yaml " + p + "）と同じです");
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The commands, recursively. */
    private static List<CommandLine> commands(CommandLine line) {
        List<CommandLine> all = new ArrayList<>(List.of(line));
        line.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    @Test
    void everyFileOptionOfEveryCommandIsAnInputUnlessItIsAnOutput() throws ReflectiveOperationException {
        int checked = 0;
        for (CommandLine line : commands(new CommandLine(new GovernanceCli()))) {
            if (!(line.getCommand() instanceof GovernanceCommand command)) {
                continue;
            }
            List<Path> expected = new ArrayList<>();
            for (ArgSpec arg : line.getCommandSpec().args()) {
                boolean output = arg.userObject() instanceof Field f && f.isAnnotationPresent(Output.class);
                if (arg instanceof OptionSpec o && o.longestName().equals("--out")) {
                    assertThat(output).as(line.getCommandName() + " --out is marked @Output").isTrue();
                }
                boolean file = arg.type() == Path.class || arg.auxiliaryTypes()[0] == Path.class;
                if (!file || output) {
                    continue;
                }
                Path value = Path.of("read-by-" + line.getCommandName() + "-" + arg.paramLabel());
                arg.setValue(arg.type() == Path.class ? value : new ArrayList<>(List.of(value)));
                expected.add(value);
                checked++;
            }
            assertThat(command.inputs().keySet()).as(line.getCommandName()).containsAll(expected);
        }
        // profile (assess, board-report, diff), overlays and definitions, batch input, audit log, audit files, case dir
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    static Stream<Arguments> unwritable() {
        Function<Path, String[]> assess = out -> new String[] {"assess", SAMPLES.resolve("seabis-help-chat.yaml").toString(),
                "--out", out.toString()};
        Function<Path, String[]> xlsx = out -> new String[] {"assess", SAMPLES.resolve("seabis-help-chat.yaml").toString(),
                "--format", "xlsx", "--out", out.toString()};
        Function<Path, String[]> board = out -> new String[] {"board-report",
                SAMPLES.resolve("tax-notice-drafting.yaml").toString(), "--out", out.toString()};
        Function<Path, String[]> batch = out -> new String[] {"assess-batch", SAMPLES.toString(), "--out", out.toString()};
        return Stream.of(assess, xlsx, board, batch).flatMap(command -> Stream.of(
                Arguments.of("a missing folder", command),
                Arguments.of("a folder", command),
                Arguments.of("a file as its folder", command)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unwritable")
    void anOutputThatCannotBeWrittenIsTheUsersErrorNamingThePath(String where, Function<Path, String[]> command)
            throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "kept");
        Path out = switch (where) {
            case "a missing folder" -> tmp.resolve("missing").resolve("report.out");
            case "a folder" -> tmp;
            default -> tmp.resolve("notes.txt").resolve("report.out");
        };
        Map<String, byte[]> before = snapshot();

        CliRun run = CliRun.of(concat(command.apply(out), "--lang", "en"));

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        String expected = switch (where) {
            case "a missing folder" -> "the folder " + tmp.resolve("missing") + " does not exist — create the folder first (mkdir -p";
            case "a folder" -> "the output " + tmp + " is a folder — name a file inside the folder";
            default -> tmp.resolve("notes.txt") + " is a file, not a folder";
        };
        assertThat(run.errLines()).as(run.toString()).singleElement().asString()
                .startsWith(out + " (--out): GOV-0028 ").contains(expected);
        assertSame(before, snapshot());
    }

    @Test
    void aReadOnlyFileOrFolderIsRefusedWhenTheUserCannotWriteIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("report.txt"), "kept");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Path folder = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun onFile = CliRun.of("assess", SAMPLES.resolve("seabis-help-chat.yaml").toString(), "--out", file.toString(),
                    "--lang", "en");
            CliRun inFolder = CliRun.of("assess", SAMPLES.resolve("seabis-help-chat.yaml").toString(), "--out",
                    folder.resolve("report.txt").toString(), "--lang", "en");
            if (!Files.isWritable(file)) {
                assertThat(onFile.exit()).isEqualTo(1);
                assertThat(onFile.err()).contains("GOV-0028", "the file " + file + " exists and cannot be written");
                assertThat(Files.readString(file)).isEqualTo("kept");
                assertThat(inFolder.exit()).isEqualTo(1);
                assertThat(inFolder.err()).contains("GOV-0028", "the folder " + folder + " cannot be written");
            } else {
                // The superuser may write a read-only file: then the paper replaces it, whole.
                assertThat(onFile.exit()).as(onFile.toString()).isZero();
                assertThat(Files.readString(file)).contains("SEABIS");
                assertThat(inFolder.exit()).as(inFolder.toString()).isZero();
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDiskThatFillsIsTheUsersErrorNotAnInternalOne() {
        // /dev/full answers every write with "No space left on device".
        CliRun run = CliRun.of("assess", SAMPLES.resolve("seabis-help-chat.yaml").toString(), "--format", "json",
                "--out", "/dev/full", "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("/dev/full (--out): GOV-0028 the output could not be written (No space left on device)");
    }

    static Stream<Arguments> papers() {
        return Stream.of(
                Arguments.of("text", new String[] {"assess", "--format", "text"}),
                Arguments.of("html", new String[] {"assess", "--format", "html"}),
                Arguments.of("markdown", new String[] {"assess", "--format", "markdown"}),
                Arguments.of("xlsx", new String[] {"assess", "--format", "xlsx"}),
                Arguments.of("board report", new String[] {"board-report", "--format", "markdown"}),
                Arguments.of("board report html", new String[] {"board-report", "--format", "html"}));
    }

    /**
     * The paper fails half-way (its engine's texts fail after the first few): the file already there
     * is byte for byte what it was, and no temporary file is left. The xlsx was truncated before.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("papers")
    void aPaperThatFailsLeavesTheFileThereAsItWas(String name, String[] command) throws IOException {
        Path out = Files.write(tmp.resolve("paper.out"), "the paper filed last week\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> before = snapshot();
        String[] args = {command[0], SAMPLES.resolve("tax-notice-drafting.yaml").toString(), command[1], command[2],
                "--out", out.toString(), "--lang", "en"};

        CliRun run = CliRun.of(new GovernanceCli(spec -> failingAfter(5, Governance.builder().build())), args);

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("internal error", "the paper failed");
        assertSame(before, snapshot());
    }

    /** The batch fails at its 4th profile: the decisions and rejects files already there stay as they were. */
    @Test
    void aBatchThatFailsLeavesItsFilesAsTheyWere() throws IOException {
        Path out = Files.writeString(tmp.resolve("decisions.jsonl"), "{\"decided\":\"last week\"}\n");
        Files.writeString(tmp.resolve("decisions.rejects.jsonl"), "{\"source\":\"last week\"}\n");
        Map<String, byte[]> before = snapshot();
        GovernanceEngine real = Governance.builder().build();
        AtomicInteger assessed = new AtomicInteger();
        GovernanceEngine failing = new Delegate(real) {
            @Override
            public Decision assess(ProjectProfile profile) {
                if (assessed.incrementAndGet() == 4) {
                    throw new IllegalStateException("the paper failed");
                }
                return real.assess(profile);
            }
        };

        CliRun run = CliRun.of(new GovernanceCli(spec -> failing), "assess-batch", SAMPLES.toString(), "--out",
                out.toString(), "--threads", "1", "--lang", "en");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertSame(before, snapshot());
    }

    /** An engine whose texts fail after {@code n} have been rendered. */
    private static GovernanceEngine failingAfter(int n, GovernanceEngine real) {
        AtomicInteger rendered = new AtomicInteger();
        return new Delegate(real) {
            @Override
            public String render(Message message, Locale locale) {
                if (rendered.incrementAndGet() > n) {
                    throw new IllegalStateException("the paper failed");
                }
                return real.render(message, locale);
            }
        };
    }

    private static class Delegate implements GovernanceEngine {
        private final GovernanceEngine real;

        Delegate(GovernanceEngine real) {
            this.real = real;
        }

        @Override
        public Decision assess(ProjectProfile profile) {
            return real.assess(profile);
        }

        @Override
        public DefinitionsRef definitions() {
            return real.definitions();
        }

        @Override
        public DefinitionCatalog catalog() {
            return real.catalog();
        }

        @Override
        public String render(Message message, Locale locale) {
            return real.render(message, locale);
        }

        @Override
        public List<Problem> warnings() {
            return real.warnings();
        }
    }
}
