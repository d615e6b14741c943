package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.GovernanceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFile}: a paper replaces a file only when it is complete, and nothing is left behind. */
class OutputFileTest {
    private static final byte[] RECORDED = "what was recorded before\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** Every file in the folder, by name: a temporary file left behind would show here. */
    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPaperThatFailsHalfWayLeavesTheFileAsItWasAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("report.html");
        Files.write(target, RECORDED);
        OutputFile out = OutputFile.check(target, "--out", Map.of());

        for (RuntimeException failure : List.of(new IllegalStateException("the report threw"),
                new UncheckedIOException(new IOException("the writer failed")))) {
            assertThatThrownBy(() -> out.write(stream -> {
                stream.write("<html>half a report".getBytes(StandardCharsets.UTF_8));
                stream.flush();
                throw failure;
            })).isSameAs(failure);
            assertThat(Files.readAllBytes(target)).isEqualTo(RECORDED);
            assertThat(names()).containsExactly("report.html");
        }
    }

    @Test
    void aWriteThatFailsIsTheUsersProblemNamingTheReasonAndTheFileStays() throws IOException {
        Path target = dir.resolve("decisions.jsonl");
        Files.write(target, RECORDED);
        OutputFile out = OutputFile.check(target, "--out", Map.of());
        assertThatThrownBy(() -> out.write(stream -> {
            stream.write('x');
            throw new IOException("No space left on device");
        })).isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0028");
            assertThat(p.location().file()).isEqualTo(target.toString());
            assertThat(p.message().args()).containsExactly("No space left on device");
        }));
        assertThat(Files.readAllBytes(target)).isEqualTo(RECORDED);
        assertThat(names()).containsExactly("decisions.jsonl");
    }

    @Test
    void aCompletePaperReplacesTheFileAndKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("report.md");
        Files.write(target, RECORDED);
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, chosen);
        OutputFile.check(target, "--out", Map.of()).writeText("# 仕様書\n");
        assertThat(Files.readString(target)).isEqualTo("# 仕様書\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(chosen);
        assertThat(names()).containsExactly("report.md");
    }

    @Test
    void aNewFileIsAsReadableAsAnyNewFileInItsFolder() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path target = dir.resolve("new.html");
        OutputFile.check(target, "--out", Map.of()).writeText("<p>");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void anOwnerOnlyFileIsBornPrivateAndStaysSoWhenItReplacesAReadableOne() throws IOException {
        Path fresh = dir.resolve("signing.key");
        OutputFile.check(fresh, "--out", Map.of()).ownerOnly().writeText("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        Path readable = Files.write(dir.resolve("old.key"), RECORDED);
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        OutputFile.check(readable, "--out", Map.of()).ownerOnly().writeText("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readable))).isEqualTo("rw-------");
    }

    @Test
    void aLinkLoopOrADotDotAfterALinkIsResolvedAsTheFileSystemWouldResolveIt() throws IOException {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThat(OutputFile.real(a)).isNotNull(); // a loop ends, it does not overflow the stack
        // elsewhere/inner is reached through a link: "link/../p.yaml" is elsewhere/p.yaml, not ./p.yaml
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/inner"));
        Path profile = Files.write(dir.resolve("elsewhere/p.yaml"), RECORDED);
        Files.write(dir.resolve("p.yaml"), RECORDED);
        Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        Path named = link.resolve("..").resolve("p.yaml");
        assertThat(OutputFile.real(named)).isEqualTo(profile.toRealPath());
        assertThatThrownBy(() -> OutputFile.check(named, "--out", Map.of(profile, "PROFILE.yaml")))
                .isInstanceOf(GovernanceException.class);
    }

    @Test
    void aLinkIsWrittenThroughNotReplaced() throws IOException {
        Path real = Files.createDirectory(dir.resolve("papers")).resolve("report.txt");
        Files.write(real, RECORDED);
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), real);
        OutputFile.check(link, "--out", Map.of()).writeText("new\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
    }

    @Test
    void aPaperNotCommittedIsDeletedWhenClosed() throws IOException {
        Path target = dir.resolve("decisions.jsonl");
        Files.write(target, RECORDED);
        try (OutputFile.Writing w = OutputFile.check(target, "--out", Map.of()).open()) {
            w.stream().write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
            assertThat(names()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith(".decisions.jsonl.").endsWith(".tmp"));
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(RECORDED);
        assertThat(names()).containsExactly("decisions.jsonl");
    }

    @Test
    void theInputsAreComparedByRealPath() throws IOException {
        Path profile = Files.write(Files.createDirectory(dir.resolve("in")).resolve("profile.yaml"), RECORDED);
        Path viaDots = dir.resolve("in").resolve("..").resolve("in").resolve("profile.yaml");
        Path viaLink = Files.createSymbolicLink(dir.resolve("link.yaml"), profile);
        Path hardLink = Files.createLink(dir.resolve("hard.yaml"), profile);
        Path relative = Path.of("").toAbsolutePath().relativize(profile);
        for (Path named : List.of(profile, viaDots, viaLink, hardLink, relative)) {
            assertThatThrownBy(() -> OutputFile.check(named, "--out", Map.of(profile, "PROFILE.yaml")))
                    .as(named.toString()).isInstanceOfSatisfying(GovernanceException.class, e ->
                            assertThat(e.problems()).singleElement().satisfies(p -> {
                                assertThat(p.code().id()).isEqualTo("GOV-0027");
                                assertThat(p.message().args()).containsExactly("PROFILE.yaml", profile.toString());
                            }));
        }
        // An input that does not exist yet (an audit log written first by the command) is compared too.
        Path log = dir.resolve("audit.jsonl");
        assertThatThrownBy(() -> OutputFile.check(dir.resolve("in/../audit.jsonl"), "--out", Map.of(log, "--audit-log")))
                .isInstanceOf(GovernanceException.class);
        assertThat(Files.exists(log)).isFalse();
    }
}
