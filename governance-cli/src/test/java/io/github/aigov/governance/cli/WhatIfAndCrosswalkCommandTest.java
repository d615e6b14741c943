package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.WhatIf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code what-if}, {@code crosswalk} and {@code --crosswalk} on the papers, end to end. */
class WhatIfAndCrosswalkCommandTest {
    private static final Path TAX_PATH = Path.of("..", "examples", "projects", "tax-notice-drafting.yaml");
    private static final String TAX = TAX_PATH.toString();
    private static final String MINUTES = Path.of("..", "examples", "projects", "meeting-minutes-drafting.yaml").toString();
    private static final GovernanceEngine ENGINE = Governance.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void what_if_lists_every_alternative_of_the_library_with_its_result() {
        WhatIf w = ENGINE.whatIf(Governance.readProfile(TAX_PATH));
        assertThat(w.alternatives()).isNotEmpty();
        CliRun run = CliRun.of("what-if", TAX, "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("What would lower the outcome: ", "This project: High risk");
        for (int i = 1; i <= w.alternatives().size(); i++) {
            assertThat(run.out()).contains("\n" + i + ". ");
            assertThat(run.out()).contains(w.alternatives().get(i - 1).decidedBy().ruleId());
        }
        assertThat(run.out()).doesNotContain("\n" + (w.alternatives().size() + 1) + ". ");
        CliRun ja = CliRun.of("what-if", TAX, "--lang", "ja");
        assertThat(ja.out()).contains("判定を下げる変更", "回答を" + (w.distance() == 1 ? "1" : "2") + "つ変更");
    }

    @Test
    void what_if_json_gives_the_changed_answers_and_each_decision_which_the_engine_confirms() throws Exception {
        Path out = tmp.resolve("what-if.json");
        CliRun run = CliRun.of("what-if", TAX, "--format", "json", "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode root = JSON.readTree(Files.readString(out));
        ProjectProfile profile = Governance.readProfile(TAX_PATH);
        assertThat(root.path("classification").asText()).isEqualTo("HIGH");
        assertThat(root.path("alternatives")).isNotEmpty();
        for (JsonNode alt : root.path("alternatives")) {
            Map<String, String> axes = new LinkedHashMap<>(profile.axes());
            ProcurementForm form = profile.procurement().form();
            boolean trains = profile.procurement().vendorTrainsModel();
            for (JsonNode c : alt.path("changes")) {
                String field = c.path("field").asText();
                if (field.startsWith("axes.")) {
                    assertThat(c.path("from").asText()).isEqualTo(axes.get(field.substring(5)));
                    axes.put(field.substring(5), c.path("to").asText());
                } else if (field.equals(WhatIf.FORM)) {
                    form = ProcurementForm.valueOf(c.path("to").asText());
                } else {
                    trains = c.path("to").asBoolean();
                }
                assertThat(c.path("meaning").asText()).isNotBlank();
            }
            Decision applied = ENGINE.assess(new ProjectProfile(profile.id(), profile.name(), profile.organisation(),
                    profile.description(), profile.scope(), profile.model(), new ProjectProfile.Procurement(form, trains), axes));
            assertThat(alt.path("classification").asText()).isEqualTo(applied.classification().name());
            assertThat(alt.path("escalationRequired").asBoolean()).isEqualTo(applied.escalation().required());
            assertThat(alt.at("/decision/classification").asText()).isEqualTo(applied.classification().name());
            assertThat(alt.at("/decision/trace")).hasSize(applied.trace().size());
        }
    }

    @Test
    void what_if_of_a_low_project_says_there_is_nothing_to_lower() {
        CliRun run = CliRun.of("what-if", MINUTES, "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("nothing to lower");
    }

    @Test
    void assess_with_a_crosswalk_shows_each_required_items_references_in_every_paper() throws Exception {
        Decision d = ENGINE.assess(Governance.readProfile(TAX_PATH));
        Crosswalk eu = ENGINE.crosswalk("eu-ai-act").orElseThrow();
        CliRun text = CliRun.of("assess", TAX, "--crosswalk", "eu-ai-act", "--lang", "en");
        assertThat(text.exit()).as(text.toString()).isZero();
        long expected = d.items(ItemStatus.REQUIRED).stream().filter(i -> !eu.mappingsOf(i.id()).isEmpty()).count()
                + d.obligations(ItemStatus.REQUIRED).stream().filter(o -> !eu.mappingsOf(o.id()).isEmpty()).count();
        assertThat(text.outLines().stream().filter(l -> l.trim().startsWith("→ EU-AI-ACT: "))).hasSize((int) expected);
        assertThat(text.out()).contains("Crosswalk: DS-920 and the EU AI Act", "Left uncovered");
        assertThat(CliRun.of("assess", TAX, "--lang", "en").out()).doesNotContain("EU-AI-ACT");

        Path html = tmp.resolve("r.html");
        assertThat(CliRun.of("assess", TAX, "--format", "html", "--crosswalk", "nist-ai-rmf", "--out", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).contains("NIST-AI-RMF", "id=\"crosswalk-nist-ai-rmf\"");
        CliRun markdown = CliRun.of("assess", TAX, "--format", "markdown", "--crosswalk", "iso-iec-42001", "--lang", "en");
        assertThat(markdown.out()).contains("ISO-IEC-42001: ");
        Path xlsx = tmp.resolve("r.xlsx");
        assertThat(CliRun.of("assess", TAX, "--format", "xlsx", "--crosswalk", "canada-dadm", "--out", xlsx.toString()).exit()).isZero();
        CliRun board = CliRun.of("board-report", TAX, "--crosswalk", "meti-ai-guidelines", "--lang", "en");
        assertThat(board.exit()).as(board.toString()).isZero();
        assertThat(board.out()).contains("METI-AI-GUIDELINES: ", "What would lower the outcome");
    }

    @Test
    void an_unknown_crosswalk_is_refused_naming_the_ones_there_are_and_json_takes_none() {
        CliRun run = CliRun.of("assess", TAX, "--crosswalk", "eu-ai-ac", "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("GOV-0006", "eu-ai-ac", "eu-ai-act", "nist-ai-rmf");
        CliRun json = CliRun.of("assess", TAX, "--crosswalk", "eu-ai-act", "--format", "json", "--lang", "en");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.err()).contains("GOV-0007", "--crosswalk");
        assertThat(json.out()).isEmpty();
    }

    @Test
    void crosswalk_lists_the_frameworks_and_their_coverage_by_the_definitions_or_a_decision() throws Exception {
        CliRun list = CliRun.of("crosswalk", "--lang", "en");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.outLines()).hasSize(5).anySatisfy(l -> assertThat(l).startsWith("eu-ai-act  "));

        Crosswalk nist = ENGINE.crosswalk("nist-ai-rmf").orElseThrow();
        Crosswalk.Coverage all = nist.coverage(ENGINE.catalog());
        CliRun coverage = CliRun.of("crosswalk", "nist-ai-rmf", "--lang", "en");
        assertThat(coverage.exit()).as(coverage.toString()).isZero();
        assertThat(coverage.out()).contains(all.covered().size() + " of " + nist.references().size(),
                "Left uncovered: " + all.uncovered().size() + " of " + nist.references().size());

        CliRun json = CliRun.of("crosswalk", "nist-ai-rmf", MINUTES, "--format", "json");
        assertThat(json.exit()).as(json.toString()).isZero();
        JsonNode root = JSON.readTree(json.out());
        Crosswalk.Coverage byDecision = nist.coverage(ENGINE.assess(Governance.readProfile(Path.of(MINUTES))));
        assertThat(root.path("by").asText()).isEqualTo("decision");
        assertThat(root.path("covered")).hasSize(byDecision.covered().size());
        assertThat(root.path("uncovered")).hasSize(byDecision.uncovered().size());
        assertThat(root.path("covered").size() + root.path("uncovered").size()).isEqualTo(nist.references().size());
        assertThat(byDecision.covered().size()).isLessThan(all.covered().size());
    }

    @Test
    void diff_shows_a_crosswalk_overlays_changes() throws Exception {
        Path overlay = Files.writeString(tmp.resolve("cw.yaml"), """
                kind: CrosswalkOverlay
                id: MINISTRY-EU
                title: { ja: 本府省の補足, en: This ministry's additions }
                provenance: interpretation
                citation: { ja: 例示府省の決定, en: Example ministry's decision }
                crosswalk: eu-ai-act
                remove: [users.1]
                """);
        CliRun run = CliRun.of("diff", "--to-overlay", overlay.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("crosswalk mapping eu-ai-act/users.1");
    }
}
