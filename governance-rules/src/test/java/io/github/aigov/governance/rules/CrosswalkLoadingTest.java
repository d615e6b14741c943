package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crosswalks as the library loads them: one per shipped framework for each version, holding that
 * version's mappings only, every mapping resolved to references of its file; replaced and extended by an
 * overlay; refused with located problems when they name what does not exist; shown by {@code diff}.
 */
class CrosswalkLoadingTest {
    static final GovernanceEngine V1 = Governance.builder().guidelineVersion("1.0").build();
    static final GovernanceEngine V2 = Governance.builder().guidelineVersion("2.0").build();
    static final List<String> IDS = List.of("canada-dadm", "eu-ai-act", "iso-iec-42001", "meti-ai-guidelines", "nist-ai-rmf");

    static final String MINE = """
            kind: Crosswalk
            id: eu-ai-act
            title: { ja: 本府省の対応表, en: This ministry's crosswalk }
            provenance: interpretation
            citation: { ja: 例示府省の決定, en: Example ministry's decision }
            guideline: DS-920
            guidelineVersions: ["2.0"]
            framework:
              id: EU-AI-ACT
              title: { ja: AI法, en: AI Act }
              version: Regulation (EU) 2024/1689
              date: "2024-06-13"
              publisher: { ja: EU, en: EU }
              scope: { ja: 第14条のみ, en: Article 14 only }
              provenance: public
              citation: { ja: AI法, en: AI Act }
            groups:
              - id: CHAPTER-III
                title: { ja: 第III章, en: Chapter III }
                provenance: public
                citation: { ja: AI法第III章, en: "AI Act, Chapter III" }
                references:
                  - id: ART-14
                    label: Art. 14
                    title: { ja: 人による監視, en: Human oversight }
                    provenance: public
                    citation: { ja: AI法第14条, en: "AI Act, Article 14" }
            mappings:
              - id: judgement.1
                from: judgement
                options: [NONE]
                to: [{ ref: ART-14, strength: partial }]
                reason: { ja: 人の判断がない, en: No human judgement }
                provenance: interpretation
                citation: { ja: 本府省の解釈, en: This ministry's reading }
            """;

    @TempDir
    Path dir;

    @Test
    void every_shipped_crosswalk_is_in_every_engine_with_only_the_mappings_of_its_version() {
        for (GovernanceEngine engine : List.of(V1, V2)) {
            assertThat(engine.crosswalks()).extracting(Crosswalk::id).containsExactlyElementsOf(IDS);
            Set<String> known = ids(engine.catalog());
            for (Crosswalk c : engine.crosswalks()) {
                assertThat(c.source().provenance()).isEqualTo(Provenance.INTERPRETATION);
                assertThat(c.source().file()).isEqualTo("classpath:crosswalks/" + c.id() + ".yaml");
                assertThat(c.framework().source().provenance()).isEqualTo(Provenance.PUBLIC);
                assertThat(c.mappings()).isNotEmpty().allSatisfy(m -> {
                    assertThat(known).as("%s %s in %s", c.id(), m.id(), engine.definitions().version()).contains(m.from());
                    assertThat(m.source().provenance()).isEqualTo(Provenance.INTERPRETATION);
                    assertThat(m.reason().ja()).isNotBlank();
                    assertThat(m.reason().en()).isNotBlank();
                    assertThat(m.targets()).isNotEmpty().allSatisfy(t ->
                            assertThat(c.reference(t.reference().id())).contains(t.reference()));
                });
            }
        }
        // The board report's items exist in 2.0 only: their mappings say so and are left out of 1.0.
        assertThat(V2.crosswalk("canada-dadm").orElseThrow().mappingsOf("BOARD-QA-PLAN")).isNotEmpty();
        assertThat(V1.crosswalk("canada-dadm").orElseThrow().mappingsOf("BOARD-QA-PLAN")).isEmpty();
        assertThat(V2.crosswalk("no-such")).isEmpty();
    }

    @Test
    void coverage_splits_the_frameworks_references_into_those_touched_and_those_left() {
        Crosswalk eu = V2.crosswalk("eu-ai-act").orElseThrow();
        Crosswalk.Coverage all = eu.coverage(V2.catalog());
        assertThat(Stream.concat(all.covered().stream().map(Crosswalk.Covered::reference), all.uncovered().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(eu.references());
        for (Crosswalk.Covered c : all.covered()) {
            assertThat(c.by()).allSatisfy(from -> assertThat(eu.mappings()).anySatisfy(m -> {
                assertThat(m.from()).isEqualTo(from);
                assertThat(m.targets()).extracting(t -> t.reference().id()).contains(c.reference().id());
            }));
        }
        // A decision touches at most what the definitions can: a LOW internal tool fewer than a HIGH public chatbot.
        Decision high = V2.assess(Governance.parseProfile(Profiles.yaml("PUBLIC", "RIGHTS_AFFECTING", "SENSITIVE_LEARNED", "NONE"), "high"));
        Decision low = V2.assess(Governance.parseProfile(Profiles.yaml("STAFF_SPECIFIC", "INTERNAL_SUPPORT", "PUBLIC_ONLY", "EVERY_OUTPUT"), "low"));
        Crosswalk.Coverage h = eu.coverage(high);
        Crosswalk.Coverage l = eu.coverage(low);
        assertThat(h.covered().size()).isGreaterThan(l.covered().size()).isLessThanOrEqualTo(all.covered().size());
        assertThat(h.covered()).extracting(c -> c.reference().id()).contains("ANNEX-III-5");
        assertThat(l.covered()).extracting(c -> c.reference().id()).doesNotContain("ANNEX-III-5");
        // Exactly the references the mappings of its answers and required items point at.
        Set<String> expected = new HashSet<>();
        for (Crosswalk.Mapping m : eu.mappings()) {
            boolean holds = m.options().isEmpty()
                    ? high.item(m.from()).map(i -> i.status() == ItemStatus.REQUIRED).orElse(false)
                    || high.obligation(m.from()).map(o -> o.status() == ItemStatus.REQUIRED).orElse(false)
                    || high.axis(m.from()).isPresent()
                    : high.axis(m.from()).map(a -> m.options().contains(a.option())).orElse(false);
            if (holds) {
                m.targets().forEach(t -> expected.add(t.reference().id()));
            }
        }
        assertThat(h.covered()).extracting(c -> c.reference().id()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void an_overlay_replaces_a_crosswalk_whole_or_extends_it() throws IOException {
        Path replace = write("mine.yaml", MINE);
        GovernanceEngine replaced = Governance.builder().overlay(replace).build();
        Crosswalk mine = replaced.crosswalk("eu-ai-act").orElseThrow();
        assertThat(mine.references()).extracting(Crosswalk.Reference::id).containsExactly("ART-14");
        assertThat(mine.mappings()).singleElement().satisfies(m -> assertThat(m.source().overlay()).isEqualTo("mine.yaml"));
        assertThat(replaced.crosswalks()).hasSize(5);
        // The decision does not change, nor what it records: a crosswalk only maps what was decided.
        assertThat(replaced.definitions()).isEqualTo(V2.definitions());

        Path extend = write("extend.yaml", """
                kind: CrosswalkOverlay
                id: MINISTRY-EU
                title: { ja: 本府省の補足, en: This ministry's additions }
                provenance: interpretation
                citation: { ja: 例示府省の決定, en: Example ministry's decision }
                crosswalk: eu-ai-act
                groups:
                  - id: CHAPTER-III
                    title: { ja: 第III章, en: Chapter III }
                    provenance: public
                    citation: { ja: AI法第III章, en: "AI Act, Chapter III" }
                    references:
                      - id: ART-16
                        label: Art. 16
                        title: { ja: 提供者の義務, en: Obligations of providers }
                        provenance: public
                        citation: { ja: AI法第16条, en: "AI Act, Article 16" }
                remove: [users.1]
                mappings:
                  - id: PROC-01.1
                    from: PROC-01
                    to: [{ ref: ART-16, strength: related }]
                    reason: { ja: 置き換え, en: Replaced }
                    provenance: interpretation
                    citation: { ja: 本府省の解釈, en: This ministry's reading }
                """);
        Crosswalk base = V2.crosswalk("eu-ai-act").orElseThrow();
        Crosswalk extended = Governance.builder().overlay(extend).build().crosswalk("eu-ai-act").orElseThrow();
        assertThat(extended.references()).hasSize(base.references().size() + 1);
        assertThat(extended.reference("ART-16")).isPresent();
        assertThat(extended.mappings()).extracting(Crosswalk.Mapping::id).doesNotContain("users.1")
                .hasSize(base.mappings().size() - (base.mappings().stream().anyMatch(m -> m.id().equals("PROC-01.1")) ? 1 : 0));
        assertThat(extended.mappingsOf("PROC-01")).filteredOn(m -> m.id().equals("PROC-01.1")).singleElement()
                .satisfies(m -> assertThat(m.targets()).extracting(t -> t.reference().id()).containsExactly("ART-16"));

        // diff shows the crosswalk's changes like any definition's.
        DefinitionDiff diff = Governance.diff(V2, Governance.builder().overlay(extend).build(), List.of());
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.category()).isEqualTo("crosswalk-mapping");
            assertThat(c.id()).isEqualTo("eu-ai-act/users.1");
            assertThat(c.kind()).isEqualTo(DefinitionDiff.ChangeKind.REMOVED);
        }).anySatisfy(c -> {
            assertThat(c.category()).isEqualTo("crosswalk-reference");
            assertThat(c.id()).isEqualTo("eu-ai-act/ART-16");
            assertThat(c.kind()).isEqualTo(DefinitionDiff.ChangeKind.ADDED);
        });
        if (base.mappings().stream().anyMatch(m -> m.id().equals("PROC-01.1"))) {
            assertThat(diff.changes()).anySatisfy(c -> {
                assertThat(c.id()).isEqualTo("eu-ai-act/PROC-01.1");
                assertThat(c.kind()).isEqualTo(DefinitionDiff.ChangeKind.CHANGED);
                assertThat(c.details()).extracting(m -> m.key()).contains("diff.crosswalk.targets", "diff.reason");
            });
        }
        DefinitionDiff revision = Governance.diff(V1, V2, List.of());
        assertThat(revision.changes()).anySatisfy(c -> {
            assertThat(c.category()).isEqualTo("crosswalk-mapping");
            assertThat(c.id()).isEqualTo("canada-dadm/BOARD-QA-PLAN.1");
            assertThat(c.kind()).isEqualTo(DefinitionDiff.ChangeKind.ADDED);
        });
        assertThat(Governance.diff(V2, V2, List.of()).changes()).isEmpty();
    }

    @Test
    void the_example_crosswalk_overlay_applies_beside_the_example_ministry_overlay() {
        GovernanceEngine engine = Governance.builder().guidelineVersion("2.0")
                .overlay(Path.of("../examples/overlays/example-ministry-overlay.yaml"))
                .overlay(Path.of("../examples/overlays/example-crosswalk-overlay.yaml")).build();
        Crosswalk eu = engine.crosswalk("eu-ai-act").orElseThrow();
        assertThat(eu.mappingsOf("PROC-04")).filteredOn(m -> m.id().equals("PROC-04.1")).singleElement().satisfies(m -> {
            assertThat(m.targets()).extracting(t -> t.reference().label()).containsExactly("Art. 73", "Art. 20");
            assertThat(m.source().overlay()).isEqualTo("EXAMPLE-MINISTRY-EU-AI-ACT");
        });
        assertThat(eu.reference("ART-20")).isPresent();
        // The decision's record names the definitions' overlay only: the crosswalk does not decide.
        assertThat(engine.definitions().overlays()).extracting(o -> o.id()).containsExactly("EXAMPLE-MINISTRY-2026");
    }

    @Test
    void a_crosswalk_overlay_naming_what_does_not_exist_is_refused_at_the_line_that_names_it() throws IOException {
        Path bad = write("bad.yaml", """
                kind: CrosswalkOverlay
                id: BAD
                title: { ja: 誤り, en: Wrong }
                provenance: interpretation
                citation: { ja: 例, en: Example }
                crosswalk: eu-ai-act
                remove: [users.99]
                mappings:
                  - id: PROC-99.1
                    from: PROC-99
                    to: [{ ref: ART-999, strength: direct }]
                    reason: { ja: 理由, en: Reason }
                    provenance: interpretation
                    citation: { ja: 例, en: Example }
                  - id: PROC-01.9
                    from: PROC-01
                    options: [PUBLIC]
                    to: [{ ref: ART-14, strength: strong }]
                    reason: { ja: 理由, en: Reason }
                    provenance: interpretation
                    citation: { ja: 例, en: Example }
                """);
        List<Problem> problems = problems(bad);
        assertThat(problems).extracting(p -> p.code().id() + "@" + p.location().line()).contains(
                "GOV-0006@7", "GOV-0006@10", "GOV-0006@11", "GOV-0007@18");
        assertThat(problems).allSatisfy(p -> assertThat(p.location().file()).endsWith("bad.yaml"));
        assertThat(problems).filteredOn(p -> p.location().line() == 11).singleElement()
                .satisfies(p -> assertThat(p.location().path()).isEqualTo("mappings[0].to[0].ref"));

        Path unknown = write("unknown.yaml", """
                kind: CrosswalkOverlay
                id: BAD
                title: { ja: 誤り, en: Wrong }
                provenance: interpretation
                citation: { ja: 例, en: Example }
                crosswalk: eu-ai-ac
                """);
        assertThat(problems(unknown)).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0006");
            assertThat(p.location().line()).isEqualTo(6);
            assertThat(p.hint().args()).anySatisfy(a -> assertThat(String.valueOf(a)).contains("eu-ai-act"));
        });
    }

    @Test
    void a_crosswalk_for_another_version_is_refused_with_the_version_to_use() throws IOException {
        Path v1only = write("mine.yaml", MINE.replace("guidelineVersions: [\"2.0\"]", "guidelineVersions: [\"1.0\"]"));
        assertThat(Governance.builder().guidelineVersion("1.0").overlay(v1only).build().crosswalk("eu-ai-act").orElseThrow()
                .references()).hasSize(1);
        assertThat(problems(v1only)).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0017");
            assertThat(p.location().path()).isEqualTo("guidelineVersions");
        });
    }

    private List<Problem> problems(Path overlay) {
        try {
            Governance.builder().overlay(overlay).build();
        } catch (GovernanceException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + overlay);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Set<String> ids(DefinitionCatalog catalog) {
        Set<String> ids = new HashSet<>();
        catalog.axes().forEach(a -> ids.add(a.id()));
        catalog.checklists().forEach(c -> c.groups().forEach(g -> g.items().forEach(i -> ids.add(i.id()))));
        catalog.obligations().forEach(o -> ids.add(o.id()));
        return ids;
    }

    /** Profiles in the answer space, in scope. */
    static final class Profiles {
        static String yaml(String users, String work, String data, String judgement) {
            return """
                    id: p
                    name: P
                    organisation: O
                    scope: { textGeneration: true, specifiedSecrets: false }
                    model: { name: m, vendor: v }
                    procurement: { form: SAAS_API, vendorTrainsModel: false }
                    axes: { users: %s, work: %s, data: %s, judgement: %s }
                    """.formatted(users, work, data, judgement);
        }
    }
}
