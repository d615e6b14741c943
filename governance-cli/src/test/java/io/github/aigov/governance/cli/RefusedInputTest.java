package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input the command refuses: every problem on stderr, one per line, located, no stack trace; exit 1 or 2. */
class RefusedInputTest {
    private static final Path SAMPLE = Path.of("..", "examples", "projects", "benefits-eligibility-chatbot.yaml");

    @TempDir
    Path dir;

    @Test
    void an_unknown_option_is_located_and_the_nearest_option_is_suggested() throws IOException {
        Path profile = write("typo.yaml", sample().replace("users: PUBLIC", "users: PUBLIK"));
        int line = lineOf(profile, "users: PUBLIK");

        CliRun run = CliRun.of("assess", profile.toString());

        assertRefused(run, 1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(profile + ":" + line + ":")
                .contains("(axes.users)", "GOV-0012", "\"PUBLIK\"", "did you mean \"PUBLIC\"?");
    }

    @Test
    void problems_are_printed_in_the_language_asked_for() throws IOException {
        Path profile = write("typo.yaml", sample().replace("users: PUBLIC", "users: PUBLIK"));

        CliRun run = CliRun.of("assess", profile.toString(), "--lang", "ja");

        assertRefused(run, 1);
        assertThat(run.err()).contains("GOV-0012", "観点「users」に選択肢「PUBLIK」はありません", "「PUBLIC」ではありませんか？");
    }

    @Test
    void a_yaml_syntax_error_is_reported_with_line_and_column() throws IOException {
        Path profile = write("broken.yaml", sample().replace("name: 給付金案内チャットボット", "name: [給付金案内チャットボット"));

        CliRun run = CliRun.of("assess", profile.toString());

        assertRefused(run, 1);
        assertThat(run.errLines()).singleElement().asString()
                .matches("\\Q" + profile + "\\E:\\d+:\\d+: GOV-0001 the YAML is not well formed: .*");
    }

    @Test
    void a_missing_field_is_named() throws IOException {
        Path profile = write("incomplete.yaml", sample().replaceFirst("(?m)^organisation: .*\\R", ""));

        CliRun run = CliRun.of("assess", profile.toString());

        assertRefused(run, 1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(profile + ":")
                .contains("GOV-0003", "the field \"organisation\" is missing");
    }

    @Test
    void every_problem_of_a_profile_is_listed_sorted_by_line() throws IOException {
        Path profile = write("two-typos.yaml", sample()
                .replace("users: PUBLIC", "users: PUBLIK")
                .replace("judgement: NONE", "judgement: NOONE"));

        CliRun run = CliRun.of("assess", profile.toString());

        assertRefused(run, 1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).contains(":" + lineOf(profile, "users: PUBLIK") + ":", "GOV-0012", "PUBLIK");
        assertThat(run.errLines().get(1)).contains(":" + lineOf(profile, "judgement: NOONE") + ":", "GOV-0012", "NOONE",
                "\"NONE\"");
    }

    @Test
    void a_file_that_does_not_exist() {
        Path missing = dir.resolve("no-such-profile.yaml");

        CliRun run = CliRun.of("assess", missing.toString());

        assertRefused(run, 1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(missing + ": GOV-0009 ")
                .contains("check the path");
    }

    @Test
    void a_guideline_version_that_is_not_shipped_is_a_usage_error_naming_the_shipped_ones() {
        CliRun run = CliRun.of("assess", SAMPLE.toString(), "--guideline-version", "9.9", "--lang", "en");

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo(
                "the value \"9.9\" is not allowed for --guideline-version (allowed: 1.0, 2.0)");
    }

    @Test
    void usage_errors_exit_with_2_and_show_the_usage() {
        for (String[] args : new String[][] {
                {},                                              // no command
                {"assess"},                                      // no profile
                {"assess", SAMPLE.toString(), "--format", "xml"},
                {"assess", SAMPLE.toString(), "--lang", "fr"},
                {"assess", SAMPLE.toString(), "--no-such-option"},
                {"qqq", SAMPLE.toString()}}) {
            CliRun run = CliRun.of(args);

            assertThat(run.exit()).as(String.join(" ", args) + "\n" + run).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Usage: governance").doesNotContain("\tat ");
        }
    }

    private static void assertRefused(CliRun run, int exit) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.out()).as("nothing on stdout").isEmpty();
        assertThat(run.err()).as("no stack trace").doesNotContain("at io.", "\tat ");
    }

    private static String sample() throws IOException {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String text) throws IOException {
        int line = Files.readAllLines(file, StandardCharsets.UTF_8).indexOf("  " + text) + 1;
        assertThat(line).as(text + " in " + file).isPositive();
        return line;
    }
}
