package io.github.aigov.governance.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The usage help: every option described, the exit codes documented, in the default locale's language. */
class UsageHelpTest {

    @Test
    void help_documents_the_exit_codes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines())
                .contains("Usage: governance [-h] COMMAND", "Exit codes:")
                .anyMatch(l -> l.matches("  assess +Assess one project profile against DS-920\\."))
                .anyMatch(l -> l.startsWith("  0   the decision was printed"))
                .anyMatch(l -> l.startsWith("  1   bad input"))
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
                .anyMatch(l -> l.matches(" +PROFILE\\.yaml +The project profile, a YAML file.*"));
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
            assertThat(run.out()).contains("終了コード:", "オプション:", "調達担当者向けの報告");
        } finally {
            Locale.setDefault(original);
        }
    }
}
