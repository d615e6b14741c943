package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records of schema 1, written before citations were bilingual and before decisions carried the ministry's
 * duties (one citation text, overlays without their title and citation, no {@code obligations}), kept as
 * they were written: {@code schema-1/} (v2.0 with the example overlay) and {@code schema-1-v1.0/} (v1.0,
 * with the frozen definitions that made it, before v1.0 had a board-report sheet). They are still read,
 * each citation in both languages and no obligations, and replay against the definitions that made them;
 * a record of 1 that holds what schema 1 never held is refused. A record of the current schema keeps its
 * obligations through the same round trip.
 */
class RecordSchema1Test {
    static final Path DIR = Path.of("src/test/resources/io/github/aigov/governance/rules/schema-1");
    /** v1.0's record of schema 1 and the frozen v1.0 definitions that made it. */
    static final Path V1_DIR = Path.of("src/test/resources/io/github/aigov/governance/rules/schema-1-v1.0");
    static final Path V1_RECORD = V1_DIR.resolve("record.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String v1Record() throws IOException {
        return Files.readString(V1_RECORD, StandardCharsets.UTF_8).strip();
    }

    @Test
    void aRecordOfSchema1IsReadWithEachCitationInBothLanguages() throws IOException {
        Decision d = Governance.fromRecord(Files.readString(DIR.resolve("record.json")));

        assertThat(d.schemaVersion()).isEqualTo("1");
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.obligations()).as("schema 1 had none").isEmpty();
        SourceRef source = d.classificationReason().source();
        assertThat(source.citation()).isEqualTo(LocalizedText.of(
                "DS-920 v1.0 高リスク判定シート (4つの観点を勘案し各府省において判定) — the combination rule is this project's default reading"));
        assertThat(d.items()).allSatisfy(i -> assertThat(i.source().citation().ja()).isEqualTo(i.source().citation().en()));
        assertThat(d.definitions().overlays()).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo("EXAMPLE-MINISTRY-2026");
            assertThat(o.title()).as("schema 1 did not keep it").isNull();
            assertThat(o.citation()).as("schema 1 did not keep it").isNull();
        });
        assertThat(Governance.fromRecord(Files.readString(DIR.resolve("record.json"))).profile().description())
                .isEqualTo("[REDACTED]");
    }

    @Test
    void theJsonOfASchema1DecisionIsReadAsTheRecordIs() throws IOException {
        Decision json = Governance.fromJson(Files.readString(DIR.resolve("decision.json")));
        Decision record = Governance.fromRecord(Files.readString(DIR.resolve("record.json")));

        assertThat(json.schemaVersion()).isEqualTo("1");
        assertThat(json.decisionId()).isEqualTo(record.decisionId());
        assertThat(json.items()).isEqualTo(record.items());
        assertThat(json.trace()).isEqualTo(record.trace());
        assertThat(json.definitions()).isEqualTo(record.definitions());
    }

    @Test
    void aRecordOfSchema1ReplaysAgainstTheDefinitionsThatMadeIt() throws IOException {
        GovernanceEngine then = Governance.builder().definitions(DIR.resolve("definitions/definition-set.yaml"))
                .overlay(DIR.resolve("overlay.yaml")).build();
        // those definitions wrote every citation in one language (read as both) and gave options no reason
        // (their title is shown instead): each is a warning, nothing is refused
        assertThat(then.warnings()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.code().id() + " " + w.location().path()).matches("GOV-0004 .*citation|GOV-0003 .*options\\[\\d+]\\.reason");
        });
        assertThat(then.warnings()).extracting(w -> w.code()).contains(ProblemCode.WRONG_TYPE, ProblemCode.MISSING_FIELD);

        ReplayResult r = Governance.replay(Files.readString(DIR.resolve("record.json")), then);

        assertThat(r.differences()).isEmpty();
        assertThat(r.replayed().classification()).isEqualTo(r.recorded().classification());
        DefinitionsRef.OverlayRef overlay = r.replayed().definitions().overlays().get(0);
        assertThat(overlay.title()).isEqualTo(new LocalizedText("例示府省の生成AI調達運用方針（オーバーレイの例）",
                "An example ministry's generative-AI procurement rules (example overlay)"));
        // and it is written again in today's form
        assertThat(Governance.toRecord(r.replayed(), Set.of())).contains("\"schemaVersion\":\"" + Decision.SCHEMA_VERSION + "\"", "\"citation\":{\"en\":");
    }

    @Test
    void aV1RecordOfSchema1IsReadWithNoObligations() throws IOException {
        Decision d = Governance.fromRecord(v1Record());
        assertThat(d.schemaVersion()).isEqualTo("1");
        assertThat(d.obligations()).isEmpty();
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.items()).hasSize(24);
        assertThat(d.trace()).isNotEmpty();
    }

    @Test
    void aV1RecordOfSchema1ReplaysIdenticallyWithTheDefinitionsThatMadeIt() throws IOException {
        // v1.0 as it was then: no board-report sheet, no duties, one-language citations (each a warning)
        GovernanceEngine then = Governance.builder().definitions(V1_DIR.resolve("definitions/definition-set.yaml")).build();
        assertThat(then.definitions().hash()).isEqualTo(Governance.fromRecord(v1Record()).definitions().hash());
        assertThat(then.catalog().obligationSheets()).as("the frozen set predates obligation sheets").isEmpty();
        assertThat(then.warnings()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.code().id() + " " + w.location().path()).matches("GOV-0004 .*citation|GOV-0003 .*options\\[\\d+]\\.reason");
        });

        ReplayResult r = Governance.replay(v1Record(), then);

        assertThat(r.differences()).extracting(m -> then.render(m, Locale.ENGLISH)).isEmpty();
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
        for (int i = 0; i < d.trace().size(); i++) { // schema 1 wrote each fact as its text
            com.fasterxml.jackson.databind.node.ArrayNode facts = schemaOne.path("trace").get(i).withArray("facts");
            facts.removeAll();
            d.trace().get(i).facts().forEach(f -> facts.add(f.text()));
        }
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
    void aRecordOfSchema1ThatHoldsObligationsIsRefused() throws IOException {
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
}
