package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.yaml.JsonNodeReader;
import io.github.aigov.governance.rules.internal.yaml.JsonTexts;
import io.github.aigov.governance.rules.internal.yaml.JsonTexts.Layout;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A profile written as JSON is the same profile whether Jackson or SnakeYAML reads it, through the
 * public {@link Governance#parseProfile}: equal when it is valid; when it is wrong, the same
 * problems (codes, locations, messages, hints), both when it is read and when the engine assesses
 * it. SnakeYAML is made to read it by a trailing YAML comment, which Jackson refuses and which moves
 * nothing; each test checks that each reader is the one that read.
 */
class JsonProfileTest {
    private static final String FILE = "inventory.jsonl";
    private static final String ONLY_YAML = " # a comment: only SnakeYAML reads this";
    private static final Path SAMPLES = Path.of("../examples/projects");
    private static final List<Layout> LAYOUTS = List.of(Layout.INVENTORY, Layout.COMPACT, Layout.PRETTY, Layout.JACKSON_PRETTY);

    /** What parsing gives: a profile, or the problems it was refused with. */
    record Outcome(ProjectProfile profile, List<Problem> problems) {
    }

    private static Outcome parse(String text) {
        try {
            return new Outcome(Governance.parseProfile(text, FILE), List.of());
        } catch (GovernanceException e) {
            assertThat(e.internal()).isFalse();
            return new Outcome(null, e.problems());
        }
    }

    /** Parses the JSON with Jackson, then with SnakeYAML; both must give the same outcome. */
    private static Outcome assertSameEitherWay(String json) {
        assertThat(new JsonNodeReader(InputLimits.DEFAULT).read(json, FILE)).as("Jackson reads %s", json).isNotNull();
        assertThat(new JsonNodeReader(InputLimits.DEFAULT).read(json + ONLY_YAML, FILE)).as("Jackson declines").isNull();
        Outcome jackson = parse(json);
        Outcome snakeYaml = parse(json + ONLY_YAML);
        assertThat(jackson).as(json).isEqualTo(snakeYaml);
        return jackson;
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            List<Path> samples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(samples).hasSizeGreaterThan(5);
            return samples.stream();
        }
    }

    /** A sample profile as a tree, to write as JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Path sample) throws IOException {
        Problems problems = new Problems();
        Object tree = JsonTexts.tree(new YamlReader(InputLimits.DEFAULT).readAsYaml(Files.readString(sample), "s", problems));
        assertThat(problems.all()).isEmpty();
        return (Map<String, Object>) tree;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleProfileAsJsonIsTheSameProfileEitherWay(Path sample) throws IOException {
        ProjectProfile fromYaml = Governance.readProfile(sample);
        for (Layout layout : LAYOUTS) {
            Outcome o = assertSameEitherWay(JsonTexts.write(tree(sample), layout));
            assertThat(o.problems()).as("%s as %s", sample, layout).isEmpty();
            assertThat(o.profile()).isEqualTo(fromYaml);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> in(Map<String, Object> profile, String key) {
        return (Map<String, Object>) profile.get(key);
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                defect("an unknown field", ProblemCode.UNKNOWN_FIELD, p -> p.put("colour", "blue")),
                defect("an unknown field in a nested map", ProblemCode.UNKNOWN_FIELD,
                        p -> in(p, "scope").put("textGenerations", true)),
                defect("a map where text belongs", ProblemCode.WRONG_TYPE, p -> p.put("name", Map.of("ja", "名前"))),
                defect("text where a map belongs", ProblemCode.WRONG_TYPE, p -> p.put("scope", "yes")),
                defect("a list where a map belongs", ProblemCode.WRONG_TYPE, p -> p.put("axes", List.of("PUBLIC"))),
                defect("a number where a flag belongs", ProblemCode.INVALID_VALUE,
                        p -> in(p, "scope").put("textGeneration", new JsonTexts.Num("1"))),
                defect("a form outside the vocabulary", ProblemCode.INVALID_VALUE,
                        p -> in(p, "procurement").put("form", "OUTSOURCED")),
                defect("a missing field", ProblemCode.MISSING_FIELD, p -> p.remove("organisation")),
                defect("a null field", ProblemCode.MISSING_FIELD, p -> p.put("organisation", null)),
                defect("a blank name", ProblemCode.CONSTRAINT_VIOLATION, p -> p.put("name", " ")),
                defect("an id that is not an identifier", ProblemCode.CONSTRAINT_VIOLATION, p -> p.put("id", "1 two")),
                defect("several at once", ProblemCode.UNKNOWN_FIELD, p -> {
                    p.put("colour", "blue");
                    p.remove("name");
                    in(p, "procurement").put("form", "SAAS-API");
                    in(p, "scope").put("specifiedSecrets", "no");
                }));
    }

    private static Arguments defect(String name, ProblemCode code, Consumer<Map<String, Object>> edit) {
        return Arguments.of(name, code, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void aWrongProfileIsRefusedWithTheSameProblemsEitherWay(String name, ProblemCode code,
            Consumer<Map<String, Object>> edit) throws IOException {
        for (Layout layout : LAYOUTS) {
            Map<String, Object> profile = tree(SAMPLES.resolve("benefits-eligibility-chatbot.yaml"));
            edit.accept(profile);
            Outcome o = assertSameEitherWay(JsonTexts.write(profile, layout));
            assertThat(o.profile()).as(name).isNull();
            assertThat(o.problems()).extracting(Problem::code).as(name).contains(code);
            assertThat(o.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(FILE));
        }
    }

    @Test
    void aDuplicateKeyIsRefusedTheSameEitherWay() throws IOException {
        for (Layout layout : LAYOUTS) {
            String json = JsonTexts.write(tree(SAMPLES.resolve("benefits-eligibility-chatbot.yaml")), layout)
                    .replaceFirst("\"organisation\"", "\"name\":\"again\",\"organisation\"");
            Outcome o = assertSameEitherWay(json);
            assertThat(o.problems()).extracting(Problem::code).containsExactly(ProblemCode.DUPLICATE_ID);
            assertThat(o.problems().get(0).location().line()).isPositive();
        }
    }

    /**
     * The engine finds an unknown option later, at the location the reader remembered for it. Each
     * profile is assessed before the other is parsed: the two are equal records, and the locations
     * are remembered per equal profile, so the second parse would otherwise answer for both.
     */
    @Test
    void anUnknownOptionIsReportedWhereItIsWrittenEitherWay() throws IOException {
        for (Layout layout : LAYOUTS) {
            Map<String, Object> profile = tree(SAMPLES.resolve("benefits-eligibility-chatbot.yaml"));
            in(profile, "axes").put("users", "PUBLIK");
            String json = JsonTexts.write(profile, layout);
            assertThat(new JsonNodeReader(InputLimits.DEFAULT).read(json, FILE)).isNotNull();
            List<Problem> jackson = assessProblems(Governance.parseProfile(json, FILE));
            List<Problem> snakeYaml = assessProblems(Governance.parseProfile(json + ONLY_YAML, FILE));
            assertThat(jackson).isEqualTo(snakeYaml);
            assertThat(jackson).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_OPTION);
                assertThat(p.location().path()).isEqualTo("axes.users");
                String line = json.lines().toList().get(p.location().line() - 1);
                assertThat(line.substring(p.location().column() - 1)).startsWith("\"PUBLIK\"");
            });
        }
    }

    private static List<Problem> assessProblems(ProjectProfile profile) {
        GovernanceException e = catchThrowableOfType(GovernanceException.class, () -> SharedEngine.v1().assess(profile));
        assertThat(e).as("assessing must fail").isNotNull();
        return e.problems();
    }
}
