package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arguments the command refuses (exit 2): one line saying what is wrong and what was most likely meant, then the
 * usage, in the language asked for; nothing on stdout, no stack trace.
 */
class UsageErrorsTest {
    private static final String SAMPLE = Path.of("..", "examples", "projects", "benefits-eligibility-chatbot.yaml").toString();

    /** A mistyped value of each option with a closed list, and what it suggests. */
    static Stream<Arguments> mistypedValues() {
        return Stream.of(
                Arguments.of(List.of("assess", SAMPLE, "--format", "JSON"), "JSON", "--format",
                        "text, json, html, markdown, xlsx", "json"),
                Arguments.of(List.of("assess", SAMPLE, "--format", "mark"), "mark", "--format",
                        "text, json, html, markdown, xlsx", "markdown"),
                Arguments.of(List.of("assess", SAMPLE, "--format", "htm"), "htm", "--format",
                        "text, json, html, markdown, xlsx", "html"),
                Arguments.of(List.of("assess", SAMPLE, "--guideline-version", "2"), "2", "--guideline-version",
                        "1.0, 2.0", "2.0"),
                Arguments.of(List.of("assess", SAMPLE, "--guideline-version", "1.O"), "1.O", "--guideline-version",
                        "1.0, 2.0", "1.0"),
                Arguments.of(List.of("assess", SAMPLE, "--lang", "JA"), "JA", "--lang", "ja, en", "ja"),
                Arguments.of(List.of("board-report", SAMPLE, "--format", "HTML"), "HTML", "--format", "markdown, html",
                        "html"),
                Arguments.of(List.of("diff", "--from", "1", "--to", "2.0"), "1", "--from", "1.0, 2.0", "1.0"),
                Arguments.of(List.of("diff", "--to", "2.1"), "2.1", "--to", "1.0, 2.0", "2.0"),
                Arguments.of(List.of("test", "cases", "--guideline-version", "v2.0"), "v2.0", "--guideline-version",
                        "1.0, 2.0", "2.0"),
                Arguments.of(List.of("assess-batch", "in", "--out", "o.jsonl", "--guideline-version", "2"), "2",
                        "--guideline-version", "1.0, 2.0", "2.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistypedValues")
    void aMistypedValueNamesTheAllowedOnesAndTheNearest(List<String> args, String given, String option, String allowed,
                                                        String nearest) {
        CliRun run = run(args, "--lang", "en");

        assertUsageError(run);
        assertThat(run.errLines().get(0)).isEqualTo("the value \"" + given + "\" is not allowed for " + option
                + " (allowed: " + allowed + ") — did you mean \"" + nearest + "\"?");
        assertThat(run.err()).contains("Usage: governance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistypedValues")
    void inJapaneseToo(List<String> args, String given, String option, String allowed, String nearest) {
        CliRun run = run(args, "--lang", "ja");

        assertUsageError(run);
        assertThat(run.errLines().get(0)).isEqualTo(option + " に値「" + given + "」は使えません（使える値: " + allowed
                + "） — 「" + nearest + "」ではありませんか？");
        assertThat(run.err()).contains("使い方: governance").doesNotContain("Usage:");
    }

    @Test
    void theShippedVersionsComeFromTheLibrary() {
        CliRun run = CliRun.of("assess", SAMPLE, "--guideline-version", "0.9", "--lang", "en");

        assertUsageError(run);
        assertThat(run.errLines().get(0)).contains("(allowed: " + String.join(", ", Governance.shippedVersions()) + ")")
                .doesNotContain("did you mean");
    }

    @Test
    void aMistypedOptionOrCommandSuggestsTheNearest() {
        CliRun option = CliRun.of("assess", SAMPLE, "--fromat", "json", "--lang", "en");
        assertUsageError(option);
        assertThat(option.errLines().get(0)).isEqualTo("unknown option or argument: --fromat json — did you mean \"--format\"?");

        CliRun command = CliRun.of("asess", SAMPLE, "--lang", "en");
        assertUsageError(command);
        assertThat(command.errLines().get(0)).startsWith("unknown option or argument: asess").endsWith(
                "did you mean \"assess\"?");

        CliRun attached = CliRun.of("assess", SAMPLE, "--outt=x.html", "--lang", "en");
        assertUsageError(attached);
        assertThat(attached.errLines().get(0)).endsWith("did you mean \"--out\"?");
    }

    @Test
    void aMissingArgumentOrCommandIsNamed() {
        CliRun profile = CliRun.of("assess", "--lang", "ja");
        assertUsageError(profile);
        assertThat(profile.errLines().get(0)).isEqualTo("指定が不足しています: PROFILE.yaml");

        CliRun none = CliRun.of(); // the build pins the default locale to English
        assertUsageError(none);
        assertThat(none.errLines().get(0)).startsWith("name a command — use one of: assess, assess-batch, ")
                .contains(", audit");

        CliRun audit = CliRun.of("audit", "--lang", "en");
        assertUsageError(audit);
        assertThat(audit.errLines().get(0)).startsWith("name a command — use one of: ").contains("verify", "show", "replay");

        CliRun twice = CliRun.of("assess", SAMPLE, "--format", "json", "--format", "html", "--lang", "en");
        assertUsageError(twice);
        assertThat(twice.errLines().get(0)).isEqualTo("--format is given more than once");

        CliRun notANumber = CliRun.of("assess-batch", "in", "--out", "o.jsonl", "--threads", "two", "--lang", "ja");
        assertUsageError(notANumber);
        assertThat(notANumber.errLines().get(0)).isEqualTo("--threads の値「two」が整数ではありません");
    }

    private static CliRun run(List<String> args, String... more) {
        return CliRun.of(Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new));
    }

    private static void assertUsageError(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).as("nothing on stdout").isEmpty();
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Exception");
    }
}
