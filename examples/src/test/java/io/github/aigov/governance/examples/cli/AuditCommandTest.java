package io.github.aigov.governance.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess --audit-log}, then {@code audit verify|show|replay}, end to end. */
class AuditCommandTest {
    private static final String BENEFITS = Path.of("projects", "benefits-eligibility-chatbot.yaml").toString();
    private static final String SEABIS = Path.of("projects", "seabis-help-chat.yaml").toString();

    @TempDir
    Path tmp;

    private Path logOfTwo() {
        Path log = tmp.resolve("audit.jsonl");
        assertThat(CliRun.of("assess", BENEFITS, "--audit-log", log.toString(), "--redact", "description").exit()).isZero();
        assertThat(CliRun.of("assess", SEABIS, "--audit-log", log.toString(), "--guideline-version", "1.0").exit()).isZero();
        return log;
    }

    @Test
    void assessAppendsAndVerifyAcceptsAnIntactLog() throws IOException {
        Path log = logOfTwo();
        assertThat(Files.readAllLines(log)).hasSize(2);
        CliRun verify = CliRun.of("audit", "verify", log.toString(), "--lang", "en");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("intact: 2 records, head hash sha256:");
    }

    @Test
    void verifyNamesTheLineOfAnEditedRecordAndExitsNonZero() throws IOException {
        Path log = logOfTwo();
        List<String> lines = Files.readAllLines(log);
        lines.set(0, lines.get(0).replace("\"required\":true", "\"required\":false"));
        Files.write(log, lines);
        CliRun verify = CliRun.of("audit", "verify", log.toString(), "--lang", "en");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.errLines()).singleElement().asString()
                .startsWith(log + ":1: GOV-0021 record 1 was altered after it was written");
    }

    @Test
    void showListsTheDecisionsAndPrintsOneRecord() throws IOException {
        Path log = logOfTwo();
        CliRun list = CliRun.of("audit", "show", log.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.outLines()).hasSize(2);
        assertThat(list.outLines().get(0)).contains("HIGH", "ESC", "benefits-eligibility-chatbot", "DS-920 2.0");
        assertThat(list.outLines().get(1)).contains("LOW", "seabis-help-chat", "DS-920 1.0");
        String id = list.outLines().get(0).trim().split("\\s+")[2];
        CliRun one = CliRun.of("audit", "show", log.toString(), id);
        assertThat(one.exit()).isZero();
        assertThat(one.out()).contains("\"decisionId\" : \"" + id + "\"", "\"description\" : \"[REDACTED]\"");
    }

    @Test
    void replayOfAFreshDecisionIsIdentical() {
        Path log = logOfTwo();
        CliRun list = CliRun.of("audit", "show", log.toString());
        for (String line : list.outLines()) {
            String id = line.trim().split("\\s+")[2];
            CliRun replay = CliRun.of("audit", "replay", log.toString(), id, "--lang", "en");
            assertThat(replay.exit()).as(replay.toString()).isZero();
            assertThat(replay.out()).startsWith("identical: decision " + id);
        }
    }

    @Test
    void replayOfAnUnknownDecisionIsRefused() {
        Path log = logOfTwo();
        CliRun replay = CliRun.of("audit", "replay", log.toString(), "no-such-decision", "--lang", "en");
        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.err()).contains("GOV-0023", "no-such-decision");
    }
}
