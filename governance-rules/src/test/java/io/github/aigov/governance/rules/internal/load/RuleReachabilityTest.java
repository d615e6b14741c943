package io.github.aigov.governance.rules.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Flag;
import io.github.aigov.governance.rules.internal.model.Rules.ApplicabilityRule;
import io.github.aigov.governance.rules.internal.model.Rules.Rule;
import io.github.aigov.governance.rules.internal.model.Sheets.Axis;
import io.github.aigov.governance.rules.internal.model.Sheets.Checklist;
import io.github.aigov.governance.rules.internal.model.Sheets.Item;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load's exact analysis: which rules can never decide anything (warnings, GOV-0016), which
 * answers no rule decides (errors, GOV-0018), and, the point of it all, that it agrees with what
 * the compiled Drools rules decide for every answer.
 */
class RuleReachabilityTest {
    static final InputLimits LIMITS = InputLimits.DEFAULT;
    static final Path FIXTURES = fixtures();
    static final Path EXAMPLE = Path.of("../examples/overlays/example-ministry-overlay.yaml");

    @TempDir
    Path dir;

    @Test
    void theShippedSetsAndTheExampleOverlayLoadWithoutWarnings() {
        assertThat(shipped("1.0").warnings()).isEmpty();
        assertThat(shipped("2.0").warnings()).isEmpty();
        assertThat(new OverlayLoader(LIMITS).apply(shipped("2.0"), EXAMPLE).warnings()).isEmpty();
    }

    @Test
    void anEngineShowsTheWarningsOfItsDefinitions() {
        GovernanceEngine engine = Governance.builder().guidelineVersion("2.0")
                .overlay(FIXTURES.resolve("overlay/adds-contradictory-combination-rule.yaml")).build();
        assertThat(engine.warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.code().id()).isEqualTo("GOV-0016");
            assertThat(w.location().file()).endsWith("adds-contradictory-combination-rule.yaml");
            assertThat(w.location().line()).isEqualTo(9);
        });
    }

    @Test
    void theAnalysisAddsLessThanFiftyMillisecondsToABuild() {
        Definitions v1 = shipped("1.0");
        Definitions v2 = shipped("2.0");
        long cold = time(v1);
        long[] warm = new long[11];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = Math.max(time(v1), time(v2));
        }
        Arrays.sort(warm);
        System.out.printf("analysis of the shipped sets: first %.2f ms, then median %.2f ms%n", cold / 1e6,
                warm[warm.length / 2] / 1e6);
        assertThat(warm[warm.length / 2]).as("median nanoseconds").isLessThan(50_000_000L);
    }

    private static long time(Definitions d) {
        long t = System.nanoTime();
        Problems problems = new Problems();
        assertThat(new RuleReachability(problems).check(d.risk(), d.checklists())).isTrue();
        long elapsed = System.nanoTime() - t;
        assertThat(problems.all()).isEmpty();
        return elapsed;
    }

    static Stream<Arguments> doubtfulOverlays() {
        return Stream.of(
                Arguments.of("adds-contradictory-combination-rule.yaml", Map.of("OV-COMB-CONTRADICTION", "problem.rule.never-holds")),
                Arguments.of("adds-shadowed-combination-rule.yaml", Map.of("OV-COMB-THREE-HIGH", "problem.rule.shadowed")),
                Arguments.of("adds-shadowed-applicability-rule.yaml",
                        Map.of("OV-APPL-PROC-01-LOW", "problem.applicability.shadowed")),
                Arguments.of("adds-applicability-rule-naming-no-item.yaml", Map.of("OV-APPL-NOTHING", "problem.applicability.no-items")),
                Arguments.of("adds-partly-shadowed-applicability-rule.yaml", Map.of()),
                Arguments.of("adds-rules-of-every-condition-form.yaml", Map.of("OV-COMB-EMPTY-ANY", "problem.rule.never-holds")),
                Arguments.of("removes-medium-classification.yaml", Map.of(
                        "ESC-MEDIUM", "problem.rule.never-holds",
                        "APPL-PROC-MEDIUM-RECOMMENDED", "problem.rule.never-holds",
                        "APPL-PROC-MEDIUM-ALL", "problem.rule.never-holds")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doubtfulOverlays")
    void anOverlayThatMakesARuleUselessLoadsWithALocatedWarning(String fixture, Map<String, String> expected) {
        Definitions d = new OverlayLoader(LIMITS).apply(shipped("2.0"), FIXTURES.resolve("overlay").resolve(fixture));
        Map<String, String> warned = new HashMap<>();
        for (Problem w : d.warnings()) {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.code()).isEqualTo(ProblemCode.UNREACHABLE_RULE);
            assertThat(w.location().line()).isPositive();
            warned.put(w.message().args().get(0), w.message().key());
        }
        assertThat(warned).isEqualTo(expected);
        d.warnings().stream().filter(w -> w.message().args().get(0).startsWith("OV-"))
                .forEach(w -> assertThat(w.location().file()).endsWith(fixture));
    }

    @Test
    void aShadowingWarningNamesTheRulesThatDecideFirst() {
        Definitions d = new OverlayLoader(LIMITS).apply(shipped("2.0"),
                FIXTURES.resolve("overlay/adds-shadowed-combination-rule.yaml"));
        assertThat(d.warnings()).singleElement().satisfies(w -> assertThat(w.message().args().get(1))
                .contains("COMB-TWO-OR-MORE-HIGH"));
        Definitions a = new OverlayLoader(LIMITS).apply(shipped("2.0"),
                FIXTURES.resolve("overlay/adds-shadowed-applicability-rule.yaml"));
        assertThat(a.warnings()).singleElement().satisfies(w -> assertThat(w.message().args().get(1))
                .isEqualTo("APPL-PROC-LOW-REQUIRED"));
    }

    static Stream<Arguments> undecidingOverlays() {
        return Stream.of(
                Arguments.of("leaves-answers-unclassified.yaml", "problem.coverage.classification", "axes.data=SENSITIVE_IN_PROMPTS"),
                Arguments.of("leaves-escalation-undecided.yaml", "problem.coverage.escalation", "LOW"),
                Arguments.of("leaves-contract-items-undecided.yaml", "problem.coverage.item", "CONT-INPUT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecidingOverlays")
    void anOverlayThatLeavesAnAnswerUndecidedIsRefusedWithAnExample(String fixture, String key, String mentions) {
        Definitions base = shipped("2.0");
        assertThatThrownBy(() -> new OverlayLoader(LIMITS).apply(base, FIXTURES.resolve("overlay").resolve(fixture)))
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    List<Problem> errors = e.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();
                    assertThat(errors).allSatisfy(p -> {
                        assertThat(p.code()).isEqualTo(ProblemCode.ITEM_NOT_COVERED);
                        assertThat(p.message().key()).isEqualTo(key);
                        assertThat(p.hint().key()).isEqualTo("hint.coverage");
                        assertThat(p.location().line()).isPositive();
                    });
                    assertThat(errors).anySatisfy(p -> assertThat(String.join(" ", p.message().args())).contains(mentions));
                });
    }

    @Test
    void theExampleAnswerOfAnUndecidedItemReallyLeavesItUndecided() {
        // contract items decided only at HIGH: the example must be an answer classified LOW or MEDIUM
        GovernanceException e = org.junit.jupiter.api.Assertions.assertThrows(GovernanceException.class,
                () -> new OverlayLoader(LIMITS).apply(shipped("2.0"),
                        FIXTURES.resolve("overlay/leaves-contract-items-undecided.yaml")));
        assertThat(e.problems()).hasSize(3).allSatisfy(p -> {
            assertThat(p.location().file()).endsWith("contract-checklist.yaml");
            assertThat(p.message().args().get(2)).containsPattern("classification=(LOW|MEDIUM)");
        });
    }

    @Test
    void aSetWhoseAnswersAreNotAllClassifiedIsRefused() throws IOException {
        Path manifest = withSheet("combination-leaves-answers-unclassified.yaml");
        assertThatThrownBy(() -> new DefinitionLoader(LIMITS).loadFile(manifest))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.code()).isEqualTo(ProblemCode.ITEM_NOT_COVERED);
                            assertThat(p.location().file()).endsWith("risk-assessment.yaml");
                            assertThat(p.message().args().get(0)).contains("axes.users=STAFF")
                                    .doesNotContain("procurement.form=SAAS_API");
                        }));
    }

    @Test
    void aContradictoryRuleAndAShadowedScopeRuleAreWarnedAbout() throws IOException {
        Definitions contradiction = new DefinitionLoader(LIMITS).loadFile(withSheet("contradictory-combination-rule.yaml"));
        assertThat(contradiction.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code().id()).isEqualTo("GOV-0016");
            assertThat(w.message().key()).isEqualTo("problem.rule.never-holds");
            assertThat(w.message().args()).containsExactly("MINI-COMB-CONTRADICTION");
            assertThat(w.location().file()).endsWith("risk-assessment.yaml");
            assertThat(w.location().line()).isEqualTo(38);
        });
        Definitions scope = new DefinitionLoader(LIMITS).loadFile(withSheet("scope-rule-shadowed.yaml"));
        assertThat(scope.warnings()).singleElement().satisfies(w -> {
            assertThat(w.message().key()).isEqualTo("problem.rule.shadowed");
            assertThat(w.message().args()).containsExactly("MINI-SCOPE-SECRETS-WITHOUT-TEXT", "MINI-SCOPE-NO-TEXT");
        });
    }

    @Test
    void anOverlayThatResolvesABaseWarningLeavesNone() {
        // The merged set is checked whole: warnings are its own, never the base's repeated.
        Definitions warned = new OverlayLoader(LIMITS).apply(shipped("2.0"),
                FIXTURES.resolve("overlay/adds-shadowed-combination-rule.yaml"));
        assertThat(warned.warnings()).hasSize(1);
        Definitions twice = new OverlayLoader(LIMITS).apply(warned, FIXTURES.resolve("overlay/adds-partly-shadowed-applicability-rule.yaml"));
        assertThat(twice.warnings()).hasSize(1);
    }

    @Test
    void anAnswerSpaceTooLargeToEnumerateIsSaidSo() throws IOException {
        // 14 axes of three levels: 3^14 answers, more than the analysis enumerates
        StringBuilder axes = new StringBuilder();
        for (int a = 0; a < 14; a++) {
            axes.append("  - id: axis").append(a).append('\n')
                    .append("    title: { ja: t, en: t }\n    question: { ja: q, en: q }\n    provenance: seed\n    citation: { ja: c, en: c }\n    options:\n");
            for (String l : List.of("LOW", "MEDIUM", "HIGH")) {
                axes.append("      - { id: ").append(l).append(", level: ").append(l)
                        .append(", title: { ja: t, en: t }, reason: { ja: r, en: r }, provenance: seed, citation: { ja: c, en: c } }\n");
            }
        }
        String risk = Files.readString(FIXTURES.resolve("definitionSheet/valid-small-risk-sheet.yaml"));
        risk = risk.substring(0, risk.indexOf("axes:\n") + 6) + axes + risk.substring(risk.indexOf("combination:"));
        risk = risk.replace("{ axis: users, atLeast: MEDIUM }", "{ axis: axis0, atLeast: MEDIUM }");
        Path manifest = withSheetText(risk);
        Definitions d = new DefinitionLoader(LIMITS).loadFile(manifest);
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ProblemCode.ANALYSIS_SKIPPED);
            assertThat(w.code().id()).isEqualTo("GOV-0026");
        });
    }

    static Stream<Arguments> setsToCompareWithTheEngine() {
        // v2.0 with the example overlay has every rule of v2.0 and tests axes; two fixtures make
        // rules useless across phases and per item; the last uses every condition form.
        // (Each set costs ~1,500 assessments.)
        return Stream.of(
                Arguments.of("DS-920 1.0", null),
                Arguments.of("DS-920 2.0", EXAMPLE),
                Arguments.of("DS-920 2.0", FIXTURES.resolve("overlay/removes-medium-classification.yaml")),
                Arguments.of("DS-920 2.0", FIXTURES.resolve("overlay/adds-shadowed-applicability-rule.yaml")),
                Arguments.of("DS-920 2.0", FIXTURES.resolve("overlay/adds-rules-of-every-condition-form.yaml")));
    }

    /**
     * For every answer (every option of every axis, every procurement form, every flag), the plain-Java
     * evaluator and the compiled Drools rules pick the same deciding rule for the classification,
     * the escalation and every item; and the rules that decide for some answer are exactly the
     * rules the load did not warn about.
     */
    @ParameterizedTest(name = "{0} with overlay {1}")
    @MethodSource("setsToCompareWithTheEngine")
    void theAnalysisAgreesWithTheEngineOnEveryAnswer(String set, Path overlay) {
        Definitions d = shipped(set.substring(set.length() - 3));
        if (overlay != null) {
            d = new OverlayLoader(LIMITS).apply(d, overlay);
        }
        DroolsEngine engine = new DroolsEngine(new RuleCompiler().compile(d), Clock.systemUTC());
        List<Axis> axes = d.risk().axes();
        Map<String, Integer> index = new HashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            index.put(axes.get(a).meta().id(), a);
        }
        ConditionEvaluator eval = new ConditionEvaluator(index);
        Set<String> decidedSomething = new HashSet<>();
        int points = 0;
        for (ProcurementForm form : ProcurementForm.values()) {
            for (int flags = 0; flags < 8; flags++) {
                boolean text = (flags & 1) != 0;
                boolean secrets = (flags & 2) != 0;
                boolean trains = (flags & 4) != 0;
                int[] odometer = new int[axes.size()];
                do {
                    ConditionEvaluator.Facts f = new ConditionEvaluator.Facts(axes.size());
                    Map<String, String> answers = new LinkedHashMap<>();
                    for (int a = 0; a < axes.size(); a++) {
                        var o = axes.get(a).options().get(odometer[a]);
                        answers.put(axes.get(a).meta().id(), o.meta().id());
                        f.levels[a] = o.level();
                        f.options.set(a, Set.of(o.meta().id()));
                    }
                    f.form = form;
                    f.flags[Flag.textGeneration.ordinal()] = text;
                    f.flags[Flag.specifiedSecrets.ordinal()] = secrets;
                    f.flags[Flag.vendorTrainsModel.ordinal()] = trains;
                    Decision decision = engine.assess(new ProjectProfile("p", "p", "o", "", new ProjectProfile.Scope(text, secrets),
                            new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(form, trains), answers));
                    points++;
                    String scope = first(d.risk().scope(), f, eval);
                    if (scope != null) {
                        assertThat(decision.classificationReason().ruleId()).isEqualTo(scope);
                        decidedSomething.add(scope);
                        break; // out of scope: the axes do not matter
                    }
                    String combination = first(d.risk().combination(), f, eval);
                    assertThat(decision.classificationReason().ruleId()).as("%s", answers).isEqualTo(combination);
                    f.classification = d.risk().combination().stream().filter(r -> r.meta().id().equals(combination))
                            .findFirst().orElseThrow().result();
                    String escalation = first(d.risk().escalation(), f, eval);
                    assertThat(decision.escalation().reasons().get(0).ruleId()).isEqualTo(escalation);
                    decidedSomething.add(combination);
                    decidedSomething.add(escalation);
                    for (Checklist c : d.checklists()) {
                        for (Item item : c.items()) {
                            String rule = firstNaming(c, item.meta().id(), f, eval);
                            String decided = c.obligations()
                                    ? decision.obligation(item.meta().id()).orElseThrow().reason().ruleId()
                                    : decision.item(item.meta().id()).orElseThrow().reason().ruleId();
                            assertThat(decided).as("%s %s", item.meta().id(), answers).isEqualTo(rule);
                            decidedSomething.add(rule);
                        }
                    }
                } while (next(odometer, axes));
            }
        }
        Set<String> warned = new HashSet<>();
        d.warnings().forEach(w -> warned.add(w.message().args().get(0)));
        List<Rule> rules = new ArrayList<>();
        rules.addAll(d.risk().scope());
        rules.addAll(d.risk().combination());
        rules.addAll(d.risk().escalation());
        d.checklists().forEach(c -> rules.addAll(c.applicability()));
        for (Rule r : rules) {
            assertThat(warned.contains(r.meta().id())).as("warned about %s", r.meta().id())
                    .isNotEqualTo(decidedSomething.contains(r.meta().id()));
        }
        assertThat(points).isGreaterThan(100);
    }

    private static String first(List<? extends Rule> rules, ConditionEvaluator.Facts f, ConditionEvaluator eval) {
        return rules.stream().filter(r -> eval.holds(r.when(), f)).map(r -> r.meta().id()).findFirst().orElse(null);
    }

    private static String firstNaming(Checklist c, String item, ConditionEvaluator.Facts f, ConditionEvaluator eval) {
        for (ApplicabilityRule r : c.applicability()) {
            if (DefinitionChecker.itemsOf(r, c).contains(item) && eval.holds(r.when(), f)) {
                return r.meta().id();
            }
        }
        return null;
    }

    private static boolean next(int[] odometer, List<Axis> axes) {
        for (int a = odometer.length - 1; a >= 0; a--) {
            if (++odometer[a] < axes.get(a).options().size()) {
                return true;
            }
            odometer[a] = 0;
        }
        return false;
    }

    static Definitions shipped(String version) {
        return new DefinitionLoader(LIMITS).loadShipped(version);
    }

    /** The shipped v2.0 set, with its risk sheet replaced by a fixture. */
    private Path withSheet(String fixture) throws IOException {
        return withSheetText(Files.readString(FIXTURES.resolve("definitionSheet").resolve(fixture)));
    }

    private Path withSheetText(String risk) throws IOException {
        for (String name : List.of("definition-set.yaml", "procurement-checklist.yaml", "contract-checklist.yaml",
                "board-report.yaml", "obligations.yaml")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("ds920/v2.0/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(dir.resolve("risk-assessment.yaml"), risk);
        // the questionnaire offers the shipped axes' options: a risk sheet of its own is loaded without it
        Path manifest = dir.resolve("definition-set.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("questionnaire: questionnaire.yaml", ""));
        return manifest;
    }

    static Path fixtures() {
        try {
            return Path.of(RuleReachabilityTest.class.getResource(
                    "/io/github/aigov/governance/rules/LoaderFuzzTestInputs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
