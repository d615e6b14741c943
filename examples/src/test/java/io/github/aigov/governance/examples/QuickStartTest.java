package io.github.aigov.governance.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start as a newcomer follows it: its dependency block is the library's own
 * coordinates; every Java block compiles exactly as written, against an application's class path
 * (the API and the papers; the engine and {@code slf4j-simple} at run time, nothing of the command
 * line's); and each one, and the embedding example, run as a plain {@code main} in a JVM of their own
 * with no logging configured, print nothing but their own output: no line from Drools, Hibernate
 * Validator, Apache POI, the Log4j API or SLF4J.
 */
class QuickStartTest {
    private static final Path README = Path.of("../README.md");
    /** Written by the build (maven-dependency-plugin): an application's class paths. */
    private static final Path COMPILE_CLASSPATH = Path.of("target/application-compile.classpath");
    private static final Path RUNTIME_CLASSPATH = Path.of("target/application-runtime.classpath");

    private static List<Block> blocks;

    @TempDir
    static Path dir;

    /** A fenced block of the README: its language and text, and the line it starts on. */
    record Block(String language, String text, int line) {
    }

    @BeforeAll
    static void readTheReadme() throws IOException {
        blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && lines.get(i).length() > 3) {
                int start = i;
                StringBuilder text = new StringBuilder();
                for (i++; !lines.get(i).equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(lines.get(start).substring(3).trim(), text.toString(), start + 1));
            }
        }
    }

    @Test
    void theDependenciesAreTheLibrarysOwnWithAnSlf4jProvider() throws IOException {
        List<Block> xml = blocks.stream().filter(b -> b.language().equals("xml")).toList();
        assertThat(xml).hasSize(1);
        Map<String, String> declared = dependencies(xml.get(0).text(), true);
        String version = System.getProperty("governance.version");
        assertThat(declared).containsExactly(
                Map.entry("io.github.aigov:governance-api:" + version, "compile"),
                Map.entry("io.github.aigov:governance-rules:" + version, "runtime"),
                Map.entry("io.github.aigov:governance-reports:" + version, "compile"),
                Map.entry("org.slf4j:slf4j-simple:" + System.getProperty("slf4j.version"), "runtime"));
        // The class paths this test compiles and runs with come from this module's own declarations: the same ones.
        Map<String, String> here = dependencies(Files.readString(Path.of("pom.xml")), false);
        declared.forEach((coordinates, scope) -> {
            String name = coordinates.substring(0, coordinates.lastIndexOf(':'));
            assertThat(here).as(name + " in examples/pom.xml").containsEntry(name, scope);
        });
        assertThat(blocks).as("the quick start says to install the library first")
                .anyMatch(b -> b.language().equals("sh") && b.text().startsWith("mvn -B install"));
    }

    @Test
    void everyJavaBlockCompilesAsWrittenAndPrintsOnlyItsOwnOutput() throws Exception {
        List<Block> java = blocks.stream().filter(b -> b.language().equals("java")).toList();
        assertThat(java).hasSizeGreaterThanOrEqualTo(2);
        Path sources = Files.createDirectories(dir.resolve("readme-src"));
        List<String> classes = new ArrayList<>();
        for (Block b : java) {
            Matcher m = Pattern.compile("(?m)^public class (\\w+)").matcher(b.text());
            assertThat(m.find()).as("README line " + b.line() + ": a complete class, as a newcomer pastes it").isTrue();
            classes.add(m.group(1));
            Files.writeString(sources.resolve(m.group(1) + ".java"), b.text());
        }
        Path compiled = compile(sources);

        Path work = projectDirectory("readme");
        Run assess = run(work, classpath(compiled), "Assess");
        assertThat(assess.stderr()).as("stderr").isEmpty();
        List<String> out = assess.stdout().lines().toList();
        assertThat(out.subList(0, 2)).containsExactly("HIGH", "true");
        int json = out.indexOf("{");
        assertThat(json).as("the JSON record follows the items").isGreaterThan(2);
        List<String> lines = out.subList(2, json);
        List<String> items = lines.stream().filter(l -> !l.startsWith("DUTY-")).toList();
        List<String> duties = lines.subList(items.size(), lines.size());
        assertThat(items).as("the required items, then the duties").hasSize(27).allSatisfy(item -> assertThat(item)
                .as("an item line: id, Japanese title — English reason").matches("(PROC|CONT|BOARD)-[A-Z0-9-]+ \\S.* — \\S.*"));
        assertThat(duties).as("a duty line: id, who acts, when").hasSize(7)
                .allSatisfy(duty -> assertThat(duty).matches("DUTY-[A-Z0-9-]+ \\[[A-Z_, ]+\\] [A-Z_]+"));
        JsonNode record = new ObjectMapper().readTree(String.join("\n", out.subList(json, out.size())));
        assertThat(record.get("classification").asText()).isEqualTo("HIGH");
        assertThat(record.get("trace").size()).isGreaterThan(10);

        assertThat(classes).contains("WritePapers");
        Run papers = run(work, classpath(compiled), "WritePapers");
        assertThat(papers.stderr()).as("stderr").isEmpty();
        assertThat(papers.stdout()).isEqualTo("report.html clauses.md checklists.xlsx board-report.md\n");
        assertThat(Files.readString(work.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("高リスク");
        assertThat(Files.readString(work.resolve("clauses.md"))).contains("受注者は");
        assertThat(Files.readString(work.resolve("board-report.md"))).contains("【記入してください");
        byte[] xlsx = Files.readAllBytes(work.resolve("checklists.xlsx"));
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).as("a zip, as xlsx files are").isEqualTo("PK");
    }

    @Test
    void theEmbeddingExamplePrintsOnlyItsOwnOutput() throws Exception {
        // Its class alone, not this module's class path (which holds the command line's logging settings).
        Path classes = dir.resolve("embedding-classes");
        Path pkg = Path.of("io/github/aigov/governance/examples");
        Files.createDirectories(classes.resolve(pkg));
        try (Stream<Path> files = Files.list(Path.of("target/classes").resolve(pkg))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("EmbeddingExample")).toList()) {
                Files.copy(f, classes.resolve(pkg).resolve(f.getFileName()));
            }
        }
        Run run = run(projectDirectory("embedding"), classpath(classes), EmbeddingExample.class.getName());
        assertThat(run.stderr()).as("stderr").isEmpty();
        List<String> out = run.stdout().lines().toList();
        assertThat(out.get(0)).startsWith("Classification: HIGH [COMB-TWO-OR-MORE-HIGH] ");
        assertThat(out.subList(1, 3)).containsExactly("Escalation required: yes", "Required items:");
        int duties = out.indexOf("The ministry's duties:");
        assertThat(out.subList(3, duties)).hasSize(27).allMatch(l -> l.matches("  [A-Z]+-[A-Z0-9-]+  \\S.*"));
        assertThat(out.subList(duties + 1, out.size())).hasSize(7)
                .allMatch(l -> l.matches("  DUTY-[A-Z0-9-]+  \\S.*  \\[[A-Z_, ]+\\] [A-Z_]+"));
    }

    @Test
    void anEngineWhoseRulesAreCompiledOnTheSpotPrintsNothingEither() throws Exception {
        // An overlay changes the rules, so the engine compiles them when it is built (Drools' compiler).
        Path sources = Files.createDirectories(dir.resolve("overlay-src"));
        Files.writeString(sources.resolve("WithOverlay.java"), """
                import io.github.aigov.governance.*;
                import java.nio.file.Path;

                public class WithOverlay {
                    public static void main(String[] args) {
                        GovernanceEngine engine = Governance.builder().overlay(Path.of(args[0])).build();
                        System.out.println(engine.assess(Governance.readProfile(Path.of("project.yaml"))).classification());
                    }
                }
                """);
        Path compiled = compile(sources);
        Path overlay = Path.of("overlays/example-ministry-overlay.yaml").toAbsolutePath();
        Run run = run(projectDirectory("overlay"), classpath(compiled), "WithOverlay", overlay.toString());
        assertThat(run.stderr()).as("stderr").isEmpty();
        assertThat(run.stdout()).isEqualTo("HIGH\n");
    }

    /** groupId:artifactId[:version] to scope, in order, of every {@code <dependency>} in the text. */
    private static Map<String, String> dependencies(String xml, boolean withVersion) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            String d = m.group(1);
            String name = tag(d, "groupId") + ":" + tag(d, "artifactId") + (withVersion ? ":" + tag(d, "version") : "");
            String scope = tag(d, "scope");
            found.put(name, scope == null ? "compile" : scope);
        }
        return found;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).trim() : null;
    }

    /** A working directory holding the README's project.yaml. */
    private static Path projectDirectory(String name) throws IOException {
        Path work = Files.createDirectories(dir.resolve(name));
        List<Block> yaml = blocks.stream().filter(b -> b.language().equals("yaml") && b.text().startsWith("# project.yaml"))
                .toList();
        assertThat(yaml).hasSize(1);
        Files.writeString(work.resolve("project.yaml"), yaml.get(0).text());
        return work;
    }

    /** Compiles every file in the directory against an application's compile class path, warnings as errors. */
    private static Path compile(Path sources) throws IOException {
        Path out = Files.createDirectories(sources.resolveSibling(sources.getFileName() + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8);
             Stream<Path> list = Files.list(sources)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", Files.readString(COMPILE_CLASSPATH).trim(),
                    "--release", "17", "-encoding", "UTF-8", "-Xlint:all", "-Werror");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(list.toList())).call();
            List<String> messages = diagnostics.getDiagnostics().stream()
                    .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName())
                            + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH))
                    .toList();
            assertThat(messages).as("compiler messages").isEmpty();
            assertThat(ok).isTrue();
            assertThat(diagnostics.getDiagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
        }
        return out;
    }

    private static String classpath(Path classes) throws IOException {
        return classes + java.io.File.pathSeparator + Files.readString(RUNTIME_CLASSPATH).trim();
    }

    record Run(String stdout, String stderr) {
    }

    /** {@code java -cp CLASSPATH MAIN ARGS} in {@code work}: no option, no logging configuration, a UTF-8 locale. */
    private static Run run(Path work, String classpath, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Path stdout = work.resolve(main + ".out");
        Path stderr = work.resolve(main + ".err");
        Process p = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(main + " finished").isTrue();
        Run run = new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        assertThat(p.exitValue()).as(main + " exit code; stderr: " + run.stderr()).isZero();
        return run;
    }
}
