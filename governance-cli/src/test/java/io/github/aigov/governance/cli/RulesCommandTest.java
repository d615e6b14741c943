package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code governance rules}: the generated rules, each with the file and line of the definition it came from. */
class RulesCommandTest {
    private static final Path SNAPSHOTS = Path.of("../governance-rules/src/test/resources/io/github/aigov/governance/rules/drl");
    private static final String OVERLAY = "../examples/overlays/example-ministry-overlay.yaml";

    @Test
    void printsTheShippedSetsRulesAsTheCommittedSnapshot() throws IOException {
        for (String version : new String[] {"1.0", "2.0"}) {
            CliRun run = CliRun.of("rules", "--guideline-version", version);

            assertThat(run.exit()).isEqualTo(GovernanceCli.DECIDED);
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo(Files.readString(SNAPSHOTS.resolve("v" + version + ".drl"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOverlaysRulesNameTheOverlayFileAndLine() {
        CliRun run = CliRun.of("rules", "--overlay", OVERLAY);

        assertThat(run.exit()).isEqualTo(GovernanceCli.DECIDED);
        assertThat(run.out()).startsWith("// DS-920 2.0 + ").containsPattern("(?m)^// \\S+ \\Q" + OVERLAY + "\\E:\\d+:\\d+ \\+ \\S+\\nrule \"");
    }

    @Test
    void refusedDefinitionsAreBadInput() throws IOException {
        Path broken = Files.createTempFile("overlay", ".yaml");
        try {
            Files.writeString(broken, "kind: Overlay\nid: [unclosed\n");
            CliRun run = CliRun.of("rules", "--overlay", broken.toString());

            assertThat(run.exit()).isEqualTo(GovernanceCli.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("GOV-0001");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void theHelpSaysWhatItPrintsInBothLanguages() {
        assertThat(CliRun.of("rules", "--help", "--lang", "en").out()).contains("Print the rules the definitions compile to.",
                "--guideline-version", "--overlay");
        assertThat(CliRun.of("rules", "--help", "--lang", "ja").out()).contains("定義から生成されるルールを表示します。");
    }
}
