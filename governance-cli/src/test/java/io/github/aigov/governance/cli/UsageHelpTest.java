package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The usage help: every option described, the exit codes documented, in the language asked for. */
class UsageHelpTest {

    /** Every command of the tree, as its words on the command line ({@code [audit, verify]}); the root is {@code []}. */
    static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(GovernanceCli.commandLine(new GovernanceCli()), List.of(), out);
        return out;
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> out) {
        out.add(words);
        command.getSubcommands().forEach((name, sub) ->
                collect(sub, Stream.concat(words.stream(), Stream.of(name)).toList(), out));
    }

    @Test
    void help_documents_the_exit_codes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines())
                .contains("Usage: governance [-h] [--lang=ja|en] COMMAND", "Exit codes:")
                .anyMatch(l -> l.matches("  assess +Assess one project profile against DS-920\\."))
                .anyMatch(l -> l.startsWith("  0   done"))
                .anyMatch(l -> l.startsWith("  1   bad input or a failed check"))
                .anyMatch(l -> l.startsWith("  2   usage error"))
                .anyMatch(l -> l.startsWith("  3   internal error"));
    }

    @Test
    void assess_help_describes_every_option_and_the_exit_codes() {
        CliRun run = CliRun.of("assess", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.outLines())
                .contains("Usage: governance assess [OPTIONS] PROFILE.yaml", "Exit codes:")
                .anyMatch(l -> l.matches(" +--format=text\\|json\\|html\\|markdown\\|xlsx"))
                .anyMatch(l -> l.matches(" +PROFILE\\.yaml +The project profile, a YAML file.*"))
                .anyMatch(l -> l.startsWith("  0   the decision was printed or written"))
                .anyMatch(l -> l.startsWith("  1   bad input: the profile, the definitions, an overlay"));
        CommandSpec assess = new CommandLine(new GovernanceCli()).getSubcommands().get("assess").getCommandSpec();
        for (OptionSpec option : assess.options()) {
            assertThat(option.description()).as(option.longestName()).isNotEmpty().allMatch(d -> !d.isBlank());
        }
        assertThat(assess.usageMessage().exitCodeList()).containsOnlyKeys("0", "1", "2", "3");
    }

    @Test
    void help_is_in_japanese_when_the_system_is() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.JAPAN);
        try {
            CliRun run = CliRun.of("assess", "--help");

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("使い方: governance assess", "終了コード:", "オプション:", "調達担当者向けの報告");

            CliRun english = CliRun.of("assess", "--help", "--lang", "en");
            assertThat(english.out()).contains("Usage: governance assess", "Exit codes:").doesNotContain("終了コード");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void help_follows_lang_wherever_it_is_written() {
        for (String[] args : new String[][] {
                {"assess", "--lang", "ja", "--help"},
                {"assess", "--help", "--lang", "ja"},
                {"assess", "-h", "--lang=ja"},
                {"audit", "replay", "--lang", "ja", "--help"}}) {
            CliRun run = CliRun.of(args);

            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("使い方: governance", "終了コード:", "使い方の誤り")
                    .doesNotContain("Usage:", "Exit codes:", "usage error");
        }
    }

    @Test
    void every_command_has_its_help_in_both_languages() {
        for (List<String> command : commands()) {
            String en = help(command, "en");
            String ja = help(command, "ja");

            assertThat(en).as(command + " in English").contains("Usage: governance", "Exit codes:")
                    .doesNotContain("使い方", "終了コード");
            assertThat(ja).as(command + " in Japanese").contains("使い方: governance", "終了コード:")
                    .doesNotContain("Usage:", "Exit codes:", "Options:", "Arguments:", "Commands:");
            // every description (options, arguments, the command's own) is translated: no English sentence left
            // (after the synopsis, which is the command's own words)
            for (String line : ja.lines().dropWhile(l -> !l.isBlank()).toList()) {
                String text = line.replaceAll("--?[a-z][a-z-]*(=\\S+)?|\\S*\\.(yaml|jsonl)|[A-Z][A-Z_-]+|\\S+\\|\\S+|governance|audit keygen|"
                        + "text|json|html|markdown|xlsx|ja|en|guidelineVersion|GOV-\\d{4}|\\bN\\b", "");
                assertThat(text).as(command + ": " + line).doesNotContainPattern("[a-z]{3,} [a-z]{3,}");
            }
        }
    }

    @Test
    void the_common_exit_codes_are_written_once_and_listed_by_every_command() {
        for (String key : HelpTexts.COMMON_EXIT_CODES) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                String text = Messages.render(Message.of(key), locale);
                for (List<String> command : commands()) {
                    String lang = locale.getLanguage();
                    assertThat(help(command, lang)).as(command + " " + key).contains(
                            text.substring(text.indexOf(':') + 1, text.indexOf(':') + 12));
                }
            }
        }
    }

    private static String help(List<String> command, String lang) {
        String[] args = Stream.concat(command.stream(), Stream.of("--help", "--lang", lang)).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.toString()).isZero();
        return run.out();
    }
}
