package io.github.aigov.governance.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code governance test DIR}: the shipped definitions' own golden cases run this way in the build. */
class TestCommandTest {
    private static final Path DS920 = Path.of("..", "checklists", "src", "main", "resources", "ds920");

    @TempDir
    Path tmp;

    @Test
    void theShippedVersion1CasesPass() {
        CliRun run = CliRun.of("test", DS920.resolve("v1.0/cases").toString(), "--guideline-version", "1.0", "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).filteredOn(l -> l.startsWith("PASS ")).hasSize(13);
        assertThat(run.outLines()).last().isEqualTo("13 passed, 0 failed");
    }

    @Test
    void theShippedVersion2CasesPassWithTheDefaultVersion() {
        CliRun run = CliRun.of("test", DS920.resolve("v2.0/cases").toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).last().isEqualTo("13 passed, 0 failed");
    }

    @Test
    void version1CasesFailUnderVersion2WhereTheRevisionChangedTheAnswer() {
        CliRun run = CliRun.of("test", DS920.resolve("v1.0/cases/judgement-only-high.yaml").toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL " + DS920.resolve("v1.0/cases/judgement-only-high.yaml"),
                "GOV-0003 itemsByStatus does not list the item \"BOARD-PROJECT-DETAILS\"", "0 passed, 1 failed");
    }

    @Test
    void aVersion1ExpectationFailsUnderVersion2WithTheRuleThatChangedIt() throws IOException {
        Path source = DS920.resolve("v1.0/cases/judgement-only-high.yaml");
        String text = Files.readString(source);
        Path onlyOutcome = tmp.resolve("judgement-only-outcome.yaml");
        Files.writeString(onlyOutcome, text.substring(0, text.indexOf("  itemsByStatus:")));
        CliRun run = CliRun.of("test", onlyOutcome.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.outLines()).contains(
                "     classification: expected MEDIUM, got HIGH (decided by COMB-NO-STAFF-JUDGEMENT)",
                "     escalation: expected false, got true (decided by ESC-HIGH)");
    }

    @Test
    void aFailingCaseIsReportedWithItsFileAndTheDifference() throws IOException {
        Path source = DS920.resolve("v2.0/cases/seabis-help-chat.yaml");
        Path wrong = tmp.resolve("seabis-wrong.yaml");
        String text = Files.readString(source);
        assertThat(text).contains("classification: LOW");
        Files.writeString(wrong, text.replace("classification: LOW", "classification: MEDIUM"));
        CliRun run = CliRun.of("test", tmp.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(
                "FAIL " + wrong + " — seabis-help-chat",
                "     classification: expected MEDIUM, got LOW (decided by COMB-DEFAULT-LOW)",
                "0 passed, 1 failed");
    }

    @Test
    void aDirectoryWithoutCasesIsAnError() {
        CliRun run = CliRun.of("test", tmp.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("no golden case");
    }
}
