package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A careless overlay: a rule placed first that always makes a project LOW. Every other combination rule can never
 * fire (GOV-0016), and every command that builds an engine says so on stderr, in the language asked for, before
 * its result; the exit code stays the one of the decision that was made.
 */
class DefinitionWarningsTest {
    private static final String HIGH = Path.of("..", "examples", "projects", "benefits-eligibility-chatbot.yaml").toString();

    @TempDir
    static Path tmp;
    private static Path overlay;
    private static List<Problem> warnings;

    @BeforeAll
    static void carelessOverlay() throws IOException {
        overlay = Files.writeString(tmp.resolve("careless-overlay.yaml"), """
                kind: Overlay
                id: CARELESS
                title: { ja: 不注意な読替え, en: A careless reading }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: テスト, en: test }
                combination:
                  - id: CARELESS-ALL-LOW
                    result: LOW
                    reason: { ja: すべて低リスクとします, en: Everything is low risk }
                    provenance: interpretation
                    citation: { ja: テスト, en: test }
                """);
        warnings = Governance.builder().overlay(overlay).build().warnings();
        assertThat(warnings).as("the overlay makes rules unreachable").isNotEmpty()
                .allSatisfy(w -> assertThat(w.code().id()).isEqualTo("GOV-0016"));
    }

    @Test
    void assessPrintsTheWarningsBeforeTheDecisionWhichIsStillMade() {
        StringWriter both = new StringWriter();
        PrintWriter w = new PrintWriter(both, true);
        int exit = GovernanceCli.commandLine(new GovernanceCli()).setOut(w).setErr(w)
                .execute("assess", HIGH, "--overlay", overlay.toString(), "--lang", "en");

        assertThat(exit).isZero();
        List<String> lines = both.toString().lines().toList();
        List<String> expected = rendered(Locale.ENGLISH);
        assertThat(lines.subList(0, expected.size())).as("the warnings come first").containsExactlyElementsOf(expected);
        assertThat(both.toString()).contains("LOW", "CARELESS-ALL-LOW");
    }

    @Test
    void everyCommandThatBuildsAnEnginePrintsThemInTheLanguageAskedFor() throws IOException {
        Path log = tmp.resolve("audit.jsonl");
        Path inventory = Files.createDirectories(tmp.resolve("inventory"));
        Files.copy(Path.of(HIGH), inventory.resolve("benefits.yaml"));
        Path lowCase = Path.of("..", "checklists", "src", "main", "resources", "ds920", "v2.0", "cases",
                "seabis-help-chat.yaml");
        for (String lang : List.of("en", "ja")) {
            assertWarned(0, CliRun.of("assess", HIGH, "--overlay", overlay.toString(), "--audit-log", log.toString(),
                    "--lang", lang), lang);
            assertWarned(0, CliRun.of("assess-batch", inventory.toString(), "--out", tmp.resolve("d.jsonl").toString(),
                    "--overlay", overlay.toString(), "--lang", lang), lang);
            // the project is LOW now: no draft for the board, as without any warning
            CliRun board = CliRun.of("board-report", HIGH, "--overlay", overlay.toString(), "--lang", lang);
            assertWarned(1, board, lang);
            assertThat(board.err()).contains("GOV-0025");
            assertWarned(0, CliRun.of("diff", "--to-overlay", overlay.toString(), HIGH, "--lang", lang), lang);
            // the case fails (the overlay's rule decides now): the warning printed first says why
            CliRun test = CliRun.of("test", lowCase.toString(), "--overlay", overlay.toString(), "--lang", lang);
            assertWarned(1, test, lang);
            assertThat(test.out()).contains("decidedBy: expected COMB-DEFAULT-LOW, got CARELESS-ALL-LOW");
            String id = Governance.auditLog(log).entries().get(0).decisionId();
            assertWarned(0, CliRun.of("audit", "replay", log.toString(), id, "--lang", lang), lang);
        }
    }

    @Test
    void theShippedDefinitionsPrintNoWarning() {
        CliRun run = CliRun.of("assess", HIGH, "--lang", "en");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
    }

    /** The warnings, each once (diff builds two engines), first on stderr; the exit code is the command's own. */
    private static void assertWarned(int exit, CliRun run, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        List<String> expected = rendered(locale);
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.errLines()).as(run.toString()).startsWith(expected.toArray(String[]::new));
        assertThat(run.errLines()).as("each once").filteredOn(l -> l.contains("GOV-0016")).hasSameSizeAs(expected);
        assertThat(run.err()).contains(lang.equals("ja") ? "警告:" : "warning:");
    }

    private static List<String> rendered(Locale locale) {
        return warnings.stream().map(w -> Messages.format(w, locale)).toList();
    }
}
