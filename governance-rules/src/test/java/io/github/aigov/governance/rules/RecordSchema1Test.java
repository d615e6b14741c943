package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records written before citations were bilingual (record schema 1: one citation text, overlays without
 * their title and citation), kept as they were written in {@code schema-1/}: they are still read, shown
 * with the same citation in both languages, and replayed against the definitions that made them.
 */
class RecordSchema1Test {
    static final Path DIR = Path.of("src/test/resources/io/github/aigov/governance/rules/schema-1");

    @Test
    void aRecordOfSchema1IsReadWithEachCitationInBothLanguages() throws IOException {
        Decision d = Governance.fromRecord(Files.readString(DIR.resolve("record.json")));

        assertThat(d.schemaVersion()).isEqualTo("1");
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
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
        assertThat(Governance.toRecord(r.replayed(), Set.of())).contains("\"schemaVersion\":\"2\"", "\"citation\":{\"en\":");
    }
}
