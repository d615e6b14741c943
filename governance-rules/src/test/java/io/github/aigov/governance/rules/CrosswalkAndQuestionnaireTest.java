package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.model.Sheets.Axis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The crosswalks ({@code crosswalks/*.yaml}) and the questionnaires ({@code ds920/v*}{@code /questionnaire.yaml})
 * against the definitions they speak of: every DS-920 id a crosswalk maps exists in each version the
 * mapping claims, every mapping points at a reference its framework file lists, the reference lists
 * are the frameworks' full lists in scope (coverage is reported against them), and every questionnaire
 * asks for every profile field in the officer's order and offers exactly the options of its version's
 * risk sheet. Schema validity of the shipped files is {@link SchemaTest}'s; here the schemas are also
 * shown to reject what they must.
 */
class CrosswalkAndQuestionnaireTest {
    static final Path RESOURCES = Path.of("../checklists/src/main/resources");
    static final Path CROSSWALKS = RESOURCES.resolve("crosswalks");
    static final List<String> FRAMEWORKS = List.of("canada-dadm", "eu-ai-act", "iso-iec-42001", "meti-ai-guidelines",
            "nist-ai-rmf");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Definitions> SHIPPED = shipped();

    private static Map<String, Definitions> shipped() {
        DefinitionLoader loader = new DefinitionLoader(InputLimits.DEFAULT);
        Map<String, Definitions> sets = new LinkedHashMap<>();
        for (String version : loader.shipped().versions().keySet()) {
            sets.put(version, loader.loadShipped(version));
        }
        return sets;
    }

    static JsonNode read(Path file) {
        try {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return JSON.valueToTree(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> frameworks() {
        return FRAMEWORKS.stream();
    }

    static JsonNode crosswalk(String id) {
        return read(CROSSWALKS.resolve(id + ".yaml"));
    }

    static Stream<String> versions() {
        return SHIPPED.keySet().stream();
    }

    static JsonNode questionnaire(String version) {
        return read(RESOURCES.resolve("ds920/v" + version + "/questionnaire.yaml"));
    }

    // -- crosswalks

    @Test
    void everyFrameworkOfTheIssueHasOneCrosswalkNamedByItsId() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(CROSSWALKS)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactlyElementsOf(FRAMEWORKS.stream().map(f -> f + ".yaml").toList());
        for (String id : FRAMEWORKS) {
            JsonNode doc = crosswalk(id);
            assertThat(doc.path("kind").asText()).isEqualTo("Crosswalk");
            assertThat(doc.path("id").asText()).as("the id a user passes to --crosswalk").isEqualTo(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void everyMappedDefinitionExistsInEveryVersionTheMappingClaims(String framework) {
        JsonNode doc = crosswalk(framework);
        List<String> fileVersions = texts(doc.path("guidelineVersions"));
        assertThat(SHIPPED.keySet()).containsAll(fileVersions);
        assertThat(doc.path("mappings")).isNotEmpty();
        for (JsonNode m : doc.path("mappings")) {
            String from = m.path("from").asText();
            List<String> versions = m.has("versions") ? texts(m.path("versions")) : fileVersions;
            assertThat(fileVersions).as("%s: versions of %s", framework, m.path("id").asText()).containsAll(versions);
            for (String version : versions) {
                Definitions d = SHIPPED.get(version);
                Map<String, List<String>> options = options(d);
                assertThat(Stream.concat(options.keySet().stream(), itemIds(d).stream()))
                        .as("%s: %s in DS-920 v%s", framework, from, version).contains(from);
                if (m.has("options")) {
                    assertThat(options).as("%s: options are only for axes", framework).containsKey(from);
                    assertThat(options.get(from)).as("%s: options of %s in v%s", framework, from, version)
                            .containsAll(texts(m.path("options")));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void everyMappingPointsAtAReferenceOfItsOwnFileAndNoIdIsUsedTwice(String framework) {
        JsonNode doc = crosswalk(framework);
        List<String> groups = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (JsonNode g : doc.path("groups")) {
            groups.add(g.path("id").asText());
            g.path("references").forEach(r -> references.add(r.path("id").asText()));
        }
        assertThat(groups).doesNotHaveDuplicates();
        assertThat(references).isNotEmpty().doesNotHaveDuplicates();
        List<String> mappingIds = new ArrayList<>();
        for (JsonNode m : doc.path("mappings")) {
            String id = m.path("id").asText();
            mappingIds.add(id);
            assertThat(id).as("a mapping's id names the definition it maps").startsWith(m.path("from").asText() + ".");
            List<String> targets = new ArrayList<>();
            m.path("to").forEach(t -> targets.add(t.path("ref").asText()));
            assertThat(targets).as("%s: %s", framework, id).isNotEmpty().doesNotHaveDuplicates();
            assertThat(references).as("%s: the references of %s", framework, id).containsAll(targets);
        }
        assertThat(mappingIds).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void theFrameworkAndItsReferencesArePublicAndEveryMappingIsThisProjectsReading(String framework) {
        JsonNode doc = crosswalk(framework);
        assertThat(doc.path("provenance").asText()).isEqualTo("interpretation");
        assertThat(doc.at("/framework/provenance").asText()).isEqualTo("public");
        for (JsonNode g : doc.path("groups")) {
            assertThat(g.path("provenance").asText()).isEqualTo("public");
            g.path("references").forEach(r -> assertThat(r.path("provenance").asText()).as(r.path("id").asText())
                    .isEqualTo("public"));
        }
        doc.path("mappings").forEach(m -> assertThat(m.path("provenance").asText()).as(m.path("id").asText())
                .isEqualTo("interpretation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void everyCrosswalkTextAndCitationIsGivenInBothLanguages(String framework) {
        JsonNode doc = crosswalk(framework);
        List<JsonNode> pairs = pairs(doc);
        // title, citation, framework (title, publisher, scope, citation), and per group, reference and mapping
        assertThat(pairs).hasSizeGreaterThan(6 + 2 * doc.path("mappings").size());
        doc.path("mappings").forEach(m -> assertThat(m.path("citation").isObject()).isTrue());
    }

    /**
     * Coverage is reported against the reference lists, so they must be the frameworks' full lists
     * in scope, in the frameworks' order: a reference dropped by an edit would silently vanish from
     * the uncovered ones.
     */
    @Test
    void theReferenceListsAreTheFrameworksFullListsInScope() {
        assertThat(references("nist-ai-rmf", "GOVERN")).containsExactlyElementsOf(subcategories("GOVERN", 7, 3, 2, 3, 2, 2));
        assertThat(references("nist-ai-rmf", "MAP")).containsExactlyElementsOf(subcategories("MAP", 6, 3, 5, 2, 2));
        assertThat(references("nist-ai-rmf", "MEASURE")).containsExactlyElementsOf(subcategories("MEASURE", 3, 13, 3, 3));
        assertThat(references("nist-ai-rmf", "MANAGE")).containsExactlyElementsOf(subcategories("MANAGE", 4, 4, 2, 3));
        assertThat(references("nist-ai-rmf", "AI-600-1")).hasSize(12);
        assertThat(labels("nist-ai-rmf", "AI-600-1")).allSatisfy(l -> assertThat(l).matches("AI 600-1 2\\.([1-9]|1[0-2]) .+"))
                .extracting(l -> l.split(" ")[2]).containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 12).mapToObj(i -> "2." + i).toList());
        assertThat(Stream.of("A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10")
                .flatMap(g -> references("iso-iec-42001", g).stream()).toList()).containsExactly(
                "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
                "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5",
                "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.8.2", "A.8.3",
                "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4");
        assertThat(references("eu-ai-act", "ANNEX-III")).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 8).mapToObj(i -> "ANNEX-III-" + i).toList());
        assertThat(Stream.of("CHAPTER-I", "CHAPTER-III", "CHAPTER-IV", "CHAPTER-V", "CHAPTER-IX")
                .flatMap(g -> references("eu-ai-act", g).stream()).toList()).containsExactly(
                "ART-4", "ART-6", "ART-9", "ART-10", "ART-11", "ART-12", "ART-13", "ART-14", "ART-15", "ART-17",
                "ART-25", "ART-26", "ART-27", "ART-49", "ART-50", "ART-53", "ART-72", "ART-73", "ART-86");
        assertThat(labels("meti-ai-guidelines", "COMMON-PRINCIPLES")).containsExactly("共通の指針 1) 人間中心",
                "共通の指針 2) 安全性", "共通の指針 3) 公平性", "共通の指針 4) プライバシー保護", "共通の指針 5) セキュリティ確保",
                "共通の指針 6) 透明性", "共通の指針 7) アカウンタビリティ", "共通の指針 8) 教育・リテラシー",
                "共通の指針 9) 公正競争確保", "共通の指針 10) イノベーション");
        assertThat(references("canada-dadm", "QUALITY-ASSURANCE")).contains("DADM-HUMAN-INVOLVEMENT", "DADM-PEER-REVIEW",
                "DADM-GBA-PLUS", "DADM-TRAINING", "DADM-APPROVAL");
        assertThat(references("canada-dadm", "TRANSPARENCY")).contains("DADM-NOTICE", "DADM-EXPLANATION");
    }

    /** The procurement item that names the AI Guidelines for Business maps to every one of its common principles. */
    @Test
    void complianceWithTheCommonPrinciplesMapsToEachOfThem() {
        JsonNode doc = crosswalk("meti-ai-guidelines");
        List<String> mapped = new ArrayList<>();
        for (JsonNode m : doc.path("mappings")) {
            if (m.path("from").asText().equals("PROC-01")) {
                m.path("to").forEach(t -> mapped.add(t.path("ref").asText()));
            }
        }
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(references("meti-ai-guidelines", "COMMON-PRINCIPLES"));
    }

    // -- questionnaires

    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void aQuestionnaireAsksForEveryProfileFieldInTheOfficersOrder(String version) {
        JsonNode doc = questionnaire(version);
        assertThat(doc.path("kind").asText()).isEqualTo("Questionnaire");
        assertThat(doc.path("guidelineVersion").asText()).isEqualTo(version);
        List<String> sections = new ArrayList<>();
        doc.path("sections").forEach(s -> sections.add(s.path("id").asText()));
        assertThat(sections).containsExactly("project", "scope", "model", "procurement", "axes");
        List<String> expected = new ArrayList<>(List.of("id", "name", "organisation", "description",
                "scope.textGeneration", "scope.specifiedSecrets", "model.name", "model.vendor", "procurement.form",
                "procurement.vendorTrainsModel"));
        SHIPPED.get(version).risk().axes().forEach(a -> expected.add("axes." + a.meta().id()));
        assertThat(questions(doc).stream().map(q -> q.path("sets").asText()).toList()).containsExactlyElementsOf(expected);
        List<String> ids = questions(doc).stream().map(q -> q.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    /** The profile schema is what `assess` reads: every question sets one of its fields, and every field it requires is asked. */
    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void everyQuestionSetsAFieldOfTheProfileAndEveryRequiredFieldIsAsked(String version) throws IOException {
        JsonNode profile = JSON.readTree(RESOURCES.resolve("schemas/project-profile.schema.json").toFile());
        Set<String> asked = new HashSet<>();
        for (JsonNode q : questions(questionnaire(version))) {
            String[] path = q.path("sets").asText().split("\\.", 2);
            JsonNode field = profile.path("properties").path(path[0]);
            assertThat(field.isMissingNode()).as("profile field %s", q.path("sets").asText()).isFalse();
            if (path.length == 2 && !path[0].equals("axes")) {
                assertThat(field.path("properties").has(path[1])).as("profile field %s", q.path("sets").asText()).isTrue();
            }
            asked.add(q.path("sets").asText());
            boolean required = texts(profile.path("required")).contains(path[0])
                    && (path.length == 1 || path[0].equals("axes") || texts(field.path("required")).contains(path[1]));
            assertThat(q.path("optional").asBoolean(false)).as("%s is optional exactly when the profile may omit it",
                    q.path("sets").asText()).isEqualTo(!required);
        }
        for (String field : texts(profile.path("required"))) {
            JsonNode nested = profile.path("properties").path(field).path("required");
            if (field.equals("axes")) {
                continue; // one question per axis of the version, checked above
            }
            if (nested.isMissingNode()) {
                assertThat(asked).contains(field);
            } else {
                texts(nested).forEach(n -> assertThat(asked).contains(field + "." + n));
            }
        }
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void axisQuestionsOfferExactlyTheRiskSheetsOptionsAndAskItsQuestion(String version) {
        Map<String, Axis> axes = SHIPPED.get(version).risk().axes().stream()
                .collect(Collectors.toMap(a -> a.meta().id(), a -> a, (a, b) -> a, LinkedHashMap::new));
        for (JsonNode q : questions(questionnaire(version))) {
            if (!q.path("sets").asText().startsWith("axes.")) {
                assertThat(q.has("axis")).as(q.path("id").asText()).isFalse();
                continue;
            }
            String axis = q.path("axis").asText();
            assertThat(q.path("sets").asText()).isEqualTo("axes." + axis);
            assertThat(q.path("type").asText()).isEqualTo("choice");
            Axis sheet = axes.get(axis);
            assertThat(sheet).as("axis %s in v%s", axis, version).isNotNull();
            assertThat(optionKeys(q)).as("options of %s in v%s", axis, version)
                    .containsExactlyElementsOf(sheet.options().stream().map(o -> o.meta().id()).toList());
            assertThat(q.at("/question/ja").asText()).isEqualTo(sheet.question().ja());
            assertThat(q.at("/question/en").asText()).isEqualTo(sheet.question().en());
            assertThat(q.path("provenance").asText()).as("the axis question restates the sheet").isEqualTo("seed");
        }
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void procurementAndYesNoQuestionsOfferExactlyTheProfilesAnswers(String version) {
        for (JsonNode q : questions(questionnaire(version))) {
            switch (q.path("type").asText()) {
                case "boolean" -> assertThat(optionKeys(q)).as(q.path("id").asText()).containsExactly("true", "false");
                case "text" -> assertThat(q.has("options")).as(q.path("id").asText()).isFalse();
                case "choice" -> {
                    if (q.path("sets").asText().equals("procurement.form")) {
                        assertThat(optionKeys(q)).containsExactly(Arrays.stream(ProcurementForm.values()).map(Enum::name)
                                .toArray(String[]::new));
                    }
                }
                default -> throw new AssertionError("type " + q.path("type"));
            }
        }
    }

    /** What-if needs both: whether an answer is the ministry's to change, and what moving to it means. */
    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void everyAnswerSaysWhatItMeansWhetherItIsADesignChoiceAndWhatChangingToItMeans(String version) {
        int options = 0;
        for (JsonNode q : questions(questionnaire(version))) {
            for (JsonNode o : q.path("options")) {
                options++;
                assertThat(o.path("designChoice").isBoolean()).isTrue();
                assertThat(o.path("meaning").isObject()).isTrue();
                assertThat(o.path("change").isObject()).isTrue();
                assertThat(o.path("examples").size()).isBetween(1, 2);
            }
            assertThat(q.at("/help/examples").size()).as(q.path("id").asText()).isBetween(1, 2);
        }
        assertThat(options).as("three yes/no questions, the procurement forms and every axis option").isEqualTo(3 * 2 + ProcurementForm.values().length
                + SHIPPED.get(version).risk().axes().stream().mapToInt(a -> a.options().size()).sum());
        JsonNode judgement = questions(questionnaire(version)).stream()
                .filter(q -> q.path("sets").asText().equals("axes.judgement")).findFirst().orElseThrow();
        JsonNode every = judgement.path("options").get(0);
        assertThat(every.path("id").asText()).isEqualTo("EVERY_OUTPUT");
        assertThat(every.at("/change/ja").asText()).isEqualTo("出力を利用する前に、職員が全ての出力を確認・判断するようにする");
        assertThat(every.at("/change/en").asText()).isEqualTo("Have a staff member judge every output before it is used");
    }

    /** Officers answer in words, not in enum names: no text shown to them contains an option id. */
    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void everyQuestionnaireTextIsInBothLanguagesAndNamesNoInternalId(String version) {
        JsonNode doc = questionnaire(version);
        Set<String> internal = new HashSet<>();
        for (JsonNode q : questions(doc)) {
            q.path("options").forEach(o -> {
                if (o.has("id")) {
                    internal.add(o.path("id").asText());
                }
            });
        }
        assertThat(internal).contains("RIGHTS_AFFECTING", "SAAS_API", "EVERY_OUTPUT");
        List<JsonNode> shown = new ArrayList<>();
        for (JsonNode q : questions(doc)) {
            shown.add(q.path("question"));
            shown.add(q.at("/help/explanation"));
            q.at("/help/examples").forEach(shown::add);
            for (JsonNode o : q.path("options")) {
                shown.add(o.path("meaning"));
                shown.add(o.path("change"));
                o.path("examples").forEach(shown::add);
            }
        }
        assertThat(pairs(doc)).hasSizeGreaterThan(shown.size());
        for (JsonNode text : shown) {
            for (String lang : List.of("ja", "en")) {
                String s = text.path(lang).asText();
                assertThat(internal).as("%s", s).noneMatch(s::contains);
            }
            assertThat(text.path("ja").asText()).doesNotContain("リスク区分");
        }
    }

    // -- the schemas reject what they must

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                broken("crosswalk", "a mapping without its reason", "crosswalks/eu-ai-act.yaml",
                        d -> ((ObjectNode) d.at("/mappings/0")).remove("reason")),
                broken("crosswalk", "a mapping claimed as seed", "crosswalks/eu-ai-act.yaml",
                        d -> ((ObjectNode) d.at("/mappings/0")).put("provenance", "seed")),
                broken("crosswalk", "a strength outside the vocabulary", "crosswalks/nist-ai-rmf.yaml",
                        d -> ((ObjectNode) d.at("/mappings/0/to/0")).put("strength", "strong")),
                broken("crosswalk", "a mapping to nothing", "crosswalks/nist-ai-rmf.yaml",
                        d -> ((ObjectNode) d.at("/mappings/0")).putArray("to")),
                broken("crosswalk", "a blank Japanese title", "crosswalks/iso-iec-42001.yaml",
                        d -> ((ObjectNode) d.at("/groups/0/references/0/title")).put("ja", " \t")),
                broken("crosswalk", "a citation as one string", "crosswalks/canada-dadm.yaml",
                        d -> ((ObjectNode) d.at("/groups/0/references/0")).put("citation", "Directive, 6.3.13")),
                broken("crosswalk", "a framework date that is no date", "crosswalks/meti-ai-guidelines.yaml",
                        d -> ((ObjectNode) d.path("framework")).put("date", "2025-13")),
                broken("crosswalk", "a framework claimed as interpretation", "crosswalks/meti-ai-guidelines.yaml",
                        d -> ((ObjectNode) d.path("framework")).put("provenance", "interpretation")),
                broken("crosswalk", "an unknown field", "crosswalks/eu-ai-act.yaml",
                        d -> ((ObjectNode) d).put("notes", "free text")),
                broken("questionnaire", "a yes/no question with a third answer", "ds920/v2.0/questionnaire.yaml",
                        d -> ((ArrayNode) question(d, "scope.textGeneration").path("options"))
                                .add(question(d, "scope.textGeneration").path("options").get(0).deepCopy())),
                broken("questionnaire", "a choice answered by value", "ds920/v2.0/questionnaire.yaml",
                        d -> ((ObjectNode) question(d, "axes.users").path("options").get(0)).put("value", true).remove("id")),
                broken("questionnaire", "a free-text question with options", "ds920/v2.0/questionnaire.yaml",
                        d -> ((ObjectNode) question(d, "name")).set("options", question(d, "axes.users").path("options").deepCopy())),
                broken("questionnaire", "three examples", "ds920/v1.0/questionnaire.yaml",
                        d -> ((ArrayNode) question(d, "axes.work").at("/help/examples"))
                                .add(question(d, "axes.work").at("/help/examples/0").deepCopy())),
                broken("questionnaire", "an answer without its change", "ds920/v1.0/questionnaire.yaml",
                        d -> ((ObjectNode) question(d, "axes.judgement").path("options").get(2)).remove("change")),
                broken("questionnaire", "a design choice written as a word", "ds920/v1.0/questionnaire.yaml",
                        d -> ((ObjectNode) question(d, "axes.data").path("options").get(0)).put("designChoice", "yes")),
                broken("questionnaire", "a question that sets no profile field", "ds920/v1.0/questionnaire.yaml",
                        d -> ((ObjectNode) question(d, "model.vendor")).put("sets", "model.provider")));
    }

    private static Arguments broken(String schema, String what, String file, Consumer<JsonNode> mutation) {
        return Arguments.of(what, schema, file, mutation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void theSchemaRejects(String what, String schema, String file, Consumer<JsonNode> mutation) throws IOException {
        JsonNode doc = read(RESOURCES.resolve(file));
        assertThat(SchemaTest.errors(schema, JSON.writeValueAsString(doc))).as("the shipped %s", file).isEmpty();
        mutation.accept(doc);
        assertThat(SchemaTest.errors(schema, JSON.writeValueAsString(doc))).as(what).isNotEmpty();
    }

    // -- helpers

    private static JsonNode question(JsonNode questionnaire, String sets) {
        return questions(questionnaire).stream().filter(q -> q.path("sets").asText().equals(sets)).findFirst().orElseThrow();
    }

    private static List<JsonNode> questions(JsonNode questionnaire) {
        List<JsonNode> out = new ArrayList<>();
        questionnaire.path("sections").forEach(s -> s.path("questions").forEach(out::add));
        return out;
    }

    /** An answer's key: its id (choice) or its value (yes/no), as text. */
    private static List<String> optionKeys(JsonNode question) {
        List<String> out = new ArrayList<>();
        question.path("options").forEach(o -> out.add(o.has("id") ? o.path("id").asText() : o.path("value").asText()));
        return out;
    }

    private static Map<String, List<String>> options(Definitions d) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        d.risk().axes().forEach(a -> out.put(a.meta().id(), a.options().stream().map(o -> o.meta().id()).toList()));
        return out;
    }

    private static Set<String> itemIds(Definitions d) {
        return d.checklists().stream().flatMap(c -> c.items().stream()).map(i -> i.meta().id()).collect(Collectors.toSet());
    }

    private static List<String> references(String framework, String group) {
        return groupField(framework, group, "id");
    }

    private static List<String> labels(String framework, String group) {
        return groupField(framework, group, "label");
    }

    private static List<String> groupField(String framework, String group, String field) {
        for (JsonNode g : crosswalk(framework).path("groups")) {
            if (g.path("id").asText().equals(group)) {
                List<String> out = new ArrayList<>();
                g.path("references").forEach(r -> out.add(r.path(field).asText()));
                return out;
            }
        }
        throw new AssertionError(framework + " has no group " + group);
    }

    /** FUNCTION-c.s for each category c (from 1) with the given number of subcategories. */
    private static List<String> subcategories(String function, int... perCategory) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < perCategory.length; c++) {
            for (int s = 1; s <= perCategory[c]; s++) {
                out.add(function + "-" + (c + 1) + "." + s);
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Every bilingual object in the document ({@code ja} and {@code en}, nothing else), each checked to
     * have both languages non-blank; an object with only one of them fails.
     */
    private static List<JsonNode> pairs(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        collectPairs(node, "", out);
        return out;
    }

    private static void collectPairs(JsonNode node, String path, List<JsonNode> out) {
        if (node.isObject()) {
            if (node.has("ja") || node.has("en")) {
                assertThat(node.size()).as("%s has only ja and en", path).isEqualTo(2);
                for (String lang : List.of("ja", "en")) {
                    assertThat(node.path(lang).isTextual()).as("%s/%s", path, lang).isTrue();
                    assertThat(node.path(lang).asText()).as("%s/%s", path, lang).isNotBlank();
                }
                out.add(node);
                return;
            }
            node.properties().forEach(e -> collectPairs(e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPairs(node.get(i), path + "/" + i, out);
            }
        }
    }
}
