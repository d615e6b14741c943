package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess --format html|markdown|xlsx [--out]} and {@code board-report}, end to end. */
class PapersCommandTest {
    private static final String TAX = Path.of("..", "examples", "projects", "tax-notice-drafting.yaml").toString();
    private static final String SEABIS = Path.of("..", "examples", "projects", "seabis-help-chat.yaml").toString();

    @TempDir
    Path tmp;

    @Test
    void htmlIsSelfContainedAndNamesTheDecision() throws IOException {
        Path out = tmp.resolve("report.html");
        CliRun run = CliRun.of("assess", TAX, "--format", "html", "--out", out.toString(), "--lang", "ja");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains(out.toString());
        String html = Files.readString(out);
        assertThat(html).contains("<html lang=\"ja\"", "HIGH", "PROC-20", "課税通知文案作成支援")
                .doesNotContain("<script src", "<link ", "http://", "https://");
    }

    @Test
    void markdownHasSpecificationClausesForTheRequiredItems() {
        CliRun run = CliRun.of("assess", TAX, "--format", "markdown", "--lang", "ja");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("受注者は", "学習データ品質");
    }

    @Test
    void xlsxNeedsOutAndWritesAWorkbook() throws IOException {
        CliRun refused = CliRun.of("assess", TAX, "--format", "xlsx", "--lang", "en");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("GOV-0003", "--out");
        Path out = tmp.resolve("checklist.xlsx");
        CliRun run = CliRun.of("assess", TAX, "--format", "xlsx", "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        boolean sheet = false;
        try (InputStream in = Files.newInputStream(out); ZipInputStream zip = new ZipInputStream(in)) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                sheet |= e.getName().startsWith("xl/worksheets/");
            }
        }
        assertThat(sheet).as("an Office Open XML workbook with sheets").isTrue();
    }

    @Test
    void boardReportIsDraftedForAnEscalatedProjectOnly() {
        CliRun run = CliRun.of("board-report", TAX, "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Advanced AI Utilization Advisory Board", "課税通知文案作成支援", "[TO BE COMPLETED");
        CliRun refused = CliRun.of("board-report", SEABIS, "--lang", "en");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("GOV-0025");
    }
}
