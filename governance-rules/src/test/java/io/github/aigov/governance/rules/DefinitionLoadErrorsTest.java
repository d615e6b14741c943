package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.TestFiles.at;
import static io.github.aigov.governance.rules.TestFiles.only;
import static io.github.aigov.governance.rules.TestFiles.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Engines built from copies of the shipped v1.0 definitions, broken by text replacement. Every problem must be
 * reported, at once, with its permanent code and its file, line and column; codes are asserted, not wording.
 */
class DefinitionLoadErrorsTest {
    private static final String RISK = "risk-assessment.yaml";
    private static final String PROCUREMENT = "procurement-checklist.yaml";
    private static final String CONTRACT = "contract-checklist.yaml";
    private static final String OBLIGATIONS = "obligations.yaml";

    @TempDir
    Path dir;

    @BeforeEach
    void copyShippedDefinitions() throws IOException {
        for (String f : List.of("definition-set.yaml", RISK, PROCUREMENT, CONTRACT, "board-report.yaml", OBLIGATIONS,
                "questionnaire.yaml")) {
            Files.copy(SharedEngine.V1.resolve(f), dir.resolve(f));
        }
    }

    @Test
    void theUnbrokenCopyBuildsAndDecidesLikeTheShippedSet() {
        Decision d = build().assess(benefitsChatbot());
        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.definitions().hash()).isEqualTo(SharedEngine.v1().definitions().hash());
    }

    @Test
    void anUnknownFieldIsReportedAtItsKeyWithADidYouMeanHint() throws IOException {
        replace(RISK, "  - id: ESC-HIGH\n", "  - id: ESC-HIGH\n    provenence: interpretation\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_FIELD);
        assertThat(p.location()).isEqualTo(at(file(RISK), "provenence", "escalation[0].provenence"));
        assertThat(p.hint()).isEqualTo(Message.of("hint.did-you-mean", "provenance"));
    }

    @Test
    void aMissingReasonIsReportedAtItsRule() throws IOException {
        replace(RISK, "    reason:\n      ja: 回答のレベルが「高」である観点がないため、低リスクと判定します。\n"
                + "      en: None of the four axes is answered at level \"high\", so the use is classified low risk.\n", "");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.MISSING_FIELD);
        assertThat(p.location()).isEqualTo(at(file(RISK), "id: COMB-DEFAULT-LOW", "combination[3].reason"));
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWhereItIsWritten() throws IOException {
        replace(RISK, "  - id: ESC-LOW\n    required: false\n", "  - id: ESC-LOW\n    required: [false]\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.WRONG_TYPE);
        assertThat(p.location()).isEqualTo(at(file(RISK), "[false]", "escalation[2].required"));
    }

    @Test
    void aDuplicateIdIsReportedAtItsSecondDefinition() throws IOException {
        replace(RISK, "  - id: COMB-ANY-HIGH\n", "  - id: COMB-TWO-OR-MORE-HIGH\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_ID);
        assertThat(p.location()).isEqualTo(new Location(file(RISK).toString(),
                lineAfter(RISK, "  - id: COMB-TWO-OR-MORE-HIGH", 2), 5, "combination[2].id"));
    }

    @Test
    void aConditionOnAnUnknownAxisIsReportedWithADidYouMeanHint() throws IOException {
        replace(RISK, "        - { axis: judgement, level: HIGH }\n", "        - { axis: judgment, level: HIGH }\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
        assertThat(p.location()).isEqualTo(at(file(RISK), "{ axis: judgment", "combination[0].when.all[1]"));
        assertThat(p.hint()).isEqualTo(Message.of("hint.did-you-mean", "judgement"));
    }

    @Test
    void aConditionOnAnUnknownOptionIsReportedWithADidYouMeanHint() throws IOException {
        replace(RISK, "        - { axis: work, level: HIGH }\n", "        - { axis: work, option: RIGHTS_AFECTING }\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
        assertThat(p.location()).isEqualTo(at(file(RISK), "{ axis: work, option", "combination[0].when.all[0]"));
        assertThat(p.hint()).isEqualTo(Message.of("hint.did-you-mean", "RIGHTS_AFFECTING"));
    }

    @Test
    void anOptionWithoutALevelIsReported() throws IOException {
        replace(RISK, "      - id: STAFF_SPECIFIC\n        level: LOW\n", "      - id: STAFF_SPECIFIC\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.MISSING_FIELD);
        assertThat(p.location()).isEqualTo(at(file(RISK), "id: STAFF_SPECIFIC", "axes[0].options[0].level"));
    }

    @Test
    void aLevelOutsideItsVocabularyIsReportedWithADidYouMeanHint() throws IOException {
        replace(RISK, "      - id: PUBLIC\n        level: HIGH\n", "      - id: PUBLIC\n        level: HGH\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
        assertThat(p.location()).isEqualTo(at(file(RISK), "HGH", "axes[0].options[3].level"));
        assertThat(p.hint()).isEqualTo(Message.of("hint.did-you-mean", "HIGH"));
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithLineAndColumn() throws IOException {
        replace(CONTRACT, "    items: all\n", "    items: [all\n");

        Problem p = single(problems());

        assertThat(p.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
        assertThat(p.location().file()).isEqualTo(file(CONTRACT).toString());
        assertThat(p.location().line()).isGreaterThanOrEqualTo(TestFiles.lineOf(file(CONTRACT), "items: [all"));
        assertThat(p.location().column()).isPositive();
        assertThat(p.hint()).isEqualTo(Message.of("hint.yaml.syntax"));
    }

    @Test
    void anUnshippedGuidelineVersionIsRefusedNamingTheShippedOnes() {
        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> Governance.builder().guidelineVersion("9.9").build());

        assertThat(e).isNotNull();
        Problem p = single(e.problems());
        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_VERSION);
        assertThat(p.message().args()).containsExactly("9.9", "1.0, 2.0");
    }

    @Test
    void everyProblemInEveryFileIsReportedInOneExceptionSortedByLocation() throws IOException {
        replace(RISK, "  - id: ESC-HIGH\n", "  - id: ESC-HIGH\n    provenence: interpretation\n",
                "      - id: PUBLIC\n        level: HIGH\n", "      - id: PUBLIC\n        level: HGH\n",
                "      - id: STAFF_SPECIFIC\n        level: LOW\n", "      - id: STAFF_SPECIFIC\n");
        replace(PROCUREMENT, "      - id: PROC-05\n        number: \"⑤\"\n", "      - id: PROC-05\n        number: [\"⑤\"]\n");
        replace(CONTRACT, "    items: all\n    status: REQUIRED\n", "    items: all\n    status: MANDATORY\n");

        List<Problem> problems = problems();

        assertThat(problems).extracting(Problem::code).containsExactly(
                ProblemCode.INVALID_VALUE,       // contract: MANDATORY
                ProblemCode.WRONG_TYPE,          // procurement: number
                ProblemCode.MISSING_FIELD,       // risk: STAFF_SPECIFIC's level
                ProblemCode.INVALID_VALUE,       // risk: HGH
                ProblemCode.UNKNOWN_FIELD);      // risk: provenence
        assertThat(problems).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(problems).extracting(p -> Path.of(p.location().file()).getFileName().toString())
                .containsExactly(CONTRACT, PROCUREMENT, RISK, RISK, RISK);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.location().line()).isPositive();
            assertThat(p.location().column()).isPositive();
            assertThat(p.location().path()).isNotBlank();
        });
    }

    @Test
    void crossReferenceProblemsInSeveralFilesAreAllReported() throws IOException {
        replace(RISK, "  - id: COMB-ANY-HIGH\n", "  - id: COMB-TWO-OR-MORE-HIGH\n");
        replace(PROCUREMENT, "    items: [PROC-08, PROC-09]\n", "    items: [PROC-08, PRC-09]\n");

        List<Problem> problems = problems();

        assertThat(problems).extracting(Problem::code)
                .containsExactly(ProblemCode.UNKNOWN_REFERENCE, ProblemCode.DUPLICATE_ID);
        assertThat(problems.get(0).location().file()).isEqualTo(file(PROCUREMENT).toString());
        assertThat(problems.get(0).location().path()).isEqualTo("applicability[1].items");
        assertThat(problems.get(0).hint()).isEqualTo(Message.of("hint.did-you-mean", "PROC-09"));
        assertThat(problems.get(1).location().file()).isEqualTo(file(RISK).toString());
        assertThat(problems.get(1).location().path()).isEqualTo("combination[2].id");
    }

    static Stream<Arguments> injections() {
        String drl = "'X\" salience 1 when then System.exit(1); end rule \"Y'";
        return Stream.of(
                Arguments.of("a rule id", RISK, "  - id: COMB-ANY-HIGH\n", "  - id: " + drl + "\n"),
                Arguments.of("an option id", RISK, "      - id: SAMPLED\n", "      - id: " + drl + "\n"),
                Arguments.of("an item id", PROCUREMENT, "      - id: PROC-05\n", "      - id: " + drl + "\n"),
                Arguments.of("an axis in a condition", RISK, "        - { axis: work, level: HIGH }\n",
                        "        - { axis: '\") || true || (\"', level: HIGH }\n"),
                Arguments.of("an option in a condition", RISK, "        - { axis: work, level: HIGH }\n",
                        "        - { axis: work, option: 'X\") ; System.exit(1); //' }\n"),
                Arguments.of("an MVEL template in an id", RISK, "  - id: ESC-LOW\n", "  - id: '@{System.exit(1)}'\n"));
    }

    /** The text that marks the injected line (unique in its file). */
    private static String marker(String injected) {
        return injected.contains("System.exit") ? "System.exit" : "|| true ||";
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("injections")
    void ruleTextInAnIdentifierIsRefusedBeforeAnyRuleIsGenerated(String where, String sheet, String from, String to)
            throws IOException {
        replace(sheet, from, to);

        List<Problem> problems = problems();

        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.INVALID_ID);
        assertThat(problems.get(0).location().line()).isEqualTo(TestFiles.lineOf(file(sheet), marker(to)));
        assertThat(problems.get(0).hint()).isEqualTo(Message.of("hint.id"));
    }

    @Test
    void ruleTextInAnItemReferenceIsRefused() throws IOException {
        replace(PROCUREMENT, "    items: [PROC-08, PROC-09]\n",
                "    items: [PROC-08, 'PROC-09\") then System.exit(1); //']\n");

        assertThat(problems()).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_REFERENCE);
    }

    @Test
    void ruleTextInAReasonOrCitationIsInertDataRenderedVerbatim() throws IOException {
        String reason = "\"; System.exit(1); end rule \"Y\" salience 9 when then ${jndi:ldap://x} @{System.exit(1)} #{7*7} end";
        String citation = "\") then System.exit(1); end // <script>alert(1)</script>";
        replace(RISK, "      en: Two or more of the four axes are answered at level \"high\", so the use is classified high risk.\n",
                "      en: '" + reason + "'\n");
        // the citation of the same rule, in both languages
        String text = Files.readString(file(RISK));
        int reasonAt = text.indexOf(reason);
        int citationAt = text.indexOf("    citation:\n", reasonAt);
        int citationEnd = text.indexOf("\n  - id:", citationAt) + 1;
        Files.writeString(file(RISK), text.substring(0, citationAt) + "    citation:\n      ja: '" + citation + "（出典）'\n"
                + "      en: '" + citation + "'\n" + text.substring(citationEnd));

        GovernanceEngine engine = build();
        Decision d = engine.assess(benefitsChatbot());

        assertThat(d.classification()).isEqualTo(Classification.HIGH);
        assertThat(d.classificationReason().ruleId()).isEqualTo("COMB-TWO-OR-MORE-HIGH");
        assertThat(engine.render(d.classificationReason().message(), Locale.ENGLISH)).isEqualTo(reason);
        assertThat(d.classificationReason().source().citation()).isEqualTo(new LocalizedText(citation + "（出典）", citation));
        assertThat(((DroolsEngine) engine).drl()).doesNotContain("System.exit").doesNotContain("jndi");
        assertThat(Governance.fromJson(Governance.toJson(d)).classificationReason().source().citation().in(Locale.ENGLISH))
                .isEqualTo(citation);
    }

    private GovernanceEngine build() {
        return Governance.builder().definitions(dir.resolve("definition-set.yaml")).build();
    }

    /** The problems of a build that must fail. */
    private List<Problem> problems() {
        GovernanceException e = catchThrowableOfType(GovernanceException.class, this::build);
        assertThat(e).as("the build must fail").isNotNull();
        assertThat(e.internal()).as("bad input is not a defect of the library").isFalse();
        return e.problems().stream().filter(p -> p.severity() == io.github.aigov.governance.Severity.ERROR).toList();
    }

    private static Problem single(List<Problem> problems) {
        assertThat(problems).as(render(problems)).hasSize(1);
        return problems.get(0);
    }

    private Path file(String name) {
        return dir.resolve(name).toAbsolutePath().normalize();
    }

    private void replace(String name, String... replacements) throws IOException {
        TestFiles.replace(file(name), replacements);
    }

    /** The line of the n-th line containing {@code text}. */
    private int lineAfter(String name, String text, int n) throws IOException {
        List<String> lines = Files.readAllLines(file(name));
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == n) {
                return i + 1;
            }
        }
        throw new AssertionError("fewer than " + n + " lines contain " + text);
    }

    private static ProjectProfile benefitsChatbot() {
        return new ProjectProfile("benefits-eligibility-chatbot", "給付金案内チャットボット", "厚生労働省", "",
                new ProjectProfile.Scope(true, false), new ProjectProfile.Model("example-llm", "Example Corp."),
                new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                Map.of("users", "PUBLIC", "work", "INFORMATION_PROVISION", "data", "PUBLIC_ONLY", "judgement", "NONE"));
    }
}
