package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.WhatIf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What-if over the whole answer space of every shipped set and the example overlay: every profile in scope
 * (each axis's every option, each procurement form, the vendor training a model or not) is assessed once,
 * and that table is the oracle. For each profile, the alternatives {@code whatIf} suggests are exactly the
 * answer sets at the smallest distance (one, else two) whose assessment lowers the class or removes the
 * escalation: none missed, none extra; and each, applied, is decided as it claims, with the same trace.
 */
class WhatIfTest {
    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("DS-920 1.0", Governance.builder().guidelineVersion("1.0").build()),
                Arguments.of("DS-920 2.0", Governance.builder().guidelineVersion("2.0").build()),
                Arguments.of("DS-920 2.0 + example overlay", Governance.builder().guidelineVersion("2.0")
                        .overlay(Path.of("../examples/overlays/example-ministry-overlay.yaml")).build()));
    }

    /** An answer set: what the what-if may change. */
    record Answers(Map<String, String> fields) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void every_profile_gets_exactly_the_smallest_changes_that_lower_it(String name, GovernanceEngine engine) {
        Map<Answers, Decision> table = new HashMap<>();
        List<ProjectProfile> profiles = space(engine.catalog());
        for (ProjectProfile p : profiles) {
            table.put(answers(p), engine.assess(p));
        }
        Map<String, List<String>> values = values(engine.catalog());
        int[] byDistance = new int[3];
        for (ProjectProfile p : profiles) {
            Decision base = table.get(answers(p));
            WhatIf w = engine.whatIf(p);
            assertThat(w.decision().classification()).isEqualTo(base.classification());
            assertThat(w.decision().escalation().required()).isEqualTo(base.escalation().required());

            // the oracle: every answer set at distance one, then two, looked up in the table
            Set<Map<String, String>> expected = new HashSet<>();
            int distance = 0;
            if (lowerable(base)) {
                for (int d = 1; d <= 2 && expected.isEmpty(); d++) {
                    for (Map<String, String> changes : changes(answers(p).fields(), values, d)) {
                        Map<String, String> fields = new LinkedHashMap<>(answers(p).fields());
                        fields.putAll(changes);
                        if (lowers(base, table.get(new Answers(fields)))) {
                            expected.add(changes);
                        }
                    }
                    distance = expected.isEmpty() ? 0 : d;
                }
            }
            Set<Map<String, String>> suggested = new HashSet<>();
            for (WhatIf.Alternative a : w.alternatives()) {
                Map<String, String> changes = new LinkedHashMap<>();
                a.changes().forEach(c -> {
                    assertThat(c.from()).isEqualTo(answers(p).fields().get(c.field()));
                    changes.put(c.field(), c.to());
                });
                assertThat(suggested.add(changes)).as("suggested once: %s", changes).isTrue();
                // applied, it gives the decision it claims, with the same trace
                Decision applied = table.get(answers(a.profile()));
                Map<String, String> fields = new LinkedHashMap<>(answers(p).fields());
                fields.putAll(changes);
                assertThat(answers(a.profile()).fields()).isEqualTo(fields);
                assertThat(a.profile().id()).isEqualTo(p.id());
                assertThat(a.decision().classification()).isEqualTo(applied.classification());
                assertThat(a.decision().escalation()).isEqualTo(applied.escalation());
                assertThat(a.decision().items()).isEqualTo(applied.items());
                assertThat(a.decision().trace()).isNotEmpty().isEqualTo(applied.trace());
                assertThat(lowers(base, applied)).isTrue();
                assertThat(a.decidedBy()).isEqualTo(rank(applied.classification()) < rank(base.classification())
                        ? applied.classificationReason() : applied.escalation().reasons().get(0));
                assertThat(a.itemsAdded()).isEqualTo(minus(required(applied), required(base)));
                assertThat(a.itemsRemoved()).isEqualTo(minus(required(base), required(applied)));
                assertThat(a.changes()).allSatisfy(c -> {
                    assertThat(c.meaning().ja()).isNotBlank().doesNotContain(".title").doesNotContain("label.whatif");
                    assertThat(c.meaning().en()).isNotBlank().doesNotContain(".title").doesNotContain("label.whatif");
                    // the questionnaire's text for moving to this answer, and its mark
                    engine.questionnaire().flatMap(q -> q.questionFor(c.field())).flatMap(q -> q.option(c.to()))
                            .ifPresent(o -> {
                                assertThat(c.meaning()).isEqualTo(o.change());
                                assertThat(c.designChoice()).isEqualTo(o.designChoice());
                            });
                });
            }
            assertThat(suggested).as("%s: %s", name, answers(p)).isEqualTo(expected);
            assertThat(w.distance()).as("%s: %s", name, answers(p)).isEqualTo(distance);
            for (int i = 1; i < w.alternatives().size(); i++) {
                WhatIf.Alternative x = w.alternatives().get(i - 1);
                WhatIf.Alternative y = w.alternatives().get(i);
                assertThat(!x.designChoice() && y.designChoice()).as("design choices first").isFalse();
                if (x.designChoice() == y.designChoice()) {
                    assertThat(rank(x.decision().classification())).isLessThanOrEqualTo(rank(y.decision().classification()));
                }
            }
            byDistance[w.distance()]++;
        }
        // The space exercises single changes and profiles with nothing to lower.
        assertThat(byDistance[1]).as("profiles with a single change").isPositive();
        assertThat(byDistance[0]).as("profiles already LOW without escalation").isPositive();
    }

    @Test
    void a_profile_out_of_scope_or_already_low_has_no_alternative() {
        GovernanceEngine engine = Governance.builder().build();
        ProjectProfile low = profile(Map.of("users", "STAFF_SPECIFIC", "work", "INTERNAL_SUPPORT", "data", "PUBLIC_ONLY",
                "judgement", "EVERY_OUTPUT"), ProcurementForm.SAAS_API, false, true);
        assertThat(engine.whatIf(low).alternatives()).isEmpty();
        assertThat(engine.whatIf(low).decision().classification()).isEqualTo(Classification.LOW);
        ProjectProfile out = profile(Map.of("users", "PUBLIC", "work", "RIGHTS_AFFECTING", "data", "SENSITIVE_LEARNED",
                "judgement", "NONE"), ProcurementForm.SAAS_API, false, false);
        assertThat(engine.whatIf(out).alternatives()).isEmpty();
        assertThat(engine.whatIf(out).distance()).isZero();
    }

    @Test
    void a_fact_the_ministry_cannot_change_comes_after_every_design_choice() {
        GovernanceEngine engine = Governance.builder().build();
        // HIGH because the public uses it and the work affects rights: moving the users is a fact, the work a choice
        ProjectProfile p = profile(Map.of("users", "PUBLIC", "work", "RIGHTS_AFFECTING", "data", "PUBLIC_ONLY",
                "judgement", "EVERY_OUTPUT"), ProcurementForm.SAAS_API, false, true);
        WhatIf w = engine.whatIf(p);
        assertThat(w.alternatives()).anySatisfy(a -> assertThat(a.designChoice()).isFalse());
        int firstFact = 0;
        while (w.alternatives().get(firstFact).designChoice()) {
            firstFact++;
        }
        assertThat(w.alternatives().subList(firstFact, w.alternatives().size())).allSatisfy(a -> assertThat(a.designChoice()).isFalse());
    }

    @Test
    void judgement_none_to_every_output_reads_as_what_the_ministry_would_do() {
        GovernanceEngine engine = Governance.builder().build();
        ProjectProfile p = profile(Map.of("users", "STAFF_SPECIFIC", "work", "RIGHTS_AFFECTING", "data", "PUBLIC_ONLY",
                "judgement", "NONE"), ProcurementForm.SAAS_API, false, true);
        WhatIf w = engine.whatIf(p);
        assertThat(w.decision().classification()).isEqualTo(Classification.HIGH);
        WhatIf.Alternative every = w.alternatives().stream().filter(a -> a.changes().size() == 1
                && a.changes().get(0).field().equals("axes.judgement") && a.changes().get(0).to().equals("EVERY_OUTPUT"))
                .findFirst().orElseThrow();
        assertThat(every.changes().get(0).meaning()).isEqualTo(engine.questionnaire().orElseThrow()
                .questionFor("axes.judgement").orElseThrow().option("EVERY_OUTPUT").orElseThrow().change());
        assertThat(every.changes().get(0).meaning().en()).containsIgnoringCase("every output");
        assertThat(every.decision().classification()).isNotEqualTo(Classification.HIGH);
    }

    // -- the answer space

    static List<ProjectProfile> space(DefinitionCatalog catalog) {
        List<Map<String, String>> axes = new ArrayList<>();
        axes.add(new LinkedHashMap<>());
        for (DefinitionCatalog.Axis a : catalog.axes()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : axes) {
                for (DefinitionCatalog.Option o : a.options()) {
                    Map<String, String> n = new LinkedHashMap<>(m);
                    n.put(a.id(), o.id());
                    next.add(n);
                }
            }
            axes = next;
        }
        List<ProjectProfile> out = new ArrayList<>();
        for (Map<String, String> a : axes) {
            for (ProcurementForm f : ProcurementForm.values()) {
                for (boolean trains : new boolean[] {false, true}) {
                    out.add(profile(a, f, trains, true));
                }
            }
        }
        return out;
    }

    static ProjectProfile profile(Map<String, String> axes, ProcurementForm form, boolean trains, boolean textGeneration) {
        return new ProjectProfile("what-if", "What-if", "Ministry", "", new ProjectProfile.Scope(textGeneration, false),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(form, trains), axes);
    }

    static Answers answers(ProjectProfile p) {
        Map<String, String> f = new LinkedHashMap<>();
        p.axes().forEach((k, v) -> f.put("axes." + k, v));
        f.put(WhatIf.FORM, p.procurement().form().name());
        f.put(WhatIf.VENDOR_TRAINS_MODEL, String.valueOf(p.procurement().vendorTrainsModel()));
        return new Answers(f);
    }

    static Map<String, List<String>> values(DefinitionCatalog catalog) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        catalog.axes().forEach(a -> v.put("axes." + a.id(), a.options().stream().map(DefinitionCatalog.Option::id).toList()));
        v.put(WhatIf.FORM, Stream.of(ProcurementForm.values()).map(Enum::name).toList());
        v.put(WhatIf.VENDOR_TRAINS_MODEL, List.of("false", "true"));
        return v;
    }

    /** Every way of changing exactly {@code n} fields to another of their values. */
    static List<Map<String, String>> changes(Map<String, String> given, Map<String, List<String>> values, int n) {
        List<String> fields = new ArrayList<>(values.keySet());
        List<Map<String, String>> out = new ArrayList<>();
        collect(given, values, fields, 0, n, new LinkedHashMap<>(), out);
        return out;
    }

    private static void collect(Map<String, String> given, Map<String, List<String>> values, List<String> fields, int from,
                                int n, Map<String, String> acc, List<Map<String, String>> out) {
        if (acc.size() == n) {
            out.add(new LinkedHashMap<>(acc));
            return;
        }
        for (int i = from; i < fields.size(); i++) {
            String f = fields.get(i);
            for (String v : values.get(f)) {
                if (!v.equals(given.get(f))) {
                    acc.put(f, v);
                    collect(given, values, fields, i + 1, n, acc, out);
                    acc.remove(f);
                }
            }
        }
    }

    static boolean lowerable(Decision d) {
        return d.classification() != Classification.OUT_OF_SCOPE
                && (d.classification() != Classification.LOW || d.escalation().required());
    }

    static boolean lowers(Decision base, Decision alt) {
        return alt.classification() != Classification.OUT_OF_SCOPE && (rank(alt.classification()) < rank(base.classification())
                || base.escalation().required() && !alt.escalation().required());
    }

    static int rank(Classification c) {
        return List.of(Classification.LOW, Classification.MEDIUM, Classification.HIGH).indexOf(c);
    }

    static List<String> required(Decision d) {
        return d.items(ItemStatus.REQUIRED).stream().map(i -> i.id()).toList();
    }

    static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }
}
