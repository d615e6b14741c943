package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A decision record of schema version 1, written before decisions carried the ministry's duties
 * (a frozen record and the frozen definitions that made it, under {@code record-schema-1/}): it still
 * reads, with no obligations, and replays identically with its own definitions; a record of the
 * current shape keeps its obligations through the same round trip.
 */
class RecordSchemaOneTest {
    static final Path DIR = dir();
    static final Path RECORD = DIR.resolve("record.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final GovernanceEngine FROZEN = Governance.builder().definitions(DIR.resolve("definitions/definition-set.yaml")).build();

    private static String record() throws IOException {
        return Files.readString(RECORD, StandardCharsets.UTF_8).strip();
    }

    @Test
    void aSchemaOneRecordReadsWithNoObligations() throws IOException {
        Decision d = Governance.fromRecord(record());
        assertThat(d.schemaVersion()).isEqualTo("1");
        assertThat(d.obligations()).isEmpty();
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.items()).hasSize(24);
        assertThat(d.trace()).isNotEmpty();
    }

    @Test
    void aSchemaOneRecordReplaysIdenticallyWithTheDefinitionsThatMadeIt() throws IOException {
        assertThat(FROZEN.definitions().hash()).isEqualTo(Governance.fromRecord(record()).definitions().hash());
        assertThat(FROZEN.catalog().obligationSheets()).as("the frozen set predates obligation sheets").isEmpty();

        ReplayResult r = Governance.replay(record(), FROZEN);

        assertThat(r.differences()).extracting(m -> FROZEN.render(m, Locale.ENGLISH)).isEmpty();
        assertThat(r.identical()).isTrue();
        assertThat(r.recorded().schemaVersion()).isEqualTo("1");
        assertThat(r.replayed().schemaVersion()).isEqualTo(Decision.SCHEMA_VERSION);
        assertThat(r.replayed().items()).extracting(i -> i.id() + "=" + i.status() + " by " + i.reason().ruleId())
                .isEqualTo(r.recorded().items().stream().map(i -> i.id() + "=" + i.status() + " by " + i.reason().ruleId())
                        .toList());
    }

    @Test
    void aReplayComparesObligationsOnlyWhenTheRecordCouldHaveThem() throws IOException {
        GovernanceEngine v1 = Governance.builder().guidelineVersion("1.0").build();
        Decision d = v1.assess(Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml")));
        ObjectNode current = (ObjectNode) JSON.readTree(Governance.toRecord(d, java.util.Set.of()));
        assertThat(current.path("obligations")).hasSize(7);

        // Schema 1 had no obligations, nor the sources only they name: their absence is no difference.
        ObjectNode schemaOne = withoutDuties(current);
        schemaOne.remove("obligations");
        schemaOne.put("schemaVersion", "1");
        assertThat(Governance.replay(schemaOne.toString(), v1).differences()).isEmpty();
        // A current record that lost them differs by each one.
        ObjectNode lost = withoutDuties(current);
        lost.putArray("obligations");
        assertThat(Governance.replay(lost.toString(), v1).differences()).extracting(m -> v1.render(m, Locale.ENGLISH))
                .hasSize(7).allMatch(line -> line.startsWith("obligation: recorded -, replayed DUTY-")
                        && line.endsWith("=REQUIRED by OBL-IN-SCOPE"));
        // A current record without the field is not a record of its schema at all.
        ObjectNode missing = withoutDuties(current);
        missing.remove("obligations");
        assertThatThrownBy(() -> Governance.replay(missing.toString(), v1)).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems()).extracting(p -> p.code().id()).containsExactly("GOV-0029"));
    }

    /** Schema 1 had no obligations: a record that names its version 1 and holds some was not written by the library. */
    @Test
    void aSchemaOneRecordThatHoldsObligationsIsRefused() throws IOException {
        GovernanceEngine v1 = Governance.builder().guidelineVersion("1.0").build();
        Decision d = v1.assess(Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml")));
        ObjectNode record = (ObjectNode) JSON.readTree(Governance.toRecord(d, java.util.Set.of()));
        record.put("schemaVersion", "1");

        assertThatThrownBy(() -> Governance.fromRecord(record.toString())).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code().id()).isEqualTo("GOV-0029");
                    assertThat(p.message().key()).isEqualTo("problem.record.field-differs");
                    assertThat(p.message().args()).containsExactly("/obligations");
                }));
    }

    /** A copy of a record without the sources only its obligations name (each duty's own definition). */
    private static ObjectNode withoutDuties(ObjectNode record) {
        ObjectNode copy = record.deepCopy();
        ObjectNode sources = (ObjectNode) copy.get("sources");
        List<String> duties = new ArrayList<>();
        sources.fieldNames().forEachRemaining(id -> {
            if (id.startsWith("DUTY-")) {
                duties.add(id);
            }
        });
        assertThat(duties).hasSize(7);
        sources.remove(duties);
        return copy;
    }

    @Test
    void aCurrentRecordKeepsItsObligationsAndReplaysIdentically() throws IOException {
        GovernanceEngine v1 = Governance.builder().guidelineVersion("1.0").build();
        Decision d = v1.assess(Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml")));
        String record = Governance.toRecord(d, java.util.Set.of("description"));

        Decision back = Governance.fromRecord(record);
        assertThat(back.schemaVersion()).isEqualTo(Decision.SCHEMA_VERSION);
        assertThat(back.obligations()).isEqualTo(d.obligations()).hasSize(7);
        assertThat(Governance.replay(record, v1).identical()).isTrue();
    }

    @Test
    void aCurrentRecordWhoseObligationWasAlteredReplaysWithTheDifference() throws IOException {
        GovernanceEngine v1 = Governance.builder().guidelineVersion("1.0").build();
        Decision d = v1.assess(Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml")));
        String record = Governance.toRecord(d, java.util.Set.of());
        String altered = record.replaceFirst("(\"id\":\"DUTY-SUPPLY-CHAIN-RISK\".*?\"status\":)\"REQUIRED\"",
                "$1\"NOT_APPLICABLE\"");
        assertThat(altered).isNotEqualTo(record);

        ReplayResult r = Governance.replay(altered, v1);

        assertThat(r.identical()).isFalse();
        assertThat(r.differences()).extracting(m -> v1.render(m, Locale.ENGLISH)).containsExactly(
                "obligation: recorded DUTY-SUPPLY-CHAIN-RISK=NOT_APPLICABLE by OBL-IN-SCOPE, replayed "
                        + "DUTY-SUPPLY-CHAIN-RISK=REQUIRED by OBL-IN-SCOPE");
    }

    private static Path dir() {
        try {
            return Path.of(RecordSchemaOneTest.class.getResource("record-schema-1").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
