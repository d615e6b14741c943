package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code governance assess-batch}: input order kept, bad profiles reported and skipped, a summary at the end. */
class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] USERS = {"STAFF_SPECIFIC", "STAFF_GENERAL", "EXTERNAL_CONTRACTED", "PUBLIC"};
    private static final String[] JUDGEMENT = {"EVERY_OUTPUT", "SAMPLED", "NONE"};

    @TempDir
    Path tmp;

    private static String profileLine(int i, String users) {
        return "{\"id\":\"p" + i + "\",\"name\":\"Project " + i + "\",\"organisation\":\"Org\",\"description\":\"\","
                + "\"scope\":{\"textGeneration\":true,\"specifiedSecrets\":false},"
                + "\"model\":{\"name\":\"m\",\"vendor\":\"v\"},"
                + "\"procurement\":{\"form\":\"SAAS_API\",\"vendorTrainsModel\":false},"
                + "\"axes\":{\"users\":\"" + users + "\",\"work\":\"INTERNAL_SUPPORT\",\"data\":\"PUBLIC_ONLY\",\"judgement\":\""
                + JUDGEMENT[i % 3] + "\"}}";
    }

    @Test
    void aJsonLinesInventoryIsAssessedInInputOrderAndBadLinesAreSkipped() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(i == 100 ? profileLine(i, "PUBLIK") : i == 200 ? "{\"id\": \"broken\"" : profileLine(i, USERS[i % 4]));
        }
        Path in = tmp.resolve("inventory.jsonl");
        Files.write(in, lines);
        Path out = tmp.resolve("decisions.jsonl");

        CliRun run = CliRun.of("assess-batch", in.toString(), "--out", out.toString(), "--threads", "2", "--lang", "en");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        List<String> written = Files.readAllLines(out);
        assertThat(written).hasSize(298);
        List<String> ids = new ArrayList<>();
        for (String line : written) {
            JsonNode d = JSON.readTree(line);
            ids.add(d.path("profile").path("id").asText());
            assertThat(d.path("classification").asText()).isIn("LOW", "MEDIUM", "HIGH");
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i != 100 && i != 200) {
                expected.add("p" + i);
            }
        }
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(run.out()).contains("Assessed 300 profiles", "298 decisions written", "2 rejected",
                "Every rejected profile (2), with its problems: " + tmp.resolve("decisions.rejects.jsonl"));
        assertThat(run.err()).contains("Rejected profiles (2), skipped:");
        assertThat(run.err()).contains(in + ":101:").contains("GOV-0012").contains("did you mean \"PUBLIC\"");
        assertThat(run.err()).contains(in + ":201:").contains("GOV-0001");
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("Classification: LOW "));
    }

    @Test
    void aDirectoryOfYamlProfilesIsAssessedInPathOrder() throws IOException {
        Path out = tmp.resolve("samples.jsonl");
        CliRun run = CliRun.of("assess-batch", Path.of("..", "examples", "projects").toString(), "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            ids.add(JSON.readTree(line).path("profile").path("id").asText());
        }
        assertThat(ids).containsExactly("benefits-eligibility-chatbot", "judgement-only-high", "meeting-minutes-drafting",
                "out-of-scope-classified-analysis", "personal-data-summariser", "seabis-help-chat", "tax-notice-drafting");
        assertThat(run.out()).contains("Escalations to the advisory board: 3", "OUT_OF_SCOPE 1");
    }
}
