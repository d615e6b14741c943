package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.github.aigov.governance.rules.TestFiles.at;
import static io.github.aigov.governance.rules.TestFiles.lineOf;
import static io.github.aigov.governance.rules.TestFiles.only;
import static io.github.aigov.governance.rules.TestFiles.render;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The golden cases shipped with v1.0 pass, and the runner reports failing and malformed cases precisely. */
class ShippedCasesTest {
    private static final Path CASES = SharedEngine.V1.resolve("cases");
    private static final Path BENEFITS = CASES.resolve("benefits-eligibility-chatbot.yaml");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyShippedV1CasePasses() {
        List<CaseResult> results = Governance.runCases(SharedEngine.v1(), CASES);
        assertThat(results).extracting(CaseResult::name).contains(
                "seabis-help-chat", "meeting-minutes-drafting", "benefits-eligibility-chatbot", "tax-notice-drafting",
                "personal-data-summariser", "out-of-scope-specified-secrets", "out-of-scope-no-text-generation",
                "judgement-only-high", "rights-affecting-without-judgement", "saas-at-low", "vendor-trains-at-low",
                "vendor-trains-at-medium", "vendor-trains-at-high");
        return results.stream().map(r -> dynamicTest(r.name(), () -> {
            assertThat(r.problems()).as(r.file() + "\n" + render(r.problems())).isEmpty();
            assertThat(r.differences()).as(r.file()).isEmpty();
            assertThat(r.passed()).isTrue();
        }));
    }

    @Test
    void eachShippedCaseRunsAgainstTheVersionItNames() {
        for (String version : List.of("1.0", "2.0")) {
            Path cases = SharedEngine.V1.resolveSibling("v" + version).resolve("cases");
            List<String> asked = new ArrayList<>();
            GovernanceEngine engine = version.equals("1.0") ? SharedEngine.v1()
                    : Governance.builder().guidelineVersion(version).build();

            List<CaseResult> results = Governance.runCases(cases, v -> {
                asked.add(v);
                return engine;
            });

            assertThat(results).hasSizeGreaterThan(10).allSatisfy(r -> assertThat(r.passed()).as(r.file()).isTrue());
            assertThat(asked).as("one engine asked for per case, with the version the case names")
                    .hasSameSizeAs(results).containsOnly(version);
        }
    }

    @Test
    void aCaseWithoutAVersionIsRunWithTheEngineForNoneAndOneNamingAnUnshippedVersionFails() throws IOException {
        Path none = write("none.yaml", caseText("""
                  classification: LOW
                  escalation: false
                """));
        Path unshipped = write("unshipped.yaml", caseText("""
                  classification: LOW
                  escalation: false
                """).replace("kind: GoldenCase\n", "kind: GoldenCase\nguidelineVersion: \"2\"\n"));
        List<String> asked = new ArrayList<>();

        List<CaseResult> results = Governance.runCases(tmp, v -> {
            asked.add(v);
            return SharedEngine.v1();
        });

        assertThat(asked).as("asked for the case without a version only").containsExactly((String) null);
        assertThat(results).extracting(CaseResult::file).containsExactly(none.toString(), unshipped.toString());
        assertThat(results.get(0).passed()).isTrue();
        assertThat(results.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_VERSION);
            assertThat(p.location()).isEqualTo(at(unshipped, "\"2\"", "guidelineVersion"));
            assertThat(p.hint()).isEqualTo(Message.of("hint.did-you-mean", "2.0"));
        });
    }

    @Test
    void aWrongExpectationFailsWithOneLinePerDifferenceNamingTheDecidingRule() throws IOException {
        Path wrong = copy(BENEFITS, "wrong.yaml",
                "  classification: HIGH\n", "  classification: MEDIUM\n",
                "  escalation: true\n", "  escalation: false\n",
                "  decidedBy: COMB-TWO-OR-MORE-HIGH\n", "  decidedBy: COMB-ANY-HIGH\n",
                "users: HIGH, work: MEDIUM", "users: MEDIUM, work: MEDIUM",
                "    RECOMMENDED: []\n    NOT_APPLICABLE: [PROC-20]\n", "    RECOMMENDED: [PROC-08]\n    NOT_APPLICABLE: [PROC-20]\n",
                "PROC-07, PROC-08, PROC-09,", "PROC-07, PROC-09,",
                ", DUTY-RECURRENCE-PREVENTION]", "]",
                "    NOT_APPLICABLE: []\n", "    NOT_APPLICABLE: [DUTY-RECURRENCE-PREVENTION]\n");

        List<CaseResult> results = Governance.runCases(SharedEngine.v1(), wrong);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.problems()).isEmpty();
            assertThat(r.name()).isEqualTo("benefits-eligibility-chatbot");
            assertThat(r.file()).isEqualTo(wrong.toString());
            assertThat(r.differences()).containsExactly(
                    "classification: expected MEDIUM, got HIGH (decided by COMB-TWO-OR-MORE-HIGH)",
                    "decidedBy: expected COMB-ANY-HIGH, got COMB-TWO-OR-MORE-HIGH (classification HIGH)",
                    "escalation: expected false, got true (decided by ESC-HIGH)",
                    "axes.users: expected MEDIUM, got HIGH (option PUBLIC)",
                    "PROC-08: expected RECOMMENDED, got REQUIRED (by APPL-PROC-SAAS-LOCKIN-UPDATES)",
                    "obligations.DUTY-RECURRENCE-PREVENTION: expected NOT_APPLICABLE, got REQUIRED (by OBL-IN-SCOPE)");
        });
    }

    @Test
    void anItemExpectationIsCheckedOnlyForTheItemsListed() throws IOException {
        Path file = write("items.yaml", caseText("""
                  classification: LOW
                  escalation: false
                  items:
                    PROC-08: RECOMMENDED
                    PROC-20: NOT_APPLICABLE
                """));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.differences()).containsExactly(
                "PROC-08: expected RECOMMENDED, got REQUIRED (by APPL-PROC-SAAS-LOCKIN-UPDATES)");
    }

    @Test
    void anObligationExpectationIsCheckedOnlyForTheObligationsListed() throws IOException {
        Path file = write("obligations.yaml", caseText("""
                  classification: LOW
                  escalation: false
                  obligations:
                    DUTY-PERIODIC-VERIFICATION: REQUIRED
                    DUTY-SUPPLY-CHAIN-RISK: NOT_APPLICABLE
                """));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.problems()).isEmpty();
        assertThat(r.differences()).containsExactly(
                "obligations.DUTY-SUPPLY-CHAIN-RISK: expected NOT_APPLICABLE, got REQUIRED (by OBL-IN-SCOPE)");
    }

    @Test
    void anUnknownObligationAndAnItemListedAsAnObligationAreLocatedWithADidYouMeanHint() throws IOException {
        Path file = write("unknown-obligation.yaml", caseText("""
                  classification: LOW
                  escalation: false
                  obligations:
                    DUTY-PERIODIC-VERIFICATON: REQUIRED
                    PROC-01: REQUIRED
                """));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.problems()).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_REFERENCE,
                ProblemCode.UNKNOWN_REFERENCE);
        assertThat(r.problems().get(0).location()).isEqualTo(at(file, "DUTY-PERIODIC-VERIFICATON:",
                "expect.obligations.DUTY-PERIODIC-VERIFICATON"));
        assertThat(r.problems().get(0).hint()).isEqualTo(Message.of("hint.did-you-mean", "DUTY-PERIODIC-VERIFICATION"));
        assertThat(r.problems().get(1).location()).isEqualTo(at(file, "PROC-01:", "expect.obligations.PROC-01"));
    }

    @Test
    void obligationsByStatusMustListEveryObligationExactlyOnce() throws IOException {
        Path file = write("obligations-by-status.yaml", caseText("""
                  classification: LOW
                  escalation: false
                  obligationsByStatus:
                    REQUIRED: [DUTY-APPLICABILITY-WITH-DESK, DUTY-SUPPLY-CHAIN-RISK, DUTY-PERIODIC-VERIFICATION,
                               DUTY-USE-LIST-REPORT, DUTY-RISK-CASE-REPORT, DUTY-RISK-CASE-RESPONSE]
                    NOT_APPLICABLE: [DUTY-USE-LIST-REPORT]
                """));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.problems()).extracting(Problem::code).containsExactlyInAnyOrder(ProblemCode.DUPLICATE_ID,
                ProblemCode.MISSING_FIELD);
        assertThat(only(r.problems(), ProblemCode.DUPLICATE_ID).location().path())
                .isEqualTo("expect.obligationsByStatus.NOT_APPLICABLE[0]");
        Problem unlisted = only(r.problems(), ProblemCode.MISSING_FIELD);
        assertThat(unlisted.message()).isEqualTo(Message.of("problem.case.obligation-unlisted", "DUTY-RECURRENCE-PREVENTION"));
        assertThat(unlisted.hint()).isEqualTo(Message.of("hint.case.obligation-unlisted"));
    }

    @Test
    void aMalformedCaseFailsWithEveryProblemLocatedInTheCaseFile() throws IOException {
        Path file = write("malformed.yaml", caseText("""
                  clasification: LOW
                  escalation: perhaps
                  items:
                    PROC-8: REQUIRED
                """));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.differences()).isEmpty();
        assertThat(r.name()).isEqualTo("malformed");
        assertThat(r.problems()).extracting(p -> p.code()).containsExactlyInAnyOrder(
                ProblemCode.UNKNOWN_FIELD, ProblemCode.MISSING_FIELD, ProblemCode.INVALID_VALUE,
                ProblemCode.UNKNOWN_REFERENCE);
        Problem unknownField = only(r.problems(), ProblemCode.UNKNOWN_FIELD);
        assertThat(unknownField.location()).isEqualTo(at(file, "clasification", "expect.clasification"));
        assertThat(unknownField.hint()).isEqualTo(Message.of("hint.did-you-mean", "classification"));
        assertThat(only(r.problems(), ProblemCode.INVALID_VALUE).location())
                .isEqualTo(at(file, "perhaps", "expect.escalation"));
        Problem unknownItem = only(r.problems(), ProblemCode.UNKNOWN_REFERENCE);
        assertThat(unknownItem.location()).isEqualTo(at(file, "PROC-8:", "expect.items.PROC-8"));
        assertThat(unknownItem.hint()).isEqualTo(Message.of("hint.did-you-mean", "PROC-08"));
        assertThat(only(r.problems(), ProblemCode.MISSING_FIELD).location().path()).isEqualTo("expect.classification");
    }

    @Test
    void aYamlSyntaxErrorInACaseIsLocatedByLineAndColumn() throws IOException {
        Path file = write("broken.yaml", caseText("""
                  classification: [LOW
                  escalation: false
                """));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
            assertThat(p.location().file()).isEqualTo(file.toString());
            assertThat(p.location().line()).isGreaterThanOrEqualTo(lineOf(file, "classification: [LOW"));
            assertThat(p.location().column()).isPositive();
        });
    }

    @Test
    void itemsByStatusMustListEveryItemExactlyOnce() throws IOException {
        Path file = write("by-status.yaml", caseText("""
                  classification: HIGH
                  escalation: true
                  itemsByStatus:
                    REQUIRED: [PROC-01, PROC-02, PROC-03, PROC-04, PROC-05, PROC-06, PROC-07, PROC-08, PROC-09, PROC-10,
                               PROC-11, PROC-12, PROC-13, PROC-14, PROC-15, PROC-16, PROC-17, PROC-18, PROC-19, PROC-21,
                               CONT-INPUT, CONT-OUTPUT, BOARD-OBJECTIVES, BOARD-MITIGATION, BOARD-QA-PLAN]
                    NOT_APPLICABLE: [PROC-20, PROC-01]
                """).replace("users: STAFF_SPECIFIC", "users: PUBLIC").replace("judgement: EVERY_OUTPUT", "judgement: NONE"));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.problems()).extracting(p -> p.code()).containsExactlyInAnyOrder(ProblemCode.DUPLICATE_ID,
                ProblemCode.MISSING_FIELD);
        assertThat(only(r.problems(), ProblemCode.DUPLICATE_ID).location().path())
                .isEqualTo("expect.itemsByStatus.NOT_APPLICABLE[1]");
        assertThat(only(r.problems(), ProblemCode.MISSING_FIELD).message().args()).containsExactly("CONT-INCIDENT");
    }

    @Test
    void aProfileTheEngineRefusesFailsTheCaseWithTheProblemLocatedInTheCaseFile() throws IOException {
        Path file = write("publik.yaml", caseText("""
                  classification: LOW
                  escalation: false
                """).replace("users: STAFF_SPECIFIC", "users: PUBLIK"));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_OPTION);
            assertThat(p.location()).isEqualTo(at(file, "PUBLIK", "profile.axes.users"));
            assertThat(p.hint()).isEqualTo(Message.of("hint.did-you-mean", "PUBLIC"));
        });
    }

    @Test
    void aProfileProblemInACaseIsReportedWithItsPathUnderProfile() throws IOException {
        Path file = write("blank-name.yaml", caseText("""
                  classification: LOW
                  escalation: false
                """).replace("  name: Case profile\n", "  name: \"  \"\n"));

        CaseResult r = Governance.runCases(SharedEngine.v1(), file).get(0);

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.CONSTRAINT_VIOLATION);
            assertThat(p.location()).isEqualTo(at(file, "\"  \"", "profile.name"));
        });
    }

    @Test
    void aDirectoryRunsEveryYamlFileBelowItInPathOrder() throws IOException {
        String passing = caseText("""
                  classification: LOW
                  escalation: false
                """);
        Files.createDirectories(tmp.resolve("dir/a"));
        Files.writeString(tmp.resolve("dir/b.yaml"), passing.replace("name: a-case", "name: b"));
        Files.writeString(tmp.resolve("dir/a/z.yaml"), passing.replace("name: a-case", "name: a/z"));
        Files.writeString(tmp.resolve("dir/a/notes.txt"), "not a case");
        Files.writeString(tmp.resolve("dir/c.yml"), "not a case either: only *.yaml");

        List<CaseResult> results = Governance.runCases(SharedEngine.v1(), tmp.resolve("dir"));

        assertThat(results).extracting(CaseResult::name).containsExactly("a/z", "b");
        assertThat(results).allMatch(CaseResult::passed);
    }

    @Test
    void aPathThatDoesNotExistIsAnErrorNotAnEmptyRun() {
        Path missing = tmp.resolve("no-such-cases");
        assertThatThrownBy(() -> Governance.runCases(SharedEngine.v1(), missing))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly(ProblemCode.UNREADABLE_FILE));
    }

    /** A case over a LOW SaaS profile; {@code expect} is the indented body of the expect block. */
    private static String caseText(String expect) {
        return """
                kind: GoldenCase
                name: a-case
                profile:
                  id: case-profile
                  name: Case profile
                  organisation: Test ministry
                  scope: { textGeneration: true, specifiedSecrets: false }
                  model: { name: example-llm, vendor: Example Corp. }
                  procurement: { form: SAAS_API, vendorTrainsModel: false }
                  axes:
                    users: STAFF_SPECIFIC
                    work: INTERNAL_SUPPORT
                    data: PUBLIC_ONLY
                    judgement: EVERY_OUTPUT
                expect:
                """ + expect;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A copy of a file with text replaced. */
    private Path copy(Path from, String name, String... replacements) throws IOException {
        Path to = Files.copy(from, tmp.resolve(name));
        TestFiles.replace(to, replacements);
        return to;
    }
}
