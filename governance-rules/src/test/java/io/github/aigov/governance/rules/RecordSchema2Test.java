package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A record of schema 2, written before the trace's facts were values ({@code schema-2/}, v2.0 as shipped
 * then, kept as written): it is still read, each fact as a fact of kind {@code TEXT}, and replays
 * identically against the definitions that made it; replayed, the two-HIGH rule's count names the axes
 * it counted, which the record could only give as {@code count=2}. A record of 2 holding what schema 2
 * never held (a fact as a value) is refused.
 */
class RecordSchema2Test {
    static final Path DIR = Path.of("src/test/resources/io/github/aigov/governance/rules/schema-2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String record() throws IOException {
        return Files.readString(DIR.resolve("record.json"), StandardCharsets.UTF_8).strip();
    }

    private static TraceEvent counting(Decision d) {
        return d.trace().stream().filter(e -> e.rule().equals("combination:COMB-TWO-OR-MORE-HIGH")).findFirst().orElseThrow();
    }

    @Test
    void aRecordOfSchema2IsReadWithEachFactAsItsText() throws IOException {
        Decision d = Governance.fromRecord(record());

        assertThat(d.schemaVersion()).isEqualTo("2");
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.obligations()).isNotEmpty();
        assertThat(d.trace()).flatExtracting(TraceEvent::facts).isNotEmpty()
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo(TraceFact.Kind.TEXT));
        assertThat(counting(d).facts()).containsExactly(TraceFact.text("count=2"));
        assertThat(d.trace()).flatExtracting(TraceEvent::facts).extracting(TraceFact::text)
                .contains("Profile(textGeneration=true, specifiedSecrets=false, vendorTrainsModel=false, procurementForm=SAAS_API)");
    }

    @Test
    void theJsonOfASchema2DecisionIsReadAsTheRecordIs() throws IOException {
        Decision json = Governance.fromJson(Files.readString(DIR.resolve("decision.json"), StandardCharsets.UTF_8));
        Decision record = Governance.fromRecord(record());

        assertThat(json.schemaVersion()).isEqualTo("2");
        assertThat(json.trace()).isEqualTo(record.trace());
        assertThat(json.items()).isEqualTo(record.items());
        assertThat(json.obligations()).isEqualTo(record.obligations());
    }

    @Test
    void aRecordOfSchema2ReplaysIdenticallyAndTheCountNowNamesItsAxes() throws IOException {
        GovernanceEngine then = Governance.builder().definitions(DIR.resolve("definitions/definition-set.yaml")).build();
        assertThat(then.definitions().hash()).isEqualTo(Governance.fromRecord(record()).definitions().hash());

        ReplayResult r = Governance.replay(record(), then);

        assertThat(r.differences()).extracting(m -> then.render(m, Locale.ENGLISH)).isEmpty();
        assertThat(r.identical()).isTrue();
        assertThat(r.replayed().schemaVersion()).isEqualTo(Decision.SCHEMA_VERSION).isEqualTo("3");
        TraceFact count = counting(r.replayed()).facts().stream().filter(f -> f.kind() == TraceFact.Kind.AXIS_COUNT)
                .findFirst().orElseThrow();
        assertThat(count.field("count")).isEqualTo("2");
        assertThat(count.field("axes").split(", ")).hasSize(2)
                .allSatisfy(axis -> assertThat(r.replayed().axis(axis).orElseThrow().level().name()).isEqualTo("HIGH"));
        // and it is written again in today's form
        assertThat(Governance.toRecord(r.replayed(), Set.of())).contains("\"schemaVersion\":\"3\"", "\"kind\":\"AXIS_COUNT\"");
    }

    @Test
    void aRecordOfSchema2ThatHoldsAFactAsAValueIsRefused() throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(record());
        ArrayNode facts = (ArrayNode) record.path("trace").get(0).get("facts");
        ObjectNode value = facts.objectNode();
        value.put("kind", "OUT_OF_SCOPE");
        value.putObject("fields").put("rule", "SCOPE-X");
        facts.set(0, value);

        assertThatThrownBy(() -> Governance.fromRecord(record.toString())).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code().id()).isEqualTo("GOV-0029");
                    assertThat(p.message().key()).isEqualTo("problem.record.field-differs");
                }));
    }

    @Test
    void aCurrentRecordWithAFactAsTextIsRefused() throws IOException {
        GovernanceEngine engine = Governance.builder().build();
        Decision d = engine.assess(Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml")));
        ObjectNode record = (ObjectNode) JSON.readTree(Governance.toRecord(d, Set.of()));
        ((ArrayNode) record.path("trace").get(0).get("facts")).set(0, record.textNode("count=2"));

        assertThatThrownBy(() -> Governance.fromRecord(record.toString())).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.code().id()).isEqualTo("GOV-0029")));
        assertThat(Governance.replay(Governance.toRecord(d, Set.of()), engine).identical()).isTrue();
    }
}
