package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.FixtureSets.FIXTURES;
import static io.github.aigov.governance.rules.WellFormedProblems.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.model.Flag;
import io.github.aigov.governance.rules.internal.yaml.Fields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas for editors (in the checklists jar, {@code schemas/}): every shipped YAML file
 * names its schema on its first line and is valid against it; broken files are rejected; and the
 * schemas' closed vocabulary is exactly the engine's.
 */
class SchemaTest {
    static final Path ROOT = Path.of("..");
    static final Path SCHEMAS = ROOT.resolve("checklists/src/main/resources/schemas");
    static final Map<String, String> SCHEMA_OF_KIND = Map.of(
            "GuidelineVersions", "guideline-versions",
            "DefinitionSet", "definition-set",
            "RiskAssessmentSheet", "risk-assessment",
            "Checklist", "checklist",
            "ObligationSheet", "obligation-sheet",
            "Overlay", "overlay",
            "GoldenCase", "golden-case",
            "Crosswalk", "crosswalk",
            "CrosswalkOverlay", "crosswalk-overlay",
            "Questionnaire", "questionnaire");
    static final Pattern KIND = Pattern.compile("^kind:\\s*(\\S+)", Pattern.MULTILINE);
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final Map<String, Schema> LOADED = new HashMap<>();

    /** Definitions (with their golden cases and questionnaires), crosswalks, sample profiles and overlays. */
    static Stream<Path> shippedYaml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("checklists/src/main/resources/ds920"),
                ROOT.resolve("checklists/src/main/resources/crosswalks"), ROOT.resolve("examples/projects"),
                ROOT.resolve("examples/overlays"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(15);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedYaml")
    void everyShippedFileNamesItsSchemaOnItsFirstLineAndIsValidAgainstIt(Path file) throws IOException {
        String text = Files.readString(file);
        String schema = schemaFor(text);
        Path expected = SCHEMAS.resolve(schema + ".schema.json");
        String relative = file.getParent().toAbsolutePath().normalize()
                .relativize(expected.toAbsolutePath().normalize()).toString().replace('\\', '/');
        assertThat(text.lines().findFirst().orElse(""))
                .isEqualTo("# yaml-language-server: $schema=" + relative);
        assertThat(file.getParent().resolve(relative)).exists();
        assertThat(errors(schema, text)).as("schema errors of %s", file).isEmpty();
    }

    @Test
    void everySchemaIsValidDraft2020_12AndShipsInTheChecklistsJar() throws IOException {
        Schema meta = SchemaRegistry.withDialect(Dialects.getDraft202012())
                .getSchema(SchemaLocation.of(Dialects.getDraft202012().getId()));
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(SCHEMAS)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        assertThat(names).containsExactlyInAnyOrder("common.schema.json", "definition-set.schema.json",
                "risk-assessment.schema.json", "checklist.schema.json", "overlay.schema.json",
                "golden-case.schema.json", "project-profile.schema.json", "guideline-versions.schema.json",
                "decision-record.schema.json", "obligation-sheet.schema.json", "crosswalk.schema.json", "crosswalk-overlay.schema.json",
                "questionnaire.schema.json", "audit-line.schema.json", "office-record.schema.json");
        for (String name : names) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + name)) {
                assertThat(in).as("schemas/%s on the class path", name).isNotNull();
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(meta.validate(json, InputFormat.JSON)).as(name).isEmpty();
                assertThat(json).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
            }
        }
    }

    /** Each broken fixture, the schema that rejects it, and the code the loader refuses it with. */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("definitionSheet/option-level-not-in-vocabulary.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/condition-with-two-forms.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/scope-rule-tests-an-axis.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/combination-tests-classification.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/count-axes-at-least-not-a-number.yaml", "GOV-0004"),
                Arguments.of("definitionSheet/rule-id-starts-with-digit.yaml", "GOV-0008"),
                Arguments.of("definitionSheet/axis-with-unknown-field.yaml", "GOV-0002"),
                Arguments.of("definitionSheet/escalation-required-missing.yaml", "GOV-0003"),
                Arguments.of("definitionSheet/applicability-status-not-in-vocabulary.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/applicability-items-an-unknown-word.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/manifest-provenance-capitalised.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/obligation-role-not-in-vocabulary.yaml", "GOV-0007"),
                Arguments.of("definitionSheet/obligation-without-timing.yaml", "GOV-0003"),
                Arguments.of("overlay/obligation-role-repeated.yaml", "GOV-0007"),
                Arguments.of("overlay/rule-placed-before-and-after.yaml", "GOV-0007"),
                Arguments.of("overlay/option-level-not-in-vocabulary.yaml", "GOV-0007"),
                Arguments.of("profile/procurement-form-not-in-vocabulary.yaml", "GOV-0007"),
                Arguments.of("profile/flag-not-a-boolean.yaml", "GOV-0007"),
                Arguments.of("profile/blank-name.yaml", "GOV-0011"),
                Arguments.of("profile/golden-case-classification-not-in-vocabulary.yaml", "GOV-0002"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRejectedByItsSchemaAndRefusedByTheLoader(String fixture, String code) throws IOException {
        Path file = FIXTURES.resolve(fixture);
        String text = Files.readString(file);
        assertThat(errors(schemaFor(text), text)).as("schema errors of %s", fixture).isNotEmpty();
        assertThatThrownBy(() -> load(fixture, file)).isInstanceOfSatisfying(GovernanceException.class, e -> {
            assertWellFormed(e);
            assertThat(e.problems()).extracting(p -> p.code().id()).contains(code);
        });
    }

    @Test
    void theValidFixturesAreValidForTheSchemaToo() throws IOException {
        for (String fixture : List.of("definitionSheet/valid-small-risk-sheet.yaml", "definitionSheet/valid-small-checklist.yaml",
                "definitionSheet/v1.0-obligations.yaml", "overlay/changes-and-adds-obligations.yaml",
                "profile/valid-profile.yaml", "overlay/adds-partly-shadowed-applicability-rule.yaml",
                "overlay/adds-rules-of-every-condition-form.yaml")) {
            String text = Files.readString(FIXTURES.resolve(fixture));
            assertThat(errors(schemaFor(text), text)).as(fixture).isEmpty();
            load(fixture, FIXTURES.resolve(fixture));
        }
    }

    /** Decision records, as the audit log keeps them, follow the record schema shipped with the library. */
    @Test
    void decisionRecordsFollowTheirSchema() throws IOException {
        Schema record = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/decision-record.schema.json"));
        io.github.aigov.governance.GovernanceEngine v1 = Governance.builder().guidelineVersion("1.0").build();
        io.github.aigov.governance.GovernanceEngine overlaid = Governance.builder()
                .overlay(Path.of("../examples/overlays/example-ministry-overlay.yaml")).build();
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("../examples/projects"))) {
            samples = s.sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        for (Path sample : samples) {
            io.github.aigov.governance.ProjectProfile profile = Governance.readProfile(sample);
            for (io.github.aigov.governance.GovernanceEngine engine : List.of(v1, overlaid)) {
                String json = Governance.toRecord(engine.assess(profile), java.util.Set.of("description", "model.vendor"));
                assertThat(record.validate(json, InputFormat.JSON)).as("%s with %s", sample, engine.definitions()).isEmpty();
            }
        }
        String current = Governance.toRecord(v1.assess(Governance.readProfile(samples.get(0))), java.util.Set.of());
        assertThat(current).contains("\"schemaVersion\":\"3\"", "\"obligations\":[{", "\"facts\":[{\"fields\":{");
        String broken = current.replace("\"schemaVersion\":\"3\"", "\"schemaVersion\":\"0\"");
        assertThat(record.validate(broken, InputFormat.JSON)).as("a record of another schema version").isNotEmpty();
        // schema 2 carries the ministry's duties; a record of 1 has none
        String withoutDuties = current.replaceFirst("\"obligations\":\\[.*?\\],\"profile\"", "\"profile\"");
        assertThat(withoutDuties).doesNotContain("\"obligations\"");
        assertThat(record.validate(withoutDuties, InputFormat.JSON)).as("a record of schema 2 without its obligations")
                .isNotEmpty();
        // schema 2 has citations in both languages; one text is the form of schema 1 only
        String oneLanguage = current.replaceFirst("\"citation\":\\{\"en\":(\"(?:[^\"\\\\]|\\\\.)*\"),\"ja\":\"(?:[^\"\\\\]|\\\\.)*\"\\}",
                "\"citation\":$1");
        assertThat(oneLanguage).isNotEqualTo(current);
        assertThat(record.validate(oneLanguage, InputFormat.JSON)).as("a schema 2 record with a one-language citation").isNotEmpty();
        assertThat(record.validate(oneLanguage.replace("\"schemaVersion\":\"3\"", "\"schemaVersion\":\"1\""), InputFormat.JSON))
                .as("the same citation in a record of schema 1").isEmpty();
        // schema 3 has the trace's facts as values; their text is the form of schemas 1 and 2 only
        String factText = current.replaceFirst("\"facts\":\\[\\{\"fields\":\\{[^}]*\\},\"kind\":\"[A-Z_]+\"\\}", "\"facts\":[\"a fact\"");
        assertThat(factText).isNotEqualTo(current);
        assertThat(record.validate(factText, InputFormat.JSON)).as("a schema 3 record with a fact as text").isNotEmpty();
        assertThat(record.validate(factText.replace("\"schemaVersion\":\"3\"", "\"schemaVersion\":\"2\""), InputFormat.JSON))
                .as("the same fact in a record of schema 2").isEmpty();
        // a record written before citations were bilingual, as it was written
        String schema1 = Files.readString(Path.of("src/test/resources/io/github/aigov/governance/rules/schema-1/record.json"));
        assertThat(schema1).contains("\"schemaVersion\":\"1\"");
        assertThat(record.validate(schema1, InputFormat.JSON)).as("the schema 1 record").isEmpty();
        // and one written before the trace's facts were values, as it was written
        String schema2 = Files.readString(RecordSchema2Test.DIR.resolve("record.json"), StandardCharsets.UTF_8);
        assertThat(schema2).contains("\"schemaVersion\":\"2\"", "\"facts\":[\"count=2\"]");
        assertThat(record.validate(schema2, InputFormat.JSON)).as("the schema 2 record").isEmpty();
        // and one decided by v1.0 before decisions carried the ministry's duties, as it was written
        String schemaOne = Files.readString(RecordSchema1Test.V1_RECORD, StandardCharsets.UTF_8);
        assertThat(schemaOne).contains("\"schemaVersion\":\"1\"").doesNotContain("\"obligations\"");
        assertThat(record.validate(schemaOne, InputFormat.JSON)).as("the v1.0 schema 1 record").isEmpty();
    }

    /**
     * Audit log lines as the library writes them (signed or not, redacted or not) and as the first
     * line format wrote them follow the line schema, which embeds the record schema; lines the
     * library refuses are refused by the schema too.
     */
    @Test
    void auditLinesFollowTheirSchema(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Schema line = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/audit-line.schema.json"));
        io.github.aigov.governance.GovernanceEngine engine = Governance.builder().build();
        io.github.aigov.governance.ProjectProfile profile = Governance.readProfile(Path.of("../examples/projects/seabis-help-chat.yaml"));
        Path signed = dir.resolve("signed.jsonl");
        Path unsigned = dir.resolve("unsigned.jsonl");
        io.github.aigov.governance.audit.AuditSigningKey key = io.github.aigov.governance.audit.AuditSigningKey.generate();
        Governance.auditLog(signed, key).append(engine.assess(profile), java.util.Set.of());
        Governance.auditLog(signed, key).append(engine.assess(profile), java.util.Set.of("name", "model.vendor"));
        Governance.auditLog(unsigned).append(engine.assess(profile), java.util.Set.of("description"));
        List<String> lines = new ArrayList<>(Files.readAllLines(signed));
        lines.addAll(Files.readAllLines(unsigned));
        lines.addAll(Files.readAllLines(Path.of("src/test/resources/audit/legacy-format.jsonl")));
        assertThat(lines).hasSize(7);
        for (String l : lines) {
            assertThat(line.validate(l, InputFormat.JSON)).as(l.substring(0, 80)).isEmpty();
        }
        String first = lines.get(0);
        for (String broken : List.of(
                first.replace("\"v\":2", "\"v\":3"),
                first.replace("\"v\":2", "\"note\":\"x\",\"v\":2"),
                first.replaceFirst(",\"signer\":\"sha256:[0-9a-f]{64}\"", ""),
                first.replace("\"prev\":\"sha256:", "\"prev\":\"md5:"),
                lines.get(6).replace("{\"seq\":", "{\"note\":\"x\",\"seq\":"))) {
            assertThat(broken).isNotEqualTo(first);
            assertThat(line.validate(broken, InputFormat.JSON)).as(broken.substring(0, 80)).isNotEmpty();
        }
    }

    /**
     * Records of the CAIO's office, of every kind and step, signed and redacted, follow the line
     * schema (format 3) and the record schema it embeds; changed ones are refused by the schema too.
     */
    @Test
    void officeRecordLinesFollowTheirSchema(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Schema line = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/audit-line.schema.json"));
        Path file = dir.resolve("office.jsonl");
        io.github.aigov.governance.audit.AuditSigningKey key = io.github.aigov.governance.audit.AuditSigningKey.generate();
        io.github.aigov.governance.audit.AuditLog log = Governance.auditLog(file, key);
        io.github.aigov.governance.audit.AuditEntry d = log.append(AuditTamperTest.decide("PUBLIC"), java.util.Set.of());
        List<io.github.aigov.governance.audit.OfficeRecord> records = AuditOfficeRecordTest.everyStep(d);
        records.forEach(r -> log.append(r, java.util.Set.of()));
        log.append(records.get(2), io.github.aigov.governance.audit.OfficeRecord.FREE_TEXTS);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(12);
        for (String l : lines) {
            assertThat(line.validate(l, InputFormat.JSON)).as(l.substring(0, Math.min(200, l.length()))).isEmpty();
        }
        String determination = lines.get(1);
        String interval = lines.get(10);
        for (String broken : List.of(
                determination.replace("\"v\":3", "\"v\":2"),
                determination.replace("\"kind\":\"determination\",\"prev\"", "\"kind\":\"decision\",\"prev\""),
                determination.replace("\"determined\":\"MEDIUM\"", "\"determined\":\"SEVERE\""),
                determination.replace("\"computed\":", "\"extra\":1,\"computed\":"),
                determination.replaceFirst("\"about\":\\{[^}]*\\},", ""),
                lines.get(5).replace("\"reporter\":\"USER\"", "\"reporter\":\"PRESS\""),
                interval.replace("\"content\":", "\"system\":{\"id\":\"s\",\"profileId\":\"p\"},\"content\":"))) {
            assertThat(broken).isNotIn(lines);
            assertThat(line.validate(broken, InputFormat.JSON)).as(broken.substring(0, Math.min(300, broken.length()))).isNotEmpty();
        }
    }

    @Test
    void referencesAreTheLoadersToCheckNotTheSchemas() throws IOException {
        // A schema knows the vocabulary, not which axes a set has: this fixture is valid for it.
        String fixture = "definitionSheet/condition-names-an-unknown-axis.yaml";
        String text = Files.readString(FIXTURES.resolve(fixture));
        assertThat(errors(schemaFor(text), text)).isEmpty();
        assertThatThrownBy(() -> load(fixture, FIXTURES.resolve(fixture))).isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems()).extracting(p -> p.code().id()).containsExactly("GOV-0006"));
    }

    @Test
    void theSchemasVocabularyIsExactlyTheEngines() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(SCHEMAS.resolve("common.schema.json").toFile()).get("$defs");
        assertThat(strings(defs.at("/level/enum"))).containsExactly(names(RiskLevel.values()));
        assertThat(strings(defs.at("/status/enum"))).containsExactlyInAnyOrder(names(ItemStatus.values()));
        assertThat(strings(defs.at("/procurementForm/enum"))).containsExactly(names(ProcurementForm.values()));
        assertThat(strings(defs.at("/flag/enum"))).containsExactly(names(Flag.values()));
        assertThat(strings(defs.at("/provenance/enum"))).containsExactly(Arrays.stream(Provenance.values())
                .map(p -> p.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
        assertThat(strings(defs.at("/role/enum"))).containsExactly(names(Role.values()));
        assertThat(strings(defs.at("/timing/enum"))).containsExactly(names(Timing.values()));
        JsonNode obligation = new ObjectMapper().readTree(SCHEMAS.resolve("decision-record.schema.json").toFile())
                .at("/properties/obligations/items/properties");
        assertThat(strings(obligation.at("/roles/items/enum"))).containsExactly(names(Role.values()));
        assertThat(strings(obligation.at("/timing/enum"))).containsExactly(names(Timing.values()));
        assertThat(strings(obligation.at("/status/enum"))).containsExactlyInAnyOrder(names(ItemStatus.values()));
        assertThat(defs.at("/id/pattern").asText()).isEqualTo(Fields.ID.pattern());
        JsonNode profile = new ObjectMapper().readTree(SCHEMAS.resolve("project-profile.schema.json").toFile());
        assertThat(profile.at("/properties/id/pattern").asText())
                .isEqualTo(io.github.aigov.governance.ProjectProfile.ID_PATTERN);
    }

    private static void load(String fixture, Path file) throws IOException {
        if (fixture.startsWith("definitionSheet/")) {
            FixtureSets.loadWithSheet(Files.readAllBytes(file), InputLimits.DEFAULT);
        } else if (fixture.startsWith("overlay/")) {
            new OverlayLoader(InputLimits.DEFAULT).apply(new DefinitionLoader(InputLimits.DEFAULT).loadShipped("2.0"), file);
        } else {
            Governance.readProfile(file);
        }
    }

    /** The schema for a document: by its kind; a profile has none. */
    static String schemaFor(String text) {
        Matcher m = KIND.matcher(text);
        if (!m.find()) {
            return "project-profile";
        }
        String schema = SCHEMA_OF_KIND.get(m.group(1));
        assertThat(schema).as("a schema for kind %s", m.group(1)).isNotNull();
        return schema;
    }

    static List<Error> errors(String schema, String yaml) {
        Schema s;
        synchronized (LOADED) {
            s = LOADED.computeIfAbsent(schema,
                    n -> REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + n + ".schema.json")));
        }
        return s.validate(yaml, InputFormat.YAML);
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toArray(String[]::new);
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
