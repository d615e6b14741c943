package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance test DIR}: each case runs against the guideline version it names, so the shipped folders pass as
 * the README shows them; {@code --guideline-version} runs them all against one version instead.
 */
class TestCommandTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DS920 = ROOT.resolve("checklists/src/main/resources/ds920");
    private static final Pattern README_TEST = Pattern.compile("(?m)^\\s*\\./governance test (\\S+)\\s*$");

    @TempDir
    Path tmp;

    @Test
    void theReadmesTestCommandsPassAsWritten() throws IOException {
        // The README's own lines, run from the repository root as a reader would paste them.
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = README_TEST.matcher(readme);
        List<String> dirs = m.results().map(r -> r.group(1)).toList();
        assertThat(dirs).contains("checklists/src/main/resources/ds920/v1.0/cases",
                "checklists/src/main/resources/ds920/v2.0/cases");
        for (String dir : dirs) {
            CliRun run = CliRun.of("test", ROOT.resolve(dir).toString(), "--lang", "en");

            assertThat(run.exit()).as(run.toString()).isZero();
            String version = dir.contains("v1.0") ? "1.0" : "2.0";
            assertThat(run.outLines()).first().isEqualTo("definitions: DS-920 " + version);
            assertThat(run.outLines()).filteredOn(l -> l.startsWith("PASS ")).hasSize(13);
            assertThat(run.outLines()).last().isEqualTo("13 passed, 0 failed");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void casesOfTwoVersionsInOneFolderEachRunAgainstTheirOwn() throws IOException {
        Path v1 = DS920.resolve("v1.0/cases/judgement-only-high.yaml");
        Path v2 = DS920.resolve("v2.0/cases/judgement-only-high.yaml");
        Files.copy(v1, tmp.resolve("a-v1.yaml"));
        Files.copy(v2, tmp.resolve("b-v2.yaml"));

        CliRun run = CliRun.of("test", tmp.toString(), "--lang", "en");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(
                "definitions: DS-920 1.0",
                "definitions: DS-920 2.0",
                "PASS " + tmp.resolve("a-v1.yaml") + " — judgement-only-high",
                "PASS " + tmp.resolve("b-v2.yaml") + " — judgement-only-high",
                "2 passed, 0 failed");
    }

    @Test
    void version1CasesFailUnderVersion2WhenAskedForWhereTheRevisionChangedTheAnswer() {
        Path v1Case = DS920.resolve("v1.0/cases/judgement-only-high.yaml");
        CliRun run = CliRun.of("test", v1Case.toString(), "--guideline-version", "2.0", "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("definitions: DS-920 2.0", "FAIL " + v1Case,
                "GOV-0003 itemsByStatus does not list the item \"BOARD-PROJECT-DETAILS\"", "0 passed, 1 failed");
    }

    @Test
    void aVersion1ExpectationFailsUnderVersion2WithTheRuleThatChangedIt() throws IOException {
        Path source = DS920.resolve("v1.0/cases/judgement-only-high.yaml");
        String text = Files.readString(source);
        Path onlyOutcome = tmp.resolve("judgement-only-outcome.yaml");
        Files.writeString(onlyOutcome, text.substring(0, text.indexOf("  itemsByStatus:")));
        CliRun run = CliRun.of("test", onlyOutcome.toString(), "--guideline-version", "2.0", "--lang", "en");
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
                "definitions: DS-920 2.0",
                "FAIL " + wrong + " — seabis-help-chat",
                "     classification: expected MEDIUM, got LOW (decided by COMB-DEFAULT-LOW)",
                "0 passed, 1 failed");
    }

    @Test
    void aCaseNamingAVersionThatIsNotShippedFailsWithTheNearestOne() throws IOException {
        Path source = DS920.resolve("v2.0/cases/seabis-help-chat.yaml");
        Path typo = tmp.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(source).replace("guidelineVersion: \"2.0\"", "guidelineVersion: \"2\""));
        CliRun run = CliRun.of("test", typo.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL " + typo, "GOV-0015", "did you mean \"2.0\"?", "0 passed, 1 failed");
    }

    @Test
    void aDirectoryWithoutCasesIsAnError() {
        CliRun run = CliRun.of("test", tmp.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("no golden case");
    }
}
