package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code governance interview} driven with scripted answers, as through a pipe: for every sample project the
 * answers give back exactly the sample's profile, whose decision is the sample's; help, numbers, values and
 * re-asking on a bad answer; input that ends early writes nothing; and {@code governance options}.
 */
class InterviewCommandTest {
    static final Path PROJECTS = Path.of("..", "examples", "projects");
    static final GovernanceEngine LATEST = Governance.builder().build();
    static final Questionnaire QUESTIONNAIRE = LATEST.questionnaire().orElseThrow();

    @TempDir
    Path dir;

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(PROJECTS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** The answers that describe a profile: texts as written, choices alternately by number and by value. */
    static List<String> answers(ProjectProfile p) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (Question q : QUESTIONNAIRE.questions()) {
            String value = switch (q.sets()) {
                case "id" -> p.id();
                case "name" -> p.name();
                case "organisation" -> p.organisation();
                case "description" -> p.description() == null ? "" : p.description();
                case "scope.textGeneration" -> p.scope().textGeneration().toString();
                case "scope.specifiedSecrets" -> p.scope().specifiedSecrets().toString();
                case "model.name" -> p.model().name();
                case "model.vendor" -> p.model().vendor();
                case "procurement.form" -> p.procurement().form().name();
                case "procurement.vendorTrainsModel" -> p.procurement().vendorTrainsModel().toString();
                default -> p.axes().get(q.axis());
            };
            if (q.type() != Question.Type.TEXT && i++ % 2 == 0) {
                value = String.valueOf(q.options().indexOf(q.option(value).orElseThrow()) + 1);
            }
            lines.add(value);
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theScriptedAnswersOfASampleWriteItsProfileWhoseDecisionIsTheSamples(Path sample) throws IOException {
        ProjectProfile expected = Governance.readProfile(sample);
        Path out = dir.resolve("project.yaml");
        CliRun run = interview(String.join("\n", answers(expected)) + "\n", "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();

        ProjectProfile written = Governance.readProfile(out);
        assertThat(written).isEqualTo(expected);
        Decision mine = LATEST.assess(written);
        Decision theirs = LATEST.assess(expected);
        assertThat(mine.classification()).isEqualTo(theirs.classification());
        assertThat(mine.escalation()).isEqualTo(theirs.escalation());
        assertThat(mine.items()).extracting(ItemResult::id, ItemResult::status)
                .containsExactlyElementsOf(theirs.items().stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.id(), i.status())).toList());
        assertThat(mine.obligations()).extracting(ObligationResult::id, ObligationResult::status)
                .containsExactlyElementsOf(theirs.obligations().stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.id(), i.status())).toList());
        // the decision is shown at the end, as assess prints it
        CliRun assess = CliRun.of("assess", out.toString(), "--lang", "en");
        assertThat(assess.exit()).as(assess.toString()).isZero();
        assertThat(run.out()).contains(assess.outLines().get(0)).contains("written: " + out);

        // every answer has its question above it
        String text = Files.readString(out);
        for (Question q : QUESTIONNAIRE.questions()) {
            if (!(q.optional() && expected.description() == null)) {
                assertThat(text).contains("# " + q.text().en());
            }
        }
        assertThat(text).doesNotContain("\t");
    }

    @Test
    void questionMarkShowsTheExplanationAndExamplesAndABadAnswerIsAskedAgain() throws IOException {
        ProjectProfile sample = Governance.readProfile(PROJECTS.resolve("seabis-help-chat.yaml"));
        List<String> lines = new ArrayList<>(answers(sample));
        int form = QUESTIONNAIRE.questions().indexOf(QUESTIONNAIRE.questionFor("procurement.form").orElseThrow());
        int id = QUESTIONNAIRE.questions().indexOf(QUESTIONNAIRE.questionFor("id").orElseThrow());
        lines.addAll(form, List.of("?", "SAAS", "0", "4"));         // help, a value it does not have, numbers out of range
        lines.addAll(id, List.of("", "-starts-with-a-dash"));        // blank, not an id
        Path out = dir.resolve("p.yaml");
        CliRun run = interview(String.join("\n", lines) + "\n", "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Governance.readProfile(out)).isEqualTo(sample);
        Question q = QUESTIONNAIRE.questionFor("procurement.form").orElseThrow();
        assertThat(run.out()).contains(q.help().explanation().en().strip());
        q.help().examples().forEach(e -> assertThat(run.out()).contains("e.g. " + e.en()));
        assertThat(run.out()).contains("\"SAAS\" is not an answer: give a number from 1 to 3, or one of: SAAS_API, CUSTOMISATION, NEW_DEVELOPMENT");
        assertThat(run.out()).contains("\"0\" is not an answer", "\"4\" is not an answer");
        assertThat(run.out()).contains("an answer is needed here",
                "start with a letter or digit, then letters, digits, _ . - only (at most 128 characters)");
        // the question was asked again after each refusal: its text, four times more than once
        assertThat(run.out().split(java.util.regex.Pattern.quote(q.text().en()), -1)).hasSize(5 + 1);
    }

    @Test
    void inputThatEndsEarlyIsRefusedNamingTheQuestionAndNothingIsWritten() {
        ProjectProfile sample = Governance.readProfile(PROJECTS.resolve("benefits-eligibility-chatbot.yaml"));
        List<String> lines = answers(sample).subList(0, 9);
        Path out = dir.resolve("p.yaml");
        CliRun run = interview(String.join("\n", lines), "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        Question tenth = QUESTIONNAIRE.questions().get(9);
        assertThat(run.err()).contains("<stdin>:10 (" + tenth.sets() + "): GOV-0003",
                "before question 10 of " + QUESTIONNAIRE.questions().size() + " was answered", "nothing was written");
        assertThat(out).doesNotExist();
        CliRun empty = interview("", "--out", out.toString(), "--lang", "en");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("<stdin>:1 (id): GOV-0003");
        assertThat(out).doesNotExist();
    }

    @Test
    void japaneseByDefaultWhereTheSystemIsJapaneseAndCommentsInTheLanguageAsked() throws IOException {
        ProjectProfile sample = Governance.readProfile(PROJECTS.resolve("meeting-minutes-drafting.yaml"));
        Path out = dir.resolve("ja.yaml");
        Locale before = Locale.getDefault();
        CliRun run;
        try {
            Locale.setDefault(Locale.JAPAN);
            run = interview(String.join("\n", answers(sample)) + "\n", "--out", out.toString());
        } finally {
            Locale.setDefault(before);
        }
        assertThat(run.exit()).as(run.toString()).isZero();
        Question judgement = QUESTIONNAIRE.question("judgement").orElseThrow();
        assertThat(run.out()).contains(judgement.text().ja(), "番号 1～3 又は値（? で説明）> ").doesNotContain(judgement.text().en());
        assertThat(Files.readString(out)).contains("# " + judgement.text().ja(),
                "judgement: EVERY_OUTPUT  # " + judgement.option("EVERY_OUTPUT").orElseThrow().meaning().ja());
        assertThat(Governance.readProfile(out)).isEqualTo(sample);
        // --lang overrides the system's language
        Path en = dir.resolve("en.yaml");
        CliRun english;
        try {
            Locale.setDefault(Locale.JAPAN);
            english = interview(String.join("\n", answers(sample)) + "\n", "--out", en.toString(), "--lang", "en");
        } finally {
            Locale.setDefault(before);
        }
        assertThat(english.out()).contains(judgement.text().en());
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeAnyQuestion() throws IOException {
        Path overlay = Path.of("..", "examples", "overlays", "example-ministry-overlay.yaml");
        byte[] before = Files.readAllBytes(overlay);
        CliRun run = interview("x\n", "--out", overlay.toString(), "--overlay", overlay.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("GOV-0027");
        assertThat(run.out()).doesNotContain("(1/");
        assertThat(Files.readAllBytes(overlay)).isEqualTo(before);
    }

    /** A set on disk: its questionnaire is one of the files read, and a set without one is refused, saying so. */
    @Test
    void aSetOnDiskItsQuestionnaireIsReadAndASetWithoutOneIsRefused() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        for (String name : List.of("definition-set.yaml", "risk-assessment.yaml", "procurement-checklist.yaml",
                "contract-checklist.yaml", "board-report.yaml", "obligations.yaml", "questionnaire.yaml")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("ds920/v2.0/" + name)) {
                Files.write(set.resolve(name), in.readAllBytes());
            }
        }
        Path questionnaire = set.resolve("questionnaire.yaml");
        byte[] before = Files.readAllBytes(questionnaire);
        CliRun overwrite = interview("x\n", "--definitions", set.resolve("definition-set.yaml").toString(),
                "--out", questionnaire.toString(), "--lang", "en");
        assertThat(overwrite.exit()).as(overwrite.toString()).isEqualTo(1);
        assertThat(overwrite.err()).contains("GOV-0027");
        assertThat(Files.readAllBytes(questionnaire)).isEqualTo(before);

        Path manifest = set.resolve("definition-set.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("questionnaire: questionnaire.yaml", ""));
        CliRun none = CliRun.of("options", "--definitions", manifest.toString(), "--lang", "en");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("GOV-0003", "the definitions DS-920 2.0 have no questionnaire");
    }

    /** Texts answered with quotes, backslashes and a colon are written so that the profile reads them back exactly. */
    @Test
    void textsWithYamlCharactersReadBackExactly() throws IOException {
        ProjectProfile sample = Governance.readProfile(PROJECTS.resolve("tax-notice-drafting.yaml"));
        List<String> lines = new ArrayList<>(answers(sample));
        int name = QUESTIONNAIRE.questions().indexOf(QUESTIONNAIRE.questionFor("name").orElseThrow());
        String tricky = "\"Tax\": notices \\ #1 'draft' - {a: b} & *x !tag";
        lines.set(name, tricky);
        Path out = dir.resolve("t.yaml");
        CliRun run = interview(String.join("\n", lines) + "\n", "--out", out.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Governance.readProfile(out).name()).isEqualTo(tricky);
    }

    @Test
    void optionsListsEveryQuestionWithEachValueAndItsMeaning() {
        CliRun en = CliRun.of("options", "--lang", "en");
        assertThat(en.exit()).as(en.toString()).isZero();
        CliRun ja = CliRun.of("options", "--lang", "ja");
        assertThat(ja.exit()).isZero();
        for (Question q : QUESTIONNAIRE.questions()) {
            assertThat(en.out()).contains(q.sets() + ": " + q.text().en());
            assertThat(ja.out()).contains(q.sets() + ": " + q.text().ja());
            for (QuestionOption o : q.options()) {
                assertThat(en.outLines()).anyMatch(l -> l.matches("  " + o.value() + " +\\Q" + o.meaning().en() + "\\E"));
                assertThat(ja.outLines()).anyMatch(l -> l.matches("  " + o.value() + " +\\Q" + o.meaning().ja() + "\\E"));
                o.examples().forEach(e -> assertThat(en.out()).contains("e.g. " + e.en()));
            }
        }
        // v1.0's own reading of answering NONE on the judgement axis
        CliRun v1 = CliRun.of("options", "--guideline-version", "1.0", "--lang", "en");
        String none = Governance.builder().guidelineVersion("1.0").build().questionnaire().orElseThrow()
                .question("judgement").orElseThrow().option("NONE").orElseThrow().meaning().en();
        assertThat(v1.out()).contains(none).startsWith("DS-920 1.0:");
    }

    @Test
    void optionsShowsAnOverlaysRewording() throws IOException {
        Path overlay = dir.resolve("reword.yaml");
        Files.writeString(overlay, """
                kind: Overlay
                id: REWORDING
                title: { ja: 言い換え, en: Rewording }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: 府省の質問票, en: The ministry's questionnaire }
                questions:
                  - id: users
                    question: { ja: 誰が使いますか。, en: "Who will use it?" }
                    provenance: interpretation
                    citation: { ja: 府省の質問票 第1項, en: "The ministry's questionnaire, §1" }
                """);
        CliRun run = CliRun.of("options", "--overlay", overlay.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("axes.users: Who will use it?");
        CliRun refused = CliRun.of("options", "--overlay", writeBroken(), "--lang", "en");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("GOV-0006", "questions[0].id", "did you mean \"users\"?");
    }

    private String writeBroken() throws IOException {
        Path overlay = dir.resolve("broken.yaml");
        Files.writeString(overlay, """
                kind: Overlay
                id: REWORDING
                title: { ja: 言い換え, en: Rewording }
                base: { id: DS-920, version: "2.0" }
                provenance: interpretation
                citation: { ja: 府省の質問票, en: The ministry's questionnaire }
                questions:
                  - id: usrs
                    question: { ja: 誰が使いますか。, en: "Who will use it?" }
                    provenance: interpretation
                    citation: { ja: 府省の質問票 第1項, en: "The ministry's questionnaire, §1" }
                """);
        return overlay.toString();
    }

    private static CliRun interview(String input, String... args) {
        GovernanceCli cli = new GovernanceCli().input(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        String[] all = Stream.concat(Stream.of("interview"), Stream.of(args)).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GovernanceCli.commandLine(cli).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
