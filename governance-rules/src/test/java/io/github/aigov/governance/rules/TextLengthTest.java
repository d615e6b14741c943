package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aigov.governance.CaseResult;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text a definition set, an overlay or a golden case holds is at most {@link Fields#MAX_TEXT} characters,
 * so every paper carries it whole (a workbook cell holds 32,767): a longer one is refused with GOV-0010 where it is
 * written. Checked for every kind of field the shipped files have, found by walking them, so a field added later
 * (or a citation that becomes a pair of languages) is covered without naming it here.
 */
class TextLengthTest {
    private static final Path V2 = Path.of("../checklists/src/main/resources/ds920/v2.0");
    private static final List<String> SET = List.of("definition-set.yaml", "risk-assessment.yaml",
            "procurement-checklist.yaml", "contract-checklist.yaml", "board-report.yaml", "obligations.yaml",
            "questionnaire.yaml");
    private static final Path OVERLAY = OverlayTest.EXAMPLE;
    private static final String TOO_LONG = "長".repeat(Fields.MAX_TEXT + 1);

    @TempDir
    Path dir;

    /**
     * One argument per kind of scalar in the shipped files: a file and the path of the first scalar of each
     * shape (list positions aside), e.g. {@code groups[0].items[0].title.ja}.
     */
    static Stream<Arguments> setScalars() {
        return SET.stream().flatMap(f -> shapes(V2.resolve(f)).stream().map(path -> Arguments.of(f, path)));
    }

    static Stream<Arguments> overlayScalars() {
        return shapes(OVERLAY).stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("setScalars")
    void aTextOverTheLimitInADefinitionSetIsRefusedWhereItIsWritten(String file, String path) throws IOException {
        for (String f : SET) {
            Files.writeString(dir.resolve(f), json(V2.resolve(f), f.equals(file) ? path : null, TOO_LONG));
        }

        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> Governance.builder().definitions(dir.resolve("definition-set.yaml")).build());

        assertRefusedAt(e, file, path, exempt(file, path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlayScalars")
    void aTextOverTheLimitInAnOverlayIsRefusedWhereItIsWritten(String path) throws IOException {
        Path overlay = Files.writeString(dir.resolve("overlay.yaml"), json(OVERLAY, path, TOO_LONG));

        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> Governance.builder().guidelineVersion("2.0").overlay(overlay).build());

        assertRefusedAt(e, "overlay.yaml", path, ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void aTextOfExactlyTheLimitLoadsAndIsRenderedWhole() throws IOException {
        String longest = "長".repeat(Fields.MAX_TEXT);
        Map<String, String> at = Map.of("combination[0].reason.ja", longest, "axes[0].title.en", longest,
                "combination[0].citation.ja", longest);
        for (String f : SET) {
            Files.writeString(dir.resolve(f), new Json(f.equals("risk-assessment.yaml") ? at : Map.of()).emit(read(V2.resolve(f))));
        }
        YNode.YMap risk = (YNode.YMap) read(V2.resolve("risk-assessment.yaml"));
        String rule = ((YNode.YScalar) ((YNode.YMap) ((YNode.YList) risk.get("combination")).items().get(0)).get("id")).value();

        GovernanceEngine engine = Governance.builder().definitions(dir.resolve("definition-set.yaml")).build();

        String axis = engine.catalog().axes().get(0).id();
        assertThat(engine.render(Message.of(axis + ".title"), Locale.ENGLISH)).isEqualTo(longest);
        assertThat(engine.render(Message.of(rule + ".reason"), Locale.JAPANESE)).isEqualTo(longest);
        assertThat(((io.github.aigov.governance.rules.internal.engine.DroolsEngine) engine).model().risk().combination().get(0)
                .meta().citation().ja()).isEqualTo(longest);
    }

    /** A citation in the earlier, one-language form is a text like any other: over the limit, it is refused too. */
    @Test
    void aOneLanguageCitationOverTheLimitIsRefusedWhereItIsWritten() throws IOException {
        String sheet = Files.readString(FixtureSets.FIXTURES.resolve("definitionSheet/earlier-form-one-language-citations.yaml"));
        String tooLong = sheet.replaceFirst("(?m)^citation: test fixture$", "citation: " + TOO_LONG);
        assertThat(tooLong).isNotEqualTo(sheet);

        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> FixtureSets.loadWithSheet(tooLong.getBytes(StandardCharsets.UTF_8), InputLimits.DEFAULT));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).filteredOn(p -> p.code() == ProblemCode.LIMIT_EXCEEDED).singleElement()
                .satisfies(p -> assertThat(p.location().path()).isEqualTo("citation"));
    }

    @Test
    void aGoldenCasesTextsAreLimitedButItsProfileKeepsItsOwnLimits() throws IOException {
        String profile = """
                profile:
                  id: long-texts
                  name: Long texts
                  organisation: Test ministry
                  description: %s
                  scope: { textGeneration: true, specifiedSecrets: false }
                  model: { name: example-llm, vendor: Example Corp. }
                  procurement: { form: SAAS_API, vendorTrainsModel: false }
                  axes: { users: STAFF_SPECIFIC, work: INTERNAL_SUPPORT, data: PUBLIC_ONLY, judgement: EVERY_OUTPUT }
                expect: { classification: LOW, escalation: false }
                """;
        // a profile's description may be up to 20,000 characters (its own constraint), in a case too
        Path fine = Files.writeString(dir.resolve("fine.yaml"), "kind: GoldenCase\nname: fine\n"
                + profile.formatted("d".repeat(20_000)));
        Path tooLong = Files.writeString(dir.resolve("too-long.yaml"), "kind: GoldenCase\nname: too-long\ndescription: "
                + TOO_LONG + "\n" + profile.formatted("d"));

        List<CaseResult> results = Governance.runCases(SharedEngine.v1(), dir);

        assertThat(results).extracting(CaseResult::file).containsExactly(fine.toString(), tooLong.toString());
        assertThat(results.get(0).problems()).as(TestFiles.render(results.get(0).problems())).isEmpty();
        assertThat(results.get(0).passed()).isTrue();
        assertThat(results.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.location().path()).isEqualTo("description");
            assertThat(p.message()).isEqualTo(Message.of("problem.limit.text", Fields.MAX_TEXT + 1, Fields.MAX_TEXT));
        });
    }

    /**
     * Scalars that are words, not free text, refused as a value outside their vocabulary (GOV-0007, quoted
     * abbreviated): sheet names (their own pattern), a sheet's kind (which picks its reader) and the word
     * {@code all} in place of an applicability rule's item list.
     */
    private static ProblemCode exempt(String file, String path) {
        boolean sheetName = file.equals("definition-set.yaml") && path.startsWith("sheets[");
        // a sheet's kind chooses how it is read (the questionnaire's is read as a field, like any other)
        boolean sheetKind = !file.equals("definition-set.yaml") && !file.equals("questionnaire.yaml") && path.equals("kind");
        boolean allItems = path.matches("applicability\\[\\d+]\\.items");
        return sheetName || sheetKind || allItems ? ProblemCode.INVALID_VALUE : ProblemCode.LIMIT_EXCEEDED;
    }

    private static void assertRefusedAt(GovernanceException e, String file, String path, ProblemCode code) {
        assertThat(e).as("refused").isNotNull();
        List<Problem> problems = e.problems();
        assertThat(problems).as(TestFiles.render(problems))
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.location().file()).endsWith(file);
                    assertThat(p.location().path()).isEqualTo(path);
                    assertThat(p.location().line()).isPositive();
                });
    }

    /** The first path of each shape of scalar in a file (list positions replaced by [] to tell shapes apart). */
    private static List<String> shapes(Path file) {
        Map<String, String> first = new LinkedHashMap<>();
        walk(read(file), "", (path, scalar) -> first.putIfAbsent(path.replaceAll("\\[\\d+]", "[]"), path));
        assertThat(first).as("scalars in " + file).hasSizeGreaterThan(5);
        return List.copyOf(first.values());
    }

    private interface Visitor {
        void scalar(String path, YNode.YScalar scalar);
    }

    private static void walk(YNode node, String path, Visitor visitor) {
        if (node instanceof YNode.YMap m) {
            m.entries().forEach(e -> walk(e.value(), Fields.join(path, e.key()), visitor));
        } else if (node instanceof YNode.YList l) {
            for (int i = 0; i < l.items().size(); i++) {
                walk(l.items().get(i), path + "[" + i + "]", visitor);
            }
        } else if (node instanceof YNode.YScalar s && !s.isNull()) {
            visitor.scalar(path, s);
        }
    }

    private static YNode read(Path file) {
        try {
            Problems problems = new Problems();
            YNode root = new YamlReader(InputLimits.DEFAULT).read(Files.readString(file, StandardCharsets.UTF_8),
                    file.toString(), problems);
            assertThat(problems.all()).isEmpty();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as JSON (which the loaders read like YAML), with the scalar at {@code path} replaced. */
    private static String json(Path file, String path, String replacement) {
        return new Json(path == null ? Map.of() : Map.of(path, replacement)).emit(read(file));
    }

    /** Writes located YAML nodes back as JSON text, replacing the scalars at some paths. */
    private record Json(Map<String, String> replaced) {
        String emit(YNode root) {
            StringBuilder out = new StringBuilder();
            emit(root, "", out);
            return out.append('\n').toString();
        }

        private void emit(YNode node, String path, StringBuilder out) {
            if (node instanceof YNode.YMap m) {
                out.append("{\n");
                for (int i = 0; i < m.entries().size(); i++) {
                    YNode.Entry e = m.entries().get(i);
                    out.append(quote(e.key())).append(": ");
                    emit(e.value(), Fields.join(path, e.key()), out);
                    out.append(i < m.entries().size() - 1 ? ",\n" : "\n");
                }
                out.append('}');
            } else if (node instanceof YNode.YList l) {
                out.append("[\n");
                for (int i = 0; i < l.items().size(); i++) {
                    emit(l.items().get(i), path + "[" + i + "]", out);
                    out.append(i < l.items().size() - 1 ? ",\n" : "\n");
                }
                out.append(']');
            } else {
                YNode.YScalar s = (YNode.YScalar) node;
                String value = replaced.getOrDefault(path, s.value());
                out.append(s.isNull() && !replaced.containsKey(path) ? "null" : quote(value));
            }
        }

        private static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format("\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }
    }
}
