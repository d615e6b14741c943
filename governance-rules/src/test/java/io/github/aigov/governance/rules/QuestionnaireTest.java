package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The questionnaire as data: every shipped version's engine returns it, asking for every profile field with
 * exactly the answers the engine accepts; a broken questionnaire is refused with each problem located; an
 * overlay rewords questions, help and answers (and a wrong rewording is refused where it is written); and the
 * questionnaire decides nothing, so it leaves the definitions' hash alone.
 */
class QuestionnaireTest {
    static final List<String> SET_FILES = List.of("definition-set.yaml", "risk-assessment.yaml",
            "procurement-checklist.yaml", "contract-checklist.yaml", "board-report.yaml", "obligations.yaml",
            "questionnaire.yaml");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "v{0}")
    @ValueSource(strings = {"1.0", "2.0"})
    void everyShippedVersionAsksForEveryProfileFieldWithExactlyTheAnswersTheEngineAccepts(String version) {
        GovernanceEngine engine = Governance.builder().guidelineVersion(version).build();
        Questionnaire q = engine.questionnaire().orElseThrow();
        assertThat(q.guidelineVersion()).isEqualTo(version);
        assertThat(q.sections()).extracting(s -> s.id()).containsExactly("project", "scope", "model", "procurement", "axes");
        List<String> expected = new ArrayList<>(List.of("id", "name", "organisation", "description", "scope.textGeneration",
                "scope.specifiedSecrets", "model.name", "model.vendor", "procurement.form", "procurement.vendorTrainsModel"));
        engine.catalog().axes().forEach(a -> expected.add("axes." + a.id()));
        assertThat(q.questions()).extracting(Question::sets).containsExactlyElementsOf(expected);
        assertThat(q.questions()).filteredOn(Question::optional).extracting(Question::sets).containsExactly("description");
        for (DefinitionCatalog.Axis axis : engine.catalog().axes()) {
            Question question = q.questionFor("axes." + axis.id()).orElseThrow();
            assertThat(question.type()).isEqualTo(Question.Type.CHOICE);
            assertThat(question.axis()).isEqualTo(axis.id());
            assertThat(question.options()).extracting(QuestionOption::value)
                    .containsExactlyElementsOf(axis.options().stream().map(DefinitionCatalog.Option::id).toList());
        }
        assertThat(q.questionFor("procurement.form").orElseThrow().options()).extracting(QuestionOption::value)
                .containsExactly(Arrays.stream(ProcurementForm.values()).map(Enum::name).toArray(String[]::new));
        for (Question question : q.questions()) {
            switch (question.type()) {
                case BOOLEAN -> assertThat(question.options()).extracting(QuestionOption::value).containsExactly("true", "false");
                case TEXT -> assertThat(question.options()).isEmpty();
                case CHOICE -> assertThat(question.options()).isNotEmpty();
                default -> throw new AssertionError(question.type());
            }
            assertThat(question.help().examples()).as(question.id()).hasSizeBetween(1, 2);
            assertThat(question.source().file()).endsWith("ds920/v" + version + "/questionnaire.yaml");
            assertThat(question.source().line()).isPositive();
            assertThat(question.source().overlay()).isNull();
            assertThat(question.options()).allSatisfy(o -> assertThat(o.examples()).hasSizeBetween(1, 2));
        }
        assertThat(q.question("judgement").orElseThrow().option("EVERY_OUTPUT").orElseThrow().change())
                .isEqualTo(new LocalizedText("出力を利用する前に、職員が全ての出力を確認・判断するようにする",
                        "Have a staff member judge every output before it is used"));
        // the axes restate the guideline's sheet; the readings of them are this project's
        assertThat(q.question("judgement").orElseThrow().source().provenance()).isEqualTo(Provenance.SEED);
        assertThat(q.question("judgement").orElseThrow().help().source().provenance()).isEqualTo(Provenance.INTERPRETATION);
        // facts the ministry cannot change are marked so for what-if
        assertThat(q.question("text-generation").orElseThrow().options()).noneMatch(QuestionOption::designChoice);
        assertThat(q.question("judgement").orElseThrow().options()).allMatch(QuestionOption::designChoice);
    }

    /** The questionnaire decides nothing: rewording it leaves the hash, and so every recorded decision's replay, alone. */
    @Test
    void theQuestionnaireIsNotInTheDefinitionsHash() throws IOException {
        Path a = copyOfV2("a");
        Path b = copyOfV2("b");
        TestFiles.replace(b.resolve("questionnaire.yaml"), "en: Enter the name of this system.",
                "en: What is the system called?");
        GovernanceEngine ea = Governance.builder().definitions(a.resolve("definition-set.yaml")).build();
        GovernanceEngine eb = Governance.builder().definitions(b.resolve("definition-set.yaml")).build();
        assertThat(eb.questionnaire().orElseThrow().question("project-name").orElseThrow().text().en())
                .isEqualTo("What is the system called?");
        assertThat(eb.definitions().hash()).isEqualTo(ea.definitions().hash());
        assertThat(ea.definitions().hash()).isEqualTo(Governance.builder().guidelineVersion("2.0").build().definitions().hash());
    }

    @Test
    void aSetWithoutAQuestionnaireHasNone() throws IOException {
        Path set = copyOfV2("none");
        TestFiles.replace(set.resolve("definition-set.yaml"), "questionnaire: questionnaire.yaml", "");
        assertThat(Governance.builder().definitions(set.resolve("definition-set.yaml")).build().questionnaire()).isEmpty();
    }

    static Stream<Arguments> brokenQuestionnaires() {
        return Stream.of(
                Arguments.of("a field the profile does not have", "GOV-0006", "sets: model.vendor",
                        "sets: model.vendr", "sections[2].questions[1].sets", "did you mean \"model.vendor\"?"),
                Arguments.of("another version's questionnaire", "GOV-0007", "guidelineVersion: \"2.0\"",
                        "guidelineVersion: \"1.0\"", "guidelineVersion", null),
                Arguments.of("a yes/no field asked as text", "GOV-0007", "sets: scope.specifiedSecrets\n        type: boolean",
                        "sets: scope.specifiedSecrets\n        type: choice", "sections[1].questions[1].type", "use one of: boolean"),
                Arguments.of("a required field marked optional", "GOV-0007", "sets: organisation\n        type: text",
                        "sets: organisation\n        type: text\n        optional: true", "sections[0].questions[2].optional", null),
                Arguments.of("an option the axis does not have", "GOV-0006", "          - id: SAMPLED\n",
                        "          - id: SAMPLEDX\n", "sections[4].questions[3].options[1]", "did you mean \"SAMPLED\"?"),
                Arguments.of("a question id used twice", "GOV-0005", "      - id: model-vendor\n",
                        "      - id: model-name\n", "sections[2].questions[1].id", null),
                Arguments.of("a field nobody asks", "GOV-0003", "sets: procurement.vendorTrainsModel",
                        "sets: description", "sections", "add a question with sets: procurement.vendorTrainsModel"),
                Arguments.of("a third example", "GOV-0007",
                        "            - ja: 議事録案を事務局が全て確認・修正してから回覧する（全ての出力を判断）\n",
                        "            - ja: 一つ目\n              en: one\n            - ja: 議事録案を事務局が全て確認・修正してから回覧する（全ての出力を判断）\n",
                        "sections[4].questions[3].help.examples", null));
    }

    /** Each broken questionnaire is refused with its code at the field written wrong, and a hint where one helps. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenQuestionnaires")
    void aBrokenQuestionnaireIsRefusedWhereItIsWrong(String what, String code, String from, String to, String path,
                                                     String hint) throws IOException {
        Path set = copyOfV2("broken");
        TestFiles.replace(set.resolve("questionnaire.yaml"), from, to);
        GovernanceException e = catchThrowableOfType(
                () -> Governance.builder().definitions(set.resolve("definition-set.yaml")).build(), GovernanceException.class);
        assertThat(e).as(what).isNotNull();
        Problem p = e.problems().stream().filter(x -> x.code().id().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError(TestFiles.render(e.problems())));
        assertThat(p.location().file()).endsWith("questionnaire.yaml");
        assertThat(p.location().line()).isPositive();
        assertThat(p.location().path()).isEqualTo(path);
        if (hint != null) {
            assertThat(Messages.render(p.hint(), Locale.ENGLISH)).isEqualTo(hint);
        }
        assertThat(Messages.render(p.message(), Locale.JAPANESE)).isNotBlank().isNotEqualTo(Messages.render(p.message(), Locale.ENGLISH));
    }

    @Test
    void everyProblemOfAQuestionnaireIsReportedInOneLoad() throws IOException {
        Path set = copyOfV2("two");
        TestFiles.replace(set.resolve("questionnaire.yaml"), "sets: model.vendor", "sets: model.provider",
                "          - id: SAMPLED\n", "          - id: SAMPLEDX\n");
        GovernanceException e = catchThrowableOfType(
                () -> Governance.builder().definitions(set.resolve("definition-set.yaml")).build(), GovernanceException.class);
        assertThat(e.problems()).extracting(p -> p.code().id() + " " + p.location().path()).contains(
                "GOV-0006 sections[2].questions[1].sets", "GOV-0006 sections[4].questions[3].options[1]",
                "GOV-0003 sections[4].questions[3].options", "GOV-0003 sections");
    }

    // -- overlays

    static final String OVERLAY_HEAD = """
            kind: Overlay
            id: REWORDING
            title: { ja: 言い換え, en: Rewording }
            base: { id: DS-920, version: "2.0" }
            provenance: interpretation
            citation: { ja: 府省の質問票, en: The ministry's questionnaire }
            """;

    @Test
    void anOverlayRewordsAQuestionItsHelpAndAnAnswerAndNamesItself() throws IOException {
        Path overlay = write(OVERLAY_HEAD + """
                questions:
                  - id: judgement
                    question: { ja: 職員は出力を確認しますか。, en: "Do staff check the outputs?" }
                    help:
                      explanation: { ja: 府省の説明, en: The ministry's explanation }
                      examples: [ { ja: 府省の例, en: The ministry's example } ]
                      provenance: interpretation
                      citation: { ja: 府省の質問票 第1項, en: "The ministry's questionnaire, §1" }
                    options:
                      - id: NONE
                        meaning: { ja: 確認しない, en: Nobody checks }
                        examples: [ { ja: 自動応答, en: Automatic answers } ]
                        designChoice: false
                        change: { ja: 確認をやめる, en: Stop checking }
                        provenance: interpretation
                        citation: { ja: 府省の質問票 第2項, en: "The ministry's questionnaire, §2" }
                    provenance: interpretation
                    citation: { ja: 府省の質問票 第3項, en: "The ministry's questionnaire, §3" }
                """);
        GovernanceEngine base = Governance.builder().guidelineVersion("2.0").build();
        GovernanceEngine engine = Governance.builder().guidelineVersion("2.0").overlay(overlay).build();
        Question q = engine.questionnaire().orElseThrow().question("judgement").orElseThrow();
        Question was = base.questionnaire().orElseThrow().question("judgement").orElseThrow();
        assertThat(q.text()).isEqualTo(new LocalizedText("職員は出力を確認しますか。", "Do staff check the outputs?"));
        assertThat(q.source().overlay()).isEqualTo("REWORDING");
        assertThat(q.source().line()).isEqualTo(TestFiles.lineOf(overlay, "- id: judgement"));
        assertThat(q.help().explanation().en()).isEqualTo("The ministry's explanation");
        assertThat(q.help().source().overlay()).isEqualTo("REWORDING");
        QuestionOption none = q.option("NONE").orElseThrow();
        assertThat(none.designChoice()).isFalse();
        assertThat(none.change().en()).isEqualTo("Stop checking");
        assertThat(none.source().overlay()).isEqualTo("REWORDING");
        // what it does not reword stays the base's, in the base's order
        assertThat(q.options()).extracting(QuestionOption::value).containsExactly("EVERY_OUTPUT", "SAMPLED", "NONE");
        assertThat(q.option("SAMPLED")).isEqualTo(was.option("SAMPLED"));
        assertThat(engine.questionnaire().orElseThrow().question("users")).isEqualTo(base.questionnaire().orElseThrow().question("users"));
        assertThat(engine.definitions().hash()).isEqualTo(base.definitions().hash());
        // the base engine is untouched
        assertThat(base.questionnaire().orElseThrow().question("judgement").orElseThrow().source().overlay()).isNull();
    }

    /** The example ministry's overlay rewords the answer whose level it changes, and says so. */
    @Test
    void theExampleOverlayRewordsTheAnswerWhoseLevelItChanges() {
        GovernanceEngine ministry = Governance.builder().guidelineVersion("2.0")
                .overlay(Path.of("../examples/overlays/example-ministry-overlay.yaml")).build();
        QuestionOption o = ministry.questionnaire().orElseThrow().question("data").orElseThrow().option("SENSITIVE_IN_PROMPTS")
                .orElseThrow();
        assertThat(o.meaning().ja()).contains("本府省では、これだけで③を高とします");
        assertThat(o.source().overlay()).isEqualTo("EXAMPLE-MINISTRY-2026");
        assertThat(ministry.questionnaire().orElseThrow().question("data").orElseThrow().source().overlay()).isNull();
    }

    @Test
    void anOptionAnOverlayAddsToAnAxisIsOfferedUnderItsQuestion() throws IOException {
        Path overlay = write(OVERLAY_HEAD + """
                options:
                  - axis: data
                    id: HEALTH_RECORDS
                    level: HIGH
                    title: { ja: 診療情報を扱う, en: Handles health records }
                    reason: { ja: 府省の方針, en: The ministry's rule }
                    provenance: interpretation
                    citation: { ja: 府省の決定, en: The ministry's decision }
                """);
        Question q = Governance.builder().guidelineVersion("2.0").overlay(overlay).build().questionnaire().orElseThrow()
                .question("data").orElseThrow();
        assertThat(q.options()).extracting(QuestionOption::value).containsExactly("PUBLIC_ONLY", "INTERNAL_NON_CONFIDENTIAL",
                "SENSITIVE_IN_PROMPTS", "SENSITIVE_LEARNED", "HEALTH_RECORDS");
        QuestionOption added = q.option("HEALTH_RECORDS").orElseThrow();
        assertThat(added.meaning()).isEqualTo(new LocalizedText("診療情報を扱う", "Handles health records"));
        assertThat(added.source().overlay()).isEqualTo("REWORDING");
    }

    static Stream<Arguments> brokenRewordings() {
        return Stream.of(
                Arguments.of("an unknown question", "GOV-0006", """
                          - id: judgment
                            question: { ja: 質問, en: Question }
                            provenance: interpretation
                            citation: { ja: 出典, en: Source }
                        """, "- id: judgment", "questions[0].id", "did you mean \"judgement\"?"),
                Arguments.of("an answer the question does not have", "GOV-0006", """
                          - id: judgement
                            options:
                              - id: SOMETIMES
                                meaning: { ja: 時々, en: Sometimes }
                                examples: [ { ja: 例, en: Example } ]
                                designChoice: true
                                change: { ja: 時々確認する, en: Check sometimes }
                                provenance: interpretation
                                citation: { ja: 出典, en: Source }
                            provenance: interpretation
                            citation: { ja: 出典, en: Source }
                        """, "- id: SOMETIMES", "questions[0].options[0]", null),
                Arguments.of("answers to a free-text question", "GOV-0002", """
                          - id: project-name
                            options:
                              - id: X
                                meaning: { ja: 時々, en: Sometimes }
                                examples: [ { ja: 例, en: Example } ]
                                designChoice: true
                                change: { ja: 時々確認する, en: Check sometimes }
                                provenance: interpretation
                                citation: { ja: 出典, en: Source }
                            provenance: interpretation
                            citation: { ja: 出典, en: Source }
                        """, "- id: X", "questions[0].options", null),
                Arguments.of("a rewording without its citation", "GOV-0003", """
                          - id: judgement
                            question: { ja: 質問, en: Question }
                            provenance: interpretation
                        """, "- id: judgement", "questions[0].citation", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRewordings")
    void aWrongRewordingIsRefusedWhereItIsWritten(String what, String code, String entries, String near, String path,
                                                  String hint) throws IOException {
        Path overlay = write(OVERLAY_HEAD + "questions:\n" + entries);
        GovernanceException e = catchThrowableOfType(
                () -> Governance.builder().guidelineVersion("2.0").overlay(overlay).build(), GovernanceException.class);
        assertThat(e).as(what).isNotNull();
        Problem p = TestFiles.only(e.problems(), io.github.aigov.governance.ProblemCode.valueOf(codeName(code)));
        assertThat(p.location().file()).isEqualTo(overlay.toString());
        assertThat(p.location().path()).isEqualTo(path);
        int line = TestFiles.lineOf(overlay, near);
        assertThat(p.location().line()).isBetween(line - 1, line + 1);
        if (hint != null) {
            assertThat(Messages.render(p.hint(), Locale.ENGLISH)).isEqualTo(hint);
        }
    }

    private static String codeName(String id) {
        return Arrays.stream(io.github.aigov.governance.ProblemCode.values()).filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow().name();
    }

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("overlay-" + System.nanoTime() + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private Path copyOfV2(String name) throws IOException {
        Path target = Files.createDirectories(dir.resolve(name));
        for (String f : SET_FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("ds920/v2.0/" + f)) {
                Files.write(target.resolve(f), in.readAllBytes());
            }
        }
        return target;
    }
}
