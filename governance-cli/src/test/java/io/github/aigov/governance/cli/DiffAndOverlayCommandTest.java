package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code governance diff} on fixed inputs, and {@code assess --overlay}. */
class DiffAndOverlayCommandTest {
    private static final String JUDGEMENT_ONLY = Path.of("..", "examples", "projects", "judgement-only-high.yaml").toString();
    private static final String SEABIS = Path.of("..", "examples", "projects", "seabis-help-chat.yaml").toString();
    private static final String OVERLAY = Path.of("..", "examples", "overlays", "example-ministry-overlay.yaml").toString();

    @Test
    void diffFromVersion1To2ListsTheChangesAndWhoseDecisionChanges() {
        CliRun run = CliRun.of("diff", "--from", "1.0", "--to", "2.0", JUDGEMENT_ONLY, SEABIS, "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsSubsequence(
                "Definitions (8 changes)",
                "  + combination rule COMB-NO-STAFF-JUDGEMENT",
                "  ~ escalation rule ESC-HIGH: reason text changed",
                // what v1.0 and v2.0 were each reported to ask for the board
                "  ~ group BOARD-REPORT-CONTENTS: title changed",
                "  ~ item BOARD-OBJECTIVES: title changed",
                "  ~ item BOARD-MITIGATION: title changed",
                "  ~ item BOARD-QA-PLAN: title changed",
                "  + item BOARD-PROJECT-DETAILS",
                "  ~ applicability rule APPL-BOARD-HIGH: reason text changed",
                "",
                "Profiles (2 given, 2 change)",
                "  judgement-only-high (" + JUDGEMENT_ONLY + "): MEDIUM → HIGH",
                "    - classification MEDIUM → HIGH (decided by COMB-ANY-HIGH → COMB-NO-STAFF-JUDGEMENT)",
                "    - escalation required false → true (decided by ESC-MEDIUM → ESC-HIGH)");
        assertThat(run.out()).contains("  seabis-help-chat (" + SEABIS + "): LOW → LOW",
                "    - BOARD-PROJECT-DETAILS: new item, NOT_APPLICABLE (decided by APPL-BOARD-NOT-ESCALATED)");
        assertThat(run.outLines().get(0)).startsWith("What changes from DS-920 1.0 (2025-05-27, sha256:")
                .contains(" to DS-920 2.0 (2026-06-12, sha256:");
    }

    @Test
    void diffOfAnOverlayShowsTheMinistrysChangesInJapanese() {
        CliRun run = CliRun.of("diff", "--to-overlay", OVERLAY, JUDGEMENT_ONLY, "--lang", "ja");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).contains(
                "  ~ 選択肢 data.SENSITIVE_IN_PROMPTS: レベル MEDIUM → HIGH; オーバーレイ EXAMPLE-MINISTRY-2026 による定義になりました",
                "  + 項目 MIN-PLAIN-JAPANESE",
                "    - MIN-PLAIN-JAPANESE：新しい項目、RECOMMENDED（決定したルール MIN-APPL-PLAIN-JAPANESE-OTHERWISE）");
    }

    @Test
    void anOverlaysItemAppearsInTheReportWithItsOverlay() {
        CliRun run = CliRun.of("assess", Path.of("..", "examples", "projects", "benefits-eligibility-chatbot.yaml").toString(),
                "--overlay", OVERLAY, "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("EXAMPLE-MINISTRY-2026")
                .containsPattern("MIN-PLAIN-JAPANESE .*Plain Japanese \\(yasashii nihongo\\) and accessibility in answers to citizens");
    }

    @Test
    void anOverlayForAnotherVersionIsRefusedWithItsLocation() {
        CliRun run = CliRun.of("assess", SEABIS, "--guideline-version", "1.0", "--overlay", OVERLAY, "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(OVERLAY + ":12:")
                .contains("GOV-0017", "DS-920 2.0", "DS-920 1.0")
                // the hint points the right way: the version the overlay extends, and the option to pass
                .contains("— apply it to DS-920 2.0, the version it extends: --guideline-version 2.0");
    }
}
