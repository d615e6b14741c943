package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.WellFormedProblems.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.model.Definitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * No code from YAML. DRL, MVEL, expression-language and Java text is written into every string
 * field of a definition set and of an overlay, one field and one payload at a time. Each load is
 * either refused with a located problem of the expected code (an id is not an identifier, a value
 * is outside its vocabulary, a reference names nothing), or it succeeds and the text is inert
 * data: kept verbatim in the definitions, absent from the generated rules. A compiled engine then
 * renders such text verbatim.
 */
class CodeInjectionTest {
    static final List<String> PAYLOADS = List.of(
            "X\" salience 1 when then System.exit(1); end rule \"Y",
            "${Runtime.getRuntime().exec('x')}",
            "@{java.lang.System.exit(1)}",
            "\"); System.exit(1); //",
            "A\nrule \"X\" when then System.exit(1); end\n",
            "\u201cX\u201d salience 1 when then System.exit(1); end rule \u201cY\u201d",
            "#{T(java.lang.Runtime).getRuntime().exec('x')}",
            "X' + new java.io.File(\"/tmp/x\").delete() + '",
            "NUL\u0000and BEL\u0007 in a name");
    /** What must never appear in generated rules, whatever the payload. */
    static final List<String> MARKERS = List.of("System.exit", "getRuntime", "java.io.File", "\u201c", "${", "@{", "#{");
    static final String INERT = "inert";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z.]+)\\}\\}");

    /** A field of a template: its normal value and what writing a payload into it leads to. */
    record Field(String normal, String outcome) {
    }

    static final String MANIFEST = """
            kind: {{set.kind}}
            id: {{set.id}}
            version: {{set.version}}
            date: {{set.date}}
            title: { ja: 題, en: {{set.title}} }
            provenance: {{set.provenance}}
            citation: { ja: 出典, en: {{set.citation}} }
            sheets: [{{set.sheet}}, checklist.yaml, obligations.yaml]
            """;

    static final String RISK = """
            kind: RiskAssessmentSheet
            id: {{risk.id}}
            title: { ja: 題, en: {{risk.title}} }
            provenance: seed
            citation: { ja: 出典, en: {{risk.citation}} }
            scope:
              - id: {{scope.id}}
                when: { not: { flag: {{scope.flag}} } }
                reason: { ja: 理由, en: {{scope.reason}} }
                provenance: seed
                citation: { ja: 出典, en: c }
            axes:
              - id: {{axis.id}}
                title: { ja: 利用者, en: {{axis.title}} }
                question: { ja: 問, en: {{axis.question}} }
                provenance: seed
                citation: { ja: 出典, en: {{axis.citation}} }
                options:
                  - id: {{option.id}}
                    level: {{option.level}}
                    title: { ja: 国民, en: {{option.title}} }
                    reason: { ja: 理由, en: {{option.reason}} }
                    provenance: interpretation
                    citation: { ja: 出典, en: {{option.citation}} }
                  - { id: STAFF, level: LOW, title: { ja: 職員, en: Staff }, reason: { ja: 理由, en: r }, provenance: interpretation, citation: { ja: 出典, en: c } }
              - id: work
                title: { ja: 業務, en: Work }
                question: { ja: 問, en: Work }
                provenance: seed
                citation: { ja: 出典, en: c }
                options:
                  - { id: RIGHTS, level: HIGH, title: { ja: 権利, en: Rights }, reason: { ja: 理由, en: r }, provenance: interpretation, citation: { ja: 出典, en: c } }
                  - { id: INFO, level: MEDIUM, title: { ja: 情報, en: Information }, reason: { ja: 理由, en: r }, provenance: interpretation, citation: { ja: 出典, en: c } }
                  - { id: SUPPORT, level: LOW, title: { ja: 補助, en: Support }, reason: { ja: 理由, en: r }, provenance: interpretation, citation: { ja: 出典, en: c } }
            combination:
              - id: {{comb.id}}
                when: { axis: {{cond.axis}}, option: {{cond.option}} }
                result: {{comb.result}}
                reason: { ja: 理由, en: {{comb.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: {{comb.citation}} }
              - id: COMB-LEVEL
                when: { axis: work, level: {{cond.level}} }
                result: HIGH
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
              - id: COMB-COUNT
                when: { countAxes: { level: {{cond.countLevel}}, atLeast: {{cond.countAtLeast}} } }
                result: HIGH
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
              - id: COMB-AT-LEAST
                when: { axis: work, atLeast: {{cond.atLeast}} }
                result: MEDIUM
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
              - id: COMB-FORM
                when: { procurementForm: {{cond.form}} }
                result: LOW
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
              - id: COMB-DEFAULT
                result: LOW
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
            escalation:
              - id: {{esc.id}}
                when: { classification: {{cond.classification}} }
                required: {{esc.required}}
                reason: { ja: 理由, en: {{esc.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: c }
              - id: ESC-AT-LEAST
                when: { classificationAtLeast: {{cond.classificationAtLeast}} }
                required: false
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
              - id: ESC-OTHER
                required: false
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
            """;

    static final String CHECKLIST = """
            kind: Checklist
            id: {{checklist.id}}
            title: { ja: 題, en: {{checklist.title}} }
            provenance: seed
            citation: { ja: 出典, en: c }
            groups:
              - id: {{group.id}}
                title: { ja: 群, en: {{group.title}} }
                provenance: seed
                citation: { ja: 出典, en: c }
                items:
                  - id: {{item.id}}
                    number: {{item.number}}
                    title: { ja: 項目, en: {{item.title}} }
                    provenance: seed
                    citation: { ja: 出典, en: {{item.citation}} }
                  - { id: ITEM-2, number: "②", title: { ja: 項目, en: Item 2 }, provenance: seed, citation: { ja: 出典, en: c } }
            applicability:
              - id: {{appl.id}}
                items: [{{appl.item}}]
                when: { flag: {{cond.flag}} }
                status: {{appl.status}}
                reason: { ja: 理由, en: {{appl.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: {{appl.citation}} }
              - id: APPL-ALL
                items: {{appl.items}}
                status: REQUIRED
                reason: { ja: 理由, en: r }
                provenance: interpretation
                citation: { ja: 出典, en: c }
            """;

    static final String OBLIGATIONS = """
            kind: ObligationSheet
            id: {{obl.sheet}}
            title: { ja: 責務, en: {{obl.sheet.title}} }
            provenance: seed
            citation: { ja: 出典, en: c }
            groups:
              - id: {{obl.group}}
                title: { ja: 群, en: {{obl.group.title}} }
                provenance: interpretation
                citation: { ja: 出典, en: c }
                items:
                  - id: {{obl.id}}
                    number: {{obl.number}}
                    title: { ja: 責務, en: {{obl.title}} }
                    roles: [{{obl.role}}, PROVIDER]
                    timing: {{obl.timing}}
                    provenance: seed
                    citation: { ja: 出典, en: {{obl.citation}} }
            applicability:
              - id: {{obl.appl.id}}
                items: all
                status: {{obl.appl.status}}
                reason: { ja: 理由, en: {{obl.appl.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: {{obl.appl.citation}} }
            """;

    static final Map<String, Field> SET_FIELDS = new LinkedHashMap<>();
    static final Map<String, Field> OVERLAY_FIELDS = new LinkedHashMap<>();

    static {
        Map<String, Field> f = SET_FIELDS;
        f.put("set.kind", new Field("DefinitionSet", "GOV-0007"));
        f.put("set.id", new Field("T-SET", "GOV-0008"));
        f.put("set.version", new Field("\"1.0\"", INERT));
        f.put("set.date", new Field("2026-01-01", INERT));
        f.put("set.title", new Field("Title", INERT));
        f.put("set.provenance", new Field("interpretation", "GOV-0007"));
        f.put("set.citation", new Field("c", INERT));
        f.put("set.sheet", new Field("risk.yaml", "GOV-0007"));
        f.put("risk.id", new Field("RISK", "GOV-0008"));
        f.put("risk.title", new Field("Risk", INERT));
        f.put("risk.citation", new Field("c", INERT));
        f.put("scope.id", new Field("SCOPE-1", "GOV-0008"));
        f.put("scope.flag", new Field("textGeneration", "GOV-0007"));
        f.put("scope.reason", new Field("r", INERT));
        f.put("axis.id", new Field("users", "GOV-0008"));
        f.put("axis.title", new Field("Users", INERT));
        f.put("axis.question", new Field("\"Who uses it?\"", INERT));
        f.put("axis.citation", new Field("c", INERT));
        f.put("option.id", new Field("PUBLIC", "GOV-0008"));
        f.put("option.level", new Field("HIGH", "GOV-0007"));
        f.put("option.title", new Field("Public", INERT));
        f.put("option.reason", new Field("r", INERT));
        f.put("option.citation", new Field("c", INERT));
        f.put("comb.id", new Field("COMB-OPTION", "GOV-0008"));
        f.put("cond.axis", new Field("users", "GOV-0008"));
        f.put("cond.option", new Field("PUBLIC", "GOV-0008"));
        f.put("comb.result", new Field("HIGH", "GOV-0007"));
        f.put("comb.reason", new Field("r", INERT));
        f.put("comb.citation", new Field("c", INERT));
        f.put("cond.level", new Field("HIGH", "GOV-0007"));
        f.put("cond.countLevel", new Field("MEDIUM", "GOV-0007"));
        f.put("cond.countAtLeast", new Field("2", "GOV-0004"));
        f.put("cond.atLeast", new Field("MEDIUM", "GOV-0007"));
        f.put("cond.form", new Field("CUSTOMISATION", "GOV-0007"));
        f.put("esc.id", new Field("ESC-HIGH", "GOV-0008"));
        f.put("cond.classification", new Field("HIGH", "GOV-0007"));
        f.put("esc.required", new Field("true", "GOV-0007"));
        f.put("esc.reason", new Field("r", INERT));
        f.put("cond.classificationAtLeast", new Field("MEDIUM", "GOV-0007"));
        f.put("checklist.id", new Field("LIST", "GOV-0008"));
        f.put("checklist.title", new Field("List", INERT));
        f.put("group.id", new Field("GROUP", "GOV-0008"));
        f.put("group.title", new Field("Group", INERT));
        f.put("item.id", new Field("ITEM-1", "GOV-0008"));
        f.put("item.number", new Field("\"①\"", INERT));
        f.put("item.title", new Field("Item 1", INERT));
        f.put("item.citation", new Field("c", INERT));
        f.put("appl.id", new Field("APPL-1", "GOV-0008"));
        f.put("appl.item", new Field("ITEM-1", "GOV-0006"));
        f.put("cond.flag", new Field("vendorTrainsModel", "GOV-0007"));
        f.put("appl.status", new Field("NOT_APPLICABLE", "GOV-0007"));
        f.put("appl.reason", new Field("r", INERT));
        f.put("appl.citation", new Field("c", INERT));
        f.put("appl.items", new Field("all", "GOV-0007"));
        f.put("obl.sheet", new Field("DUTIES", "GOV-0008"));
        f.put("obl.sheet.title", new Field("Duties", INERT));
        f.put("obl.group", new Field("DUTIES-OPERATION", "GOV-0008"));
        f.put("obl.group.title", new Field("Operation", INERT));
        f.put("obl.id", new Field("DUTY-1", "GOV-0008"));
        f.put("obl.number", new Field("\"1\"", INERT));
        f.put("obl.title", new Field("Duty 1", INERT));
        f.put("obl.role", new Field("PLANNER", "GOV-0007"));
        f.put("obl.timing", new Field("AFTER_GO_LIVE", "GOV-0007"));
        f.put("obl.citation", new Field("c", INERT));
        f.put("obl.appl.id", new Field("OBL-ALL", "GOV-0008"));
        f.put("obl.appl.status", new Field("REQUIRED", "GOV-0007"));
        f.put("obl.appl.reason", new Field("r", INERT));
        f.put("obl.appl.citation", new Field("c", INERT));

        Map<String, Field> o = OVERLAY_FIELDS;
        o.put("ov.kind", new Field("Overlay", "GOV-0007"));
        o.put("ov.id", new Field("OV", "GOV-0008"));
        o.put("ov.title", new Field("Overlay", INERT));
        o.put("ov.base.id", new Field("DS-920", "GOV-0017"));
        o.put("ov.base.version", new Field("\"2.0\"", "GOV-0017"));
        o.put("ov.citation", new Field("c", INERT));
        o.put("ov.option.axis", new Field("data", "GOV-0006"));
        o.put("ov.option.id", new Field("SENSITIVE_IN_PROMPTS", "GOV-0008"));
        o.put("ov.option.level", new Field("HIGH", "GOV-0007"));
        o.put("ov.option.title", new Field("Sensitive data in prompts", INERT));
        o.put("ov.option.reason", new Field("r", INERT));
        o.put("ov.option.citation", new Field("c", INERT));
        o.put("ov.item.checklist", new Field("PROCUREMENT", "GOV-0006"));
        o.put("ov.item.group", new Field("SYSTEM", "GOV-0006"));
        o.put("ov.item.id", new Field("OV-ITEM", "GOV-0008"));
        o.put("ov.item.number", new Field("\"省1\"", INERT));
        o.put("ov.item.title", new Field("Ministry item", INERT));
        o.put("ov.item.citation", new Field("c", INERT));
        o.put("ov.comb.id", new Field("OV-COMB", "GOV-0008"));
        o.put("ov.comb.before", new Field("COMB-ANY-HIGH", "GOV-0006"));
        o.put("ov.cond.axis", new Field("users", "GOV-0008"));
        o.put("ov.cond.level", new Field("HIGH", "GOV-0007"));
        o.put("ov.comb.reason", new Field("r", INERT));
        o.put("ov.esc.id", new Field("OV-ESC", "GOV-0008"));
        o.put("ov.esc.after", new Field("ESC-HIGH", "GOV-0006"));
        o.put("ov.esc.reason", new Field("r", INERT));
        o.put("ov.appl.checklist", new Field("PROCUREMENT", "GOV-0006"));
        o.put("ov.appl.id", new Field("OV-APPL", "GOV-0008"));
        o.put("ov.appl.item", new Field("OV-ITEM", "GOV-0006"));
        o.put("ov.cond.form", new Field("CUSTOMISATION", "GOV-0007"));
        o.put("ov.appl.status", new Field("REQUIRED", "GOV-0007"));
        o.put("ov.appl.reason", new Field("r", INERT));
        o.put("ov.appl.citation", new Field("c", INERT));
        o.put("ov.obl.sheet", new Field("OBLIGATIONS", "GOV-0006"));
        o.put("ov.obl.group", new Field("DUTIES-OPERATION", "GOV-0006"));
        o.put("ov.obl.id", new Field("OV-DUTY", "GOV-0008"));
        o.put("ov.obl.title", new Field("Ministry duty", INERT));
        o.put("ov.obl.role", new Field("CAIO", "GOV-0007"));
        o.put("ov.obl.timing", new Field("PERIODICALLY", "GOV-0007"));
        o.put("ov.obl.citation", new Field("c", INERT));
    }

    static final String OVERLAY = """
            kind: {{ov.kind}}
            id: {{ov.id}}
            title: { ja: 題, en: {{ov.title}} }
            base: { id: {{ov.base.id}}, version: {{ov.base.version}} }
            provenance: interpretation
            citation: { ja: 出典, en: {{ov.citation}} }
            options:
              - axis: {{ov.option.axis}}
                id: {{ov.option.id}}
                level: {{ov.option.level}}
                title: { ja: 題, en: {{ov.option.title}} }
                reason: { ja: 理由, en: {{ov.option.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: {{ov.option.citation}} }
            obligations:
              - sheet: {{ov.obl.sheet}}
                group: {{ov.obl.group}}
                id: {{ov.obl.id}}
                title: { ja: 責務, en: {{ov.obl.title}} }
                roles: [{{ov.obl.role}}]
                timing: {{ov.obl.timing}}
                provenance: interpretation
                citation: { ja: 出典, en: {{ov.obl.citation}} }
            items:
              - checklist: {{ov.item.checklist}}
                group: {{ov.item.group}}
                id: {{ov.item.id}}
                number: {{ov.item.number}}
                title: { ja: 項目, en: {{ov.item.title}} }
                provenance: interpretation
                citation: { ja: 出典, en: {{ov.item.citation}} }
            combination:
              - id: {{ov.comb.id}}
                before: {{ov.comb.before}}
                when: { axis: {{ov.cond.axis}}, level: {{ov.cond.level}} }
                result: HIGH
                reason: { ja: 理由, en: {{ov.comb.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: c }
            escalation:
              - id: {{ov.esc.id}}
                after: {{ov.esc.after}}
                when: { classification: HIGH }
                required: true
                reason: { ja: 理由, en: {{ov.esc.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: c }
            applicability:
              - checklist: {{ov.appl.checklist}}
                id: {{ov.appl.id}}
                items: [{{ov.appl.item}}]
                when: { procurementForm: {{ov.cond.form}} }
                status: {{ov.appl.status}}
                reason: { ja: 理由, en: {{ov.appl.reason}} }
                provenance: interpretation
                citation: { ja: 出典, en: {{ov.appl.citation}} }
            """;

    static final Definitions V2 = new DefinitionLoader(InputLimits.DEFAULT).loadShipped("2.0");

    @TempDir
    Path dir;

    @Test
    void theTemplatesLoadAsTheyAre() throws IOException {
        assertThat(load(Map.of()).warnings()).extracting(p -> p.message().args().get(0))
                .doesNotContain("COMB-OPTION", "APPL-1");
        assertThat(overlay(Map.of()).risk().combination()).extracting(r -> r.meta().id()).contains("OV-COMB");
        assertThat(SET_FIELDS.keySet()).containsAll(placeholders(MANIFEST + RISK + CHECKLIST + OBLIGATIONS));
        assertThat(OVERLAY_FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(placeholders(OVERLAY));
    }

    @TestFactory
    Stream<DynamicTest> everyStringFieldOfADefinitionSet() {
        return cases(SET_FIELDS, this::load);
    }

    @TestFactory
    Stream<DynamicTest> everyStringFieldOfAnOverlay() {
        return cases(OVERLAY_FIELDS, this::overlay);
    }

    interface Loader {
        Definitions load(Map<String, String> payloads) throws IOException;
    }

    private Stream<DynamicTest> cases(Map<String, Field> fields, Loader loader) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Field> field : fields.entrySet()) {
            for (int i = 0; i < PAYLOADS.size(); i++) {
                String payload = PAYLOADS.get(i);
                String expected = field.getValue().outcome();
                tests.add(DynamicTest.dynamicTest(field.getKey() + " \u2190 payload " + i + " \u2192 " + expected, () -> {
                    Definitions defs;
                    try {
                        defs = loader.load(Map.of(field.getKey(), payload));
                    } catch (GovernanceException e) {
                        if (expected.equals(INERT)) {
                            fail("refused text that is only data, in " + field.getKey() + ": " + e.getMessage());
                        }
                        assertWellFormed(e);
                        assertThat(e.problems()).extracting(p -> p.code().id()).as("codes").contains(expected);
                        Problem p = e.problems().stream().filter(x -> x.code().id().equals(expected)).findFirst().orElseThrow();
                        assertThat(p.location().line()).as("line of %s", p).isPositive();
                        return;
                    }
                    assertThat(expected).as("%s was accepted", field.getKey()).isEqualTo(INERT);
                    assertThat(defs.toString().contains(payload)).as("%s is kept verbatim", field.getKey()).isTrue();
                    String drl = new RuleCompiler().drl(defs);
                    assertThat(drl).doesNotContain(payload);
                    for (String marker : MARKERS) {
                        assertThat(drl).doesNotContain(marker);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Payloads in every inert field at once, compiled into a real engine and assessed: the
     * rules run, and every text comes back exactly as written.
     */
    @TestFactory
    Stream<DynamicTest> aCompiledEngineRendersThePayloadsVerbatim() {
        return Stream.of(0, 1, 4).map(i -> DynamicTest.dynamicTest("payload " + i, () -> {
            String payload = PAYLOADS.get(i);
            Map<String, String> all = new LinkedHashMap<>();
            SET_FIELDS.forEach((k, v) -> {
                if (v.outcome().equals(INERT)) {
                    all.put(k, payload);
                }
            });
            Definitions defs = load(all);
            DroolsEngine engine = new DroolsEngine(new RuleCompiler().compile(defs), Clock.systemUTC());
            assertThat(engine.drl()).doesNotContain(payload);
            Decision d = engine.assess(new ProjectProfile("p", "p", "o", "", new ProjectProfile.Scope(true, false),
                    new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                    Map.of("users", "PUBLIC", "work", "SUPPORT")));
            assertThat(d.classificationReason().ruleId()).isEqualTo("COMB-OPTION");
            assertThat(engine.render(d.classificationReason().message(), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(d.classificationReason().source().citation().en()).isEqualTo(payload);
            assertThat(engine.render(Message.of("ITEM-1.title"), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(engine.render(Message.of("users.PUBLIC.title"), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(engine.render(Message.of("users.question"), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(d.item("ITEM-1").orElseThrow().source().citation().in(Locale.ENGLISH)).isEqualTo(payload);
            assertThat(engine.render(Message.of("users.PUBLIC.reason"), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(engine.catalog().checklists().get(0).groups().get(0).items().get(0).number()).isEqualTo(payload);
            assertThat(d.definitions().version()).isEqualTo(payload);
            assertThat(engine.render(Message.of("DUTY-1.title"), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(engine.render(d.obligation("DUTY-1").orElseThrow().reason().message(), Locale.ENGLISH)).isEqualTo(payload);
            assertThat(d.obligation("DUTY-1").orElseThrow().source().citation().en()).isEqualTo(payload);
            assertThat(engine.catalog().obligations().get(0).number()).isEqualTo(payload);
        }));
    }

    @Test
    void theLongestIdentifiersStillCompile() throws IOException {
        String axis = "a".repeat(64);
        String option = "O".repeat(64);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("axis.id", axis);
        ids.put("cond.axis", axis);
        ids.put("option.id", option);
        ids.put("cond.option", option);
        Definitions defs = loadRaw(ids);
        DroolsEngine engine = new DroolsEngine(new RuleCompiler().compile(defs), Clock.systemUTC());
        Decision d = engine.assess(new ProjectProfile("p", "p", "o", "", new ProjectProfile.Scope(true, false),
                new ProjectProfile.Model("m", "v"), new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
                Map.of(axis, option, "work", "SUPPORT")));
        assertThat(d.classificationReason().ruleId()).isEqualTo("COMB-OPTION");
        assertThat(d.axis(axis).orElseThrow().reason().ruleId()).isEqualTo(axis + "." + option);
    }

    /** The template set with payloads (quoted) in some fields, the other fields at their normal values. */
    private Definitions load(Map<String, String> payloads) throws IOException {
        Map<String, String> quoted = new LinkedHashMap<>();
        payloads.forEach((k, v) -> quoted.put(k, quote(v)));
        return loadRaw(quoted);
    }

    private Definitions loadRaw(Map<String, String> values) throws IOException {
        Path set = Files.createTempDirectory(dir, "set");
        Files.writeString(set.resolve("definition-set.yaml"), fill(MANIFEST, SET_FIELDS, values));
        Files.writeString(set.resolve("risk.yaml"), fill(RISK, SET_FIELDS, values));
        Files.writeString(set.resolve("checklist.yaml"), fill(CHECKLIST, SET_FIELDS, values));
        Files.writeString(set.resolve("obligations.yaml"), fill(OBLIGATIONS, SET_FIELDS, values));
        return new DefinitionLoader(InputLimits.DEFAULT).loadFile(set.resolve("definition-set.yaml"));
    }

    private Definitions overlay(Map<String, String> payloads) throws IOException {
        Map<String, String> quoted = new LinkedHashMap<>();
        payloads.forEach((k, v) -> quoted.put(k, quote(v)));
        Path file = Files.createTempFile(dir, "overlay", ".yaml");
        Files.writeString(file, fill(OVERLAY, OVERLAY_FIELDS, quoted));
        return new OverlayLoader(InputLimits.DEFAULT).apply(V2, file);
    }

    static String fill(String template, Map<String, Field> fields, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = values.containsKey(name) ? values.get(name) : fields.get(name).normal();
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A YAML double-quoted scalar: the payload reaches the loader exactly as written. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02X", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
