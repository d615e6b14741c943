package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.TestFiles.only;
import static io.github.aigov.governance.rules.TestFiles.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a procurement officer sees when a profile is wrong: every problem at once, with its permanent code and the
 * line and column where it was written (problems of the answers themselves are found when the engine, which knows
 * the axes and options, assesses the profile).
 */
class ProfileErrorsTest {
    @TempDir
    Path tmp;

    private static final String FILE = "project.yaml";
    private static final String VALID = """
            id: translation-aid
            name: 公表資料翻訳支援
            organisation: 外務省
            description: Translates published notices for one office.
            scope:
              textGeneration: true
              specifiedSecrets: false
            model:
              name: example-llm
              vendor: Example Corp.
            procurement:
              form: SAAS_API
              vendorTrainsModel: false
            axes:
              users: STAFF_SPECIFIC
              work: INTERNAL_SUPPORT
              data: PUBLIC_ONLY
              judgement: EVERY_OUTPUT
            """;

    @Test
    void theValidProfileParsesAndIsAssessed() {
        ProjectProfile p = Governance.parseProfile(VALID, FILE);
        assertThat(p.axes()).containsEntry("users", "STAFF_SPECIFIC").hasSize(4);
        assertThat(SharedEngine.v1().assess(p).classification()).isEqualTo(Classification.LOW);
    }

    @Test
    void anUnknownOptionIsReportedAtItsValueWithTheClosestOption() {
        String text = edit(VALID, "users: STAFF_SPECIFIC", "users: PUBLIK");
        ProjectProfile p = Governance.parseProfile(text, FILE);

        Problem problem = single(assessProblems(p));

        assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_OPTION);
        assertThat(problem.location()).isEqualTo(at(text, "PUBLIK", "axes.users"));
        assertThat(problem.hint()).isEqualTo(Message.of("hint.did-you-mean", "PUBLIC"));
        assertThat(problem.message().args()).containsExactly("PUBLIK", "users");
    }

    @Test
    void aMissingAxisIsReportedAtTheAxesWithTheOptionsToChooseFrom() {
        String text = edit(VALID, "  judgement: EVERY_OUTPUT\n", "");

        Problem problem = single(assessProblems(Governance.parseProfile(text, FILE)));

        assertThat(problem.code()).isEqualTo(ProblemCode.MISSING_AXIS_ANSWER);
        assertThat(problem.message().args()).containsExactly("judgement");
        assertThat(problem.location()).isEqualTo(at(text, "users: STAFF_SPECIFIC", "axes"));
        assertThat(problem.hint()).isEqualTo(Message.of("hint.one-of", "EVERY_OUTPUT, SAMPLED, NONE"));
    }

    @Test
    void anUnknownAxisIsReportedWithTheClosestAxisAndTheUnansweredOneToo() {
        String text = edit(VALID, "  users: STAFF_SPECIFIC\n", "  user: STAFF_SPECIFIC\n");

        List<Problem> problems = assessProblems(Governance.parseProfile(text, FILE));

        assertThat(problems).extracting(Problem::code)
                .containsExactlyInAnyOrder(ProblemCode.UNKNOWN_AXIS, ProblemCode.MISSING_AXIS_ANSWER);
        Problem unknown = only(problems, ProblemCode.UNKNOWN_AXIS);
        assertThat(unknown.location()).isEqualTo(at(text, "STAFF_SPECIFIC", "axes.user"));
        assertThat(unknown.hint()).isEqualTo(Message.of("hint.did-you-mean", "users"));
        assertThat(only(problems, ProblemCode.MISSING_AXIS_ANSWER).message().args()).containsExactly("users");
    }

    @Test
    void everyProblemWithTheAnswersIsReportedAtOnce() {
        String text = edit(edit(VALID, "users: STAFF_SPECIFIC", "users: PUBLIK"), "data: PUBLIC_ONLY", "data: SECRET");

        List<Problem> problems = assessProblems(Governance.parseProfile(text, FILE));

        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_OPTION, ProblemCode.UNKNOWN_OPTION);
        assertThat(problems).extracting(p -> p.location().path()).containsExactly("axes.users", "axes.data");
    }

    @Test
    void aBlankNameIsAConstraintViolationAtTheName() {
        String text = edit(VALID, "name: 公表資料翻訳支援", "name: \"  \"");

        Problem problem = single(parseProblems(text));

        assertThat(problem.code()).isEqualTo(ProblemCode.CONSTRAINT_VIOLATION);
        assertThat(problem.location()).isEqualTo(at(text, "\"  \"", "name"));
        assertThat(problem.hint()).isEqualTo(Message.of("hint.constraint.NotBlank"));
    }

    @Test
    void aMissingScopeIsReported() {
        String text = edit(VALID, "scope:\n  textGeneration: true\n  specifiedSecrets: false\n", "");

        Problem problem = single(parseProblems(text));

        assertThat(problem.code()).isEqualTo(ProblemCode.MISSING_FIELD);
        assertThat(problem.location().path()).isEqualTo("scope");
        assertThat(problem.location().line()).isPositive();
    }

    @Test
    void aMapWhereTextIsExpectedIsAWrongTypeAtTheValue() {
        String text = edit(VALID, "id: translation-aid", "id: { value: translation-aid }");

        Problem problem = single(parseProblems(text));

        assertThat(problem.code()).isEqualTo(ProblemCode.WRONG_TYPE);
        assertThat(problem.location()).isEqualTo(at(text, "{ value", "id"));
    }

    @Test
    void textWhereAMapIsExpectedIsAWrongType() {
        String text = edit(VALID, "model:\n  name: example-llm\n  vendor: Example Corp.\n", "model: example-llm\n");

        Problem problem = single(parseProblems(text));

        assertThat(problem.code()).isEqualTo(ProblemCode.WRONG_TYPE);
        assertThat(problem.location()).isEqualTo(at(text, "example-llm", "model"));
    }

    @Test
    void everyStructuralProblemIsReportedAtOnceSortedByPosition() {
        String text = edit(VALID, "scope:\n  textGeneration: true\n  specifiedSecrets: false\n", "colour: blue\n");
        text = edit(text, "  form: SAAS_API", "  form: SAAS");
        text = edit(text, "  vendorTrainsModel: false", "  vendorTrainsModel: maybe");

        List<Problem> problems = parseProblems(text);

        assertThat(problems).extracting(Problem::code).containsExactly(
                ProblemCode.MISSING_FIELD,    // scope (located at the document)
                ProblemCode.UNKNOWN_FIELD,    // colour
                ProblemCode.INVALID_VALUE,    // SAAS
                ProblemCode.INVALID_VALUE);   // maybe
        assertThat(problems).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(only(problems, ProblemCode.UNKNOWN_FIELD).location()).isEqualTo(at(text, "colour", "colour"));
        assertThat(problems.get(2).location()).isEqualTo(at(text, "SAAS", "procurement.form"));
        // the only allowed value that begins with what was written
        assertThat(problems.get(2).hint()).isEqualTo(Message.of("hint.did-you-mean", "SAAS_API"));
        assertThat(problems.get(3).location()).isEqualTo(at(text, "maybe", "procurement.vendorTrainsModel"));
    }

    @Test
    void everyConstraintViolationIsReportedAtOnce() {
        String text = edit(VALID, "id: translation-aid", "id: translation aid");
        text = edit(text, "name: 公表資料翻訳支援", "name: \"\"");
        text = edit(text, "organisation: 外務省", "organisation: \" \"");

        List<Problem> problems = parseProblems(text);

        assertThat(problems).extracting(Problem::code).containsOnly(ProblemCode.CONSTRAINT_VIOLATION);
        assertThat(problems).extracting(p -> p.location().path()).containsExactly("id", "name", "organisation");
    }

    @Test
    void aYamlSyntaxErrorIsLocatedByLineAndColumn() {
        Problem problem = single(parseProblems(edit(VALID, "  form: SAAS_API", "  form: [SAAS_API")));

        assertThat(problem.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
        assertThat(problem.location().file()).isEqualTo(FILE);
        assertThat(problem.location().line()).isGreaterThanOrEqualTo(12);
        assertThat(problem.location().column()).isPositive();
    }

    @Test
    void twoEqualProfilesReadFromTwoFilesEachKeepTheirOwnLocations() throws IOException {
        // The same profile in two files (a golden case and the project file it was copied from), written with
        // different layouts: the records are equal, yet each one's problem must point into its own file.
        String text = edit(VALID, "users: STAFF_SPECIFIC", "users: PUBLIK");
        Path first = Files.writeString(tmp.resolve("first.yaml"), text);
        Path second = Files.writeString(tmp.resolve("second.yaml"), "# copied from first.yaml\n# two lines down\n" + text);
        ProjectProfile a = Governance.readProfile(first);
        ProjectProfile b = Governance.readProfile(second);
        assertThat(a).isEqualTo(b);

        Problem inA = single(assessProblems(a));
        Problem inB = single(assessProblems(b));

        assertThat(inA.location()).isEqualTo(new Location(first.toString(), 15, 10, "axes.users"));
        assertThat(inB.location()).isEqualTo(new Location(second.toString(), 17, 10, "axes.users"));
        // read again: the earlier profile still answers for its own file
        assertThat(single(assessProblems(a)).location().file()).isEqualTo(first.toString());
    }

    @Test
    void theSecondOfTwoEqualProfilesKeepsItsLocationsWhenTheFirstIsCollected() throws InterruptedException {
        // Two files with the same profile (as two golden cases may have): the record values are equal, but the
        // problems of the one assessed must still point into its own file.
        String text = edit(VALID, "users: STAFF_SPECIFIC", "users: PUBLIK");
        ProjectProfile first = Governance.parseProfile(text, "first.yaml");
        WeakReference<ProjectProfile> probe = new WeakReference<>(first);
        first = null;
        ProjectProfile second = Governance.parseProfile(text, "second.yaml");
        for (int i = 0; i < 50 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assumeTrue(probe.get() == null, "the first profile was not collected; nothing to check");

        Problem problem = single(assessProblems(second));

        assertThat(problem.location().file()).isEqualTo("second.yaml");
        assertThat(problem.location().line()).isEqualTo(15);
    }

    @Test
    void aProfileBuiltInCodeWithAnUnknownOptionFailsWhenAssessed() {
        ProjectProfile p = new ProjectProfile("built-in-code", "Built in code", "Test ministry", "",
                new ProjectProfile.Scope(true, false), new ProjectProfile.Model("example-llm", "Example Corp."),
                new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                Map.of("users", "PUBLIK", "work", "INTERNAL_SUPPORT", "data", "PUBLIC_ONLY", "judgement", "EVERY_OUTPUT"));

        Problem problem = single(assessProblems(p));

        assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_OPTION);
        assertThat(problem.location().path()).isEqualTo("axes.users");
        assertThat(problem.location().file()).contains("built-in-code");
        assertThat(problem.hint()).isEqualTo(Message.of("hint.did-you-mean", "PUBLIC"));
    }

    @Test
    void aProfileBuiltInCodeWithoutAScopeFailsWhenAssessedNotWithANullPointer() {
        ProjectProfile p = new ProjectProfile("no-scope", "No scope", "Test ministry", "", null,
                new ProjectProfile.Model("example-llm", "Example Corp."),
                new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                Map.of("users", "PUBLIC", "work", "INTERNAL_SUPPORT", "data", "PUBLIC_ONLY", "judgement", "EVERY_OUTPUT"));

        Problem problem = single(assessProblems(p));

        assertThat(problem.code()).isEqualTo(ProblemCode.CONSTRAINT_VIOLATION);
        assertThat(problem.location().path()).isEqualTo("scope");
    }

    private static List<Problem> parseProblems(String text) {
        GovernanceException e = catchThrowableOfType(GovernanceException.class, () -> Governance.parseProfile(text, FILE));
        assertThat(e).as("parsing must fail").isNotNull();
        return e.problems();
    }

    private static List<Problem> assessProblems(ProjectProfile profile) {
        GovernanceException e = catchThrowableOfType(GovernanceException.class, () -> SharedEngine.v1().assess(profile));
        assertThat(e).as("assessing must fail").isNotNull();
        assertThat(e.internal()).isFalse();
        return e.problems();
    }

    private static Problem single(List<Problem> problems) {
        assertThat(problems).as(render(problems)).hasSize(1);
        return problems.get(0);
    }

    private static String edit(String text, String from, String to) {
        assertThat(text.split(Pattern.quote(from), -1)).as("occurrences of " + from).hasSize(2);
        return text.replace(from, to);
    }

    /** Where the unique occurrence of {@code fragment} is in {@code text}. */
    private static Location at(String text, String fragment, String path) {
        assertThat(text.split(Pattern.quote(fragment), -1)).as("occurrences of " + fragment).hasSize(2);
        int offset = text.indexOf(fragment);
        String before = text.substring(0, offset);
        int line = before.split("\n", -1).length;
        int column = offset - before.lastIndexOf('\n');
        return new Location(FILE, line, column, path);
    }
}
