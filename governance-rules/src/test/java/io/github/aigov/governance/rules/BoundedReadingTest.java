package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file the library reads — profile, overlay, definition manifest and sheet, golden case — is
 * refused with GOV-0010 before it is read whole when it is over the size limit: a 3 GB file by its
 * size, a device such as {@code /dev/zero} after one byte over the limit; never an
 * {@link OutOfMemoryError}. A file that is not UTF-8 is refused at the line and column of its first
 * bad byte.
 */
class BoundedReadingTest {
    private static final long THREE_GB = 3L << 30;

    @TempDir
    Path dir;

    /** A sparse file of 3 GB: nothing on disk, but 3 GB to anyone who reads it whole. */
    private Path sparse(String name) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(THREE_GB);
        }
        return file;
    }

    /** Each loader, reading one file on disk; the problems it refuses the file with. */
    static Stream<Arguments> loaders() {
        Function<Path, List<Problem>> profile = file -> refusal(() -> Governance.readProfile(file));
        Function<Path, List<Problem>> overlay = file -> refusal(() -> Governance.builder().guidelineVersion("2.0")
                .overlay(file).build());
        Function<Path, List<Problem>> manifest = file -> refusal(() -> Governance.builder().definitions(file).build());
        Function<Path, List<Problem>> goldenCase = file -> {
            List<CaseResult> results = Governance.runCases(SharedEngine.v1(), file);
            assertThat(results).hasSize(1);
            return results.get(0).problems();
        };
        return Stream.of(Arguments.of("profile", profile), Arguments.of("overlay", overlay),
                Arguments.of("definition set", manifest), Arguments.of("golden case", goldenCase));
    }

    private static List<Problem> refusal(Runnable load) {
        try {
            load.run();
        } catch (GovernanceException e) {
            return e.problems();
        }
        throw new AssertionError("not refused");
    }

    @ParameterizedTest(name = "a 3 GB {0}")
    @MethodSource("loaders")
    void aThreeGigabyteFileIsRefusedByItsSize(String loader, Function<Path, List<Problem>> read) throws IOException {
        Path big = sparse("big.yaml");
        assertThat(read.apply(big)).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0010");
            assertThat(p.message().key()).isEqualTo("problem.limit.size");
            assertThat(p.message().args()).containsExactly(String.valueOf(THREE_GB), "1048576");
            assertThat(p.location().file()).isEqualTo(big.toString());
            assertThat(Messages.format(p, Locale.ENGLISH)).contains("3221225472 bytes", "limit of 1048576 bytes");
        });
    }

    @ParameterizedTest(name = "/dev/zero as a {0}")
    @MethodSource("loaders")
    void anEndlessDeviceIsReadOnlyUpToTheLimit(String loader, Function<Path, List<Problem>> read) {
        Path zero = Path.of("/dev/zero");
        assertThat(read.apply(zero)).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0010");
            assertThat(p.message().key()).isEqualTo("problem.limit.stream");
            assertThat(p.location().file()).isEqualTo("/dev/zero");
            assertThat(Messages.format(p, Locale.ENGLISH)).contains("past the limit of 1048576 bytes");
            assertThat(Messages.format(p, Locale.JAPANESE)).contains("1048576 バイト");
        });
    }

    @Test
    void aSheetOfADefinitionSetOnDiskIsBoundedToo() throws IOException {
        Path manifest = dir.resolve("definition-set.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ds920/v2.0/definition-set.yaml")) {
            Files.write(manifest, in.readAllBytes());
        }
        Path sheet = sparse("risk-assessment.yaml");
        List<Problem> problems = refusal(() -> Governance.builder().definitions(manifest).build());
        assertThat(problems).filteredOn(p -> p.location().file().equals(sheet.toString())).singleElement()
                .satisfies(p -> assertThat(p.code().id()).isEqualTo("GOV-0010"));
    }

    static Stream<Arguments> notUtf8() {
        return Stream.of(
                // Latin-1 é in a name, Shift_JIS 申請 in a description, a lone continuation byte at the start
                Arguments.of("Latin-1 \u00E9 in a name", new byte[] {'i', 'd', ':', ' ', 'p', '\n', 'n', 'a', 'm', 'e', ':',
                        ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'}, 2, 10, "E9"),
                Arguments.of("description after Japanese", concat("id: p\nname: 給付\ndescription: ".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0x90, (byte) 0x5C, (byte) 0x90, (byte) 0xBF, '\n'}), 3, 14, "90"),
                Arguments.of("first byte", new byte[] {(byte) 0x80, 'i', 'd', ':', ' ', 'p', '\n'}, 1, 1, "80"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void aByteThatIsNotUtf8IsReportedWhereItIs(String name, byte[] bytes, int line, int column, String hex)
            throws IOException {
        Path profile = dir.resolve("profile.yaml");
        Files.write(profile, bytes);
        Path overlay = dir.resolve("overlay.yaml");
        Files.write(overlay, bytes);
        for (List<Problem> problems : List.of(refusal(() -> Governance.readProfile(profile)),
                refusal(() -> Governance.builder().overlay(overlay).build()))) {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code().id()).isEqualTo("GOV-0001");
                assertThat(p.location()).isEqualTo(new Location(p.location().file(), line, column, ""));
                assertThat(p.message().key()).isEqualTo("problem.file.encoding.byte");
                assertThat(p.message().args()).containsExactly(hex);
                assertThat(p.hint().key()).isEqualTo("hint.file.encoding");
                assertThat(Messages.format(p, Locale.ENGLISH)).contains(":" + line + ":" + column + ": GOV-0001",
                        "byte 0x" + hex, "iconv");
            });
        }
    }

    @Test
    void aByteOrderMarkIsNotAColumn() throws IOException {
        Path profile = dir.resolve("bom.yaml");
        Files.write(profile, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {'i', 'd', (byte) 0xFF}));
        assertThatThrownBy(() -> Governance.readProfile(profile)).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems().get(0).location()).isEqualTo(new Location(profile.toString(), 1, 3, "")));
    }
}
