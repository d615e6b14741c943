package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch survives its worst line: a line or file that is not UTF-8, over the size limit, or not a
 * regular file is one rejected profile with its file and line, and the batch goes on. Every rejected
 * profile is in the rejects file; the first go to stderr.
 */
class HostileInventoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 1 << 20;

    @TempDir
    Path tmp;

    private static String profile(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"organisation\":\"Org\",\"description\":\"\","
                + "\"scope\":{\"textGeneration\":true,\"specifiedSecrets\":false},"
                + "\"model\":{\"name\":\"m\",\"vendor\":\"v\"},"
                + "\"procurement\":{\"form\":\"SAAS_API\",\"vendorTrainsModel\":false},"
                + "\"axes\":{\"users\":\"PUBLIC\",\"work\":\"INTERNAL_SUPPORT\",\"data\":\"PUBLIC_ONLY\",\"judgement\":\"NONE\"}}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ids(Path decisions) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(decisions)) {
            ids.add(JSON.readTree(line).path("profile").path("id").asText());
        }
        return ids;
    }

    private static List<JsonNode> rejects(Path file) throws IOException {
        List<JsonNode> rejects = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rejects.add(JSON.readTree(line));
        }
        return rejects;
    }

    @Test
    void aJsonLinesInventoryOfGoodAndHostileLinesIsAssessedLineByLine() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(utf8(profile("good-1", "One") + "\n"));                          // 1
        in.write(utf8("\n"));                                                     // 2: blank, skipped
        in.write(utf8("{\"id\":\"latin-1\",\"name\":\"caf"));                     // 3: not UTF-8
        in.write(0xE9);
        in.write(utf8("\"}\n"));
        in.write(utf8("{\"id\":\"long\",\"description\":\"" + "x".repeat(2 * LIMIT) + "\"}\n")); // 4: 2 MiB
        in.write(utf8(profile("good-5", "Five") + "\r\n"));                       // 5: a Windows line end
        in.write(utf8("{\"id\": \"broken\"\n"));                                  // 6: not JSON
        in.write(utf8(profile("good-7", "Seven \\u001b[31m\\u202e") + "\n"));     // 7: controls, escaped in JSON
        in.write(utf8(profile("good-8", "Eight")));                               // 8: no line end at all
        Path inventory = Files.write(tmp.resolve("inventory.jsonl"), in.toByteArray());
        Path out = tmp.resolve("decisions.jsonl");

        CliRun run = CliRun.of("assess-batch", inventory.toString(), "--out", out.toString(), "--threads", "2",
                "--lang", "en");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(ids(out)).containsExactly("good-1", "good-5", "good-7", "good-8");
        List<JsonNode> rejects = rejects(tmp.resolve("decisions.rejects.jsonl"));
        assertThat(rejects).extracting(r -> r.path("line").asInt()).containsExactly(3, 4, 6);
        assertThat(rejects).allSatisfy(r -> assertThat(r.path("source").asText()).isEqualTo(inventory.toString()));
        JsonNode encoding = rejects.get(0).path("problems").get(0);
        assertThat(encoding.path("code").asText()).isEqualTo("GOV-0001");
        assertThat(encoding.path("line").asInt()).isEqualTo(3);
        assertThat(encoding.path("column").asInt()).isEqualTo(28);
        assertThat(encoding.path("messageKey").asText()).isEqualTo("problem.file.encoding.byte");
        assertThat(encoding.path("message").asText()).isEqualTo(
                "the file is not valid UTF-8: the byte 0xE9 here is not part of a UTF-8 character");
        assertThat(encoding.path("hintKey").asText()).isEqualTo("hint.file.encoding");
        JsonNode size = rejects.get(1).path("problems").get(0);
        assertThat(size.path("code").asText()).isEqualTo("GOV-0010");
        assertThat(size.path("messageArgs").get(1).asText()).isEqualTo(String.valueOf(LIMIT));
        assertThat(size.path("messageArgs").get(0).asLong()).isGreaterThan(2L * LIMIT);
        assertThat(rejects.get(2).path("problems").get(0).path("code").asText()).isEqualTo("GOV-0001");
        assertThat(run.err()).contains(inventory + ":3:28: GOV-0001", inventory + ":4: GOV-0010", inventory + ":6:");
        assertThat(run.out()).contains("Assessed 7 profiles", "4 decisions written", "3 rejected",
                "Every rejected profile (3), with its problems: " + tmp.resolve("decisions.rejects.jsonl"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a pipe opened for reading would block the batch for ever
    void aFolderOfGoodAndHostileFilesIsAssessedFileByFile() throws IOException, InterruptedException {
        Path dir = Files.createDirectory(tmp.resolve("inventory"));
        Files.writeString(dir.resolve("a.yaml"), yaml("a-good"));
        byte[] latin1 = utf8(yaml("b-latin1").replace("name: a project", "name: caf?"));
        latin1[new String(latin1, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xE9; // é in Latin-1
        Files.write(dir.resolve("b.yaml"), latin1);
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("c.yaml").toFile(), "rw")) {
            huge.setLength(3L << 30); // 3 GB, sparse
        }
        Files.writeString(Files.createDirectory(dir.resolve("d.yaml")).resolve("e.yaml"), yaml("e-in-a-folder"));
        Process fifo = new ProcessBuilder("mkfifo", dir.resolve("f.yaml").toString()).start();
        assertThat(fifo.waitFor()).isZero();
        Files.createSymbolicLink(dir.resolve("g.yaml"), Path.of("/dev/zero"));
        Files.writeString(dir.resolve("h.yml"), yaml("h-good"));
        Files.createSymbolicLink(dir.resolve("i.yaml"), dir.resolve("nowhere.yaml"));
        Files.writeString(dir.resolve("notes.txt"), "not a profile: not read");
        Path out = tmp.resolve("decisions.jsonl");

        CliRun run = CliRun.of("assess-batch", dir.toString(), "--out", out.toString(), "--lang", "en");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(ids(out)).containsExactly("a-good", "e-in-a-folder", "h-good");
        List<JsonNode> rejects = rejects(tmp.resolve("decisions.rejects.jsonl"));
        assertThat(rejects).extracting(r -> Path.of(r.path("source").asText()).getFileName().toString())
                .containsExactly("b.yaml", "c.yaml", "d.yaml", "f.yaml", "g.yaml", "i.yaml");
        assertThat(rejects).allSatisfy(r -> assertThat(r.path("line").isNull()).isTrue());
        assertThat(rejects).extracting(r -> r.path("problems").get(0).path("code").asText() + " "
                        + r.path("problems").get(0).path("messageKey").asText())
                .containsExactly("GOV-0001 problem.file.encoding.byte", "GOV-0010 problem.limit.size",
                        "GOV-0009 cli.problem.not-regular", "GOV-0009 cli.problem.not-regular",
                        "GOV-0009 cli.problem.not-regular", "GOV-0009 cli.problem.not-regular");
        assertThat(rejects.get(0).path("problems").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(rejects.get(0).path("problems").get(0).path("column").asInt()).isEqualTo(10);
        assertThat(run.err()).contains(dir.resolve("f.yaml") + ": GOV-0009 not a regular file");
    }

    private static String yaml(String id) {
        return "id: " + id + "\nname: a project\norganisation: Org\nscope: {textGeneration: true, specifiedSecrets: false}\n"
                + "model: {name: m, vendor: v}\nprocurement: {form: SAAS_API, vendorTrainsModel: false}\n"
                + "axes: {users: PUBLIC, work: INTERNAL_SUPPORT, data: PUBLIC_ONLY, judgement: NONE}\n";
    }

    @Test
    void everyRejectedProfileIsNamedInTheRejectsFileNotOnlyTheFirstOnTheTerminal() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            in.append(i % 2 == 0 ? profile("p" + i, "P") : "{\"id\": \"broken-" + i + "\"").append('\n');
        }
        Path inventory = Files.writeString(tmp.resolve("inventory.jsonl"), in);
        Path out = tmp.resolve("decisions.jsonl");

        CliRun run = CliRun.of("assess-batch", inventory.toString(), "--out", out.toString(), "--lang", "ja");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(Files.readAllLines(out)).hasSize(30);
        List<JsonNode> rejects = rejects(tmp.resolve("decisions.rejects.jsonl"));
        assertThat(rejects).extracting(r -> r.path("line").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 60).filter(i -> i % 2 == 1).boxed().toList());
        assertThat(rejects.get(0).path("problems").get(0).path("hint").asText()).contains("インデント");
        assertThat(run.errLines()).filteredOn(l -> l.contains("GOV-0001")).hasSize(20);
        assertThat(run.err()).contains("残りは却下ファイルにあります");
    }

    @Test
    void aBatchWithoutRejectsLeavesAnEmptyRejectsFileSoNoStaleOneRemains() throws IOException {
        Path out = tmp.resolve("samples.jsonl");
        Files.writeString(tmp.resolve("samples.rejects.jsonl"), "{\"source\":\"an earlier run\"}\n");
        CliRun run = CliRun.of("assess-batch", Path.of("..", "examples", "projects").toString(), "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readString(tmp.resolve("samples.rejects.jsonl"))).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void threadsMustBeOneOrMore() {
        for (String n : List.of("0", "-3")) {
            CliRun run = CliRun.of("assess-batch", Path.of("..", "examples", "projects").toString(), "--out", tmp.resolve("d.jsonl").toString(), "--threads", n,
                    "--lang", "en");
            assertThat(run.exit()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("--threads must be 1 or more, not " + n);
            assertThat(tmp.resolve("d.jsonl")).doesNotExist();
        }
    }

    /**
     * End to end in a JVM of 512 MB: a JSON Lines line of a gigabyte (a sparse file, so it costs no
     * disk) is skipped without being held, and {@code assess} answers GOV-0010 for a 3 GB file and
     * for {@code /dev/zero} — where reading whole ran out of memory before.
     */
    @Test
    void underHalfAGigabyteOfHeapAGigabyteLineAndAThreeGigabyteFileAreRefused() throws Exception {
        Path inventory = tmp.resolve("inventory.jsonl");
        long gigabyte = 1L << 30;
        try (RandomAccessFile f = new RandomAccessFile(inventory.toFile(), "rw")) {
            f.write(utf8(profile("first", "First") + "\n"));
            f.seek(f.getFilePointer() + gigabyte); // a line of a gigabyte of NUL bytes, never written to disk
            f.write(utf8("\n" + profile("after", "After") + "\n"));
            f.write(new byte[] {'{', (byte) 0xFF, '}', '\n'});
        }
        Path out = tmp.resolve("decisions.jsonl");
        Forked batch = fork("assess-batch", inventory.toString(), "--out", out.toString(), "--threads", "2", "--lang", "en");
        assertThat(batch.exit()).as(batch.toString()).isEqualTo(1);
        assertThat(ids(out)).containsExactly("first", "after");
        List<JsonNode> rejects = rejects(tmp.resolve("decisions.rejects.jsonl"));
        assertThat(rejects).extracting(r -> r.path("line").asInt()).containsExactly(2, 4);
        assertThat(rejects.get(0).path("problems").get(0).path("messageArgs").get(0).asLong()).isEqualTo(gigabyte);
        assertThat(batch.err()).doesNotContain("Exception", "Error:");

        Path huge = tmp.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        for (String file : List.of(huge.toString(), "/dev/zero")) {
            Forked assess = fork("assess", file, "--lang", "en");
            assertThat(assess.exit()).as(assess.toString()).isEqualTo(1);
            assertThat(assess.err().strip()).startsWith(file + ": GOV-0010 ").doesNotContain("Exception", "\n");
        }
    }

    private record Forked(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    /** The command line in a JVM of its own, with a heap of 512 MB. */
    private Forked fork(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                GovernanceCli.class.getName()));
        command.addAll(List.of(args));
        Path stdout = tmp.resolve("fork.out");
        Path stderr = tmp.resolve("fork.err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the forked command did not finish");
        }
        return new Forked(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
