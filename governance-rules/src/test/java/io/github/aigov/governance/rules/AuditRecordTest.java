package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.AuditTamperTest.assertBroken;
import static io.github.aigov.governance.rules.AuditTamperTest.lines;
import static io.github.aigov.governance.rules.AuditTamperTest.write;
import static io.github.aigov.governance.rules.GuidelineVersionsTest.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.audit.ReplayResult;
import io.github.aigov.governance.rules.IndependentAuditor.Signatures;
import io.github.aigov.governance.rules.internal.json.DecisionRecords;
import io.github.aigov.governance.rules.internal.json.DecisionJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a record in the log must be: a decision record of the schema version it names, and nothing
 * from which a redacted value can be confirmed. Record checks are the last defence when the chain
 * around a record was rebuilt (an unsigned log), so each case here rebuilds it.
 */
class AuditRecordTest {
    @TempDir
    Path dir;

    private static final ProjectProfile SECRET = new ProjectProfile("secret-project", "極秘案件チャットボット", "内閣官房 特別調査室",
            "Answers questions about the 2027 budget negotiations.", new ProjectProfile.Scope(true, false),
            new ProjectProfile.Model("frontier-llm-9", "Contoso AI K.K."), new ProjectProfile.Procurement(ProcurementForm.SAAS_API, false),
            Map.of("users", "STAFF_SPECIFIC", "work", "INTERNAL_SUPPORT", "data", "INTERNAL_NON_CONFIDENTIAL", "judgement", "EVERY_OUTPUT"));

    /** Every way to assemble the profile from redacted and original values: what a guesser would hash. */
    private static List<ProjectProfile> variants(ProjectProfile p, List<String> redactable) {
        List<ProjectProfile> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << redactable.size(); mask++) {
            Set<String> hidden = new TreeSet<>();
            for (int i = 0; i < redactable.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    hidden.add(redactable.get(i));
                }
            }
            String r = DecisionRecords.REDACTED;
            out.add(new ProjectProfile(p.id(), hidden.contains("name") ? r : p.name(), hidden.contains("organisation") ? r : p.organisation(),
                    hidden.contains("description") ? r : p.description(), p.scope(),
                    new ProjectProfile.Model(hidden.contains("model.name") ? r : p.model().name(),
                            hidden.contains("model.vendor") ? r : p.model().vendor()), p.procurement(), p.axes()));
        }
        return out;
    }

    @Test
    void aRedactedRecordCarriesNothingFromWhichARedactedValueCanBeConfirmed() throws Exception {
        List<String> redactable = List.of("description", "model.name", "model.vendor", "name", "organisation");
        Decision d = V2.assess(SECRET);
        Path file = dir.resolve("audit.jsonl");
        Governance.auditLog(file, AuditTamperTest.OFFICE).append(d, Set.copyOf(redactable));
        String line = Files.readString(file);
        List<ProjectProfile> variants = variants(SECRET, redactable);
        assertThat(variants).hasSize(32);
        String fullyRedacted = DecisionJson.profileHash(variants.get(31));
        for (ProjectProfile v : variants) {
            String hash = DecisionJson.profileHash(v);
            if (!hash.equals(fullyRedacted)) {
                assertThat(line).as("the hash of %s", v).doesNotContain(hash.substring("sha256:".length()));
            }
        }
        assertThat(line).doesNotContain(d.profileHash().substring(7), SECRET.name(), SECRET.organisation(), SECRET.description(),
                SECRET.model().name(), SECRET.model().vendor(), "極秘", "Contoso", "budget");
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(SECRET.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(line).doesNotContain(sha);
        // What the record says instead: which fields were removed, and the hash of what was kept.
        Map<String, Object> record = recordOf(line);
        assertThat(record.get("redacted")).isEqualTo(redactable);
        assertThat(record.get("profileHash")).isEqualTo(fullyRedacted);
        Decision read = Governance.fromRecord(Governance.auditLog(file).entry(1).orElseThrow().record());
        assertThat(read.profileHash()).isEqualTo(DecisionJson.profileHash(read.profile()));
    }

    @Test
    void aPartlyRedactedRecordHashesWhatItKeeps() {
        Decision d = V2.assess(SECRET);
        Map<String, Object> record = IndependentAuditor.parse(Governance.toRecord(d, Set.of("description")));
        assertThat(record.get("profileHash")).isNotEqualTo(d.profileHash())
                .isEqualTo(DecisionJson.profileHash(Governance.fromRecord(Governance.toRecord(d, Set.of("description"))).profile()));
        assertThat(IndependentAuditor.canonical(record)).contains(SECRET.name()).doesNotContain(SECRET.description());
        Map<String, Object> plain = IndependentAuditor.parse(Governance.toRecord(d, Set.of()));
        assertThat(plain.get("profileHash")).as("nothing redacted: the decision's own hash").isEqualTo(d.profileHash());
        assertThat(plain.get("redacted")).isEqualTo(List.of());
    }

    @Test
    void aRedactedRecordStillReplaysIdentically() {
        Decision d = V2.assess(SECRET);
        ReplayResult r = Governance.replay(Governance.toRecord(d, DecisionRecords.REDACTABLE), V2);
        assertThat(r.identical()).as(r.differences().toString()).isTrue();
        assertThat(r.recorded().classification()).isEqualTo(d.classification());
        assertThat(r.recorded().profile().organisation()).isEqualTo(DecisionRecords.REDACTED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordOf(String line) {
        return (Map<String, Object>) IndependentAuditor.parse(line.strip()).get("record");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** A record edited, and the chain around it rebuilt: the record check names what is wrong. */
    static Stream<Arguments> badRecords() {
        return Stream.<Arguments>of(
                Arguments.of("a field the schema does not have", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("approvedBy", "CAIO");
                    return r;
                }, "problem.record.field"),
                Arguments.of("a field the schema requires, missing", (UnaryOperator<Map<String, Object>>) r -> {
                    r.remove("trace");
                    return r;
                }, "problem.record.field"),
                Arguments.of("a schema version the library cannot read", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("schemaVersion", "9");
                    return r;
                }, "problem.record.schema-version"),
                Arguments.of("a number written as text", (UnaryOperator<Map<String, Object>>) r -> {
                    Map<String, Object> source = map(map(r.get("sources")).values().iterator().next());
                    source.put("line", String.valueOf(source.get("line")));
                    return r;
                }, "problem.record.field-differs"),
                Arguments.of("a source no reason names", (UnaryOperator<Map<String, Object>>) r -> {
                    Map<String, Object> sources = map(r.get("sources"));
                    sources.put("HIDDEN", new LinkedHashMap<>(map(sources.values().iterator().next())));
                    return r;
                }, "problem.record.field-differs"),
                Arguments.of("a reason naming no source", (UnaryOperator<Map<String, Object>>) r -> {
                    map(map(r.get("classificationReason"))).put("source", "NOWHERE");
                    return r;
                }, "problem.record.field"),
                Arguments.of("a time as a number", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("decidedAt", 1_700_000_000);
                    return r;
                }, "problem.record.field-differs"),
                Arguments.of("a classification outside its vocabulary", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("classification", "NEGLIGIBLE");
                    return r;
                }, "problem.record.field"),
                Arguments.of("a field redacted in name only", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("redacted", List.of("name"));
                    return r;
                }, "problem.record.redacted"),
                Arguments.of("a field that cannot be redacted, listed as redacted", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("redacted", List.of("axes"));
                    return r;
                }, "problem.record.field-value"),
                Arguments.of("a decision id null", (UnaryOperator<Map<String, Object>>) r -> {
                    r.put("decisionId", null);
                    return r;
                }, "problem.record.field-missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void aRecordThatIsNotADecisionRecordOfItsSchemaIsRefused(String what, UnaryOperator<Map<String, Object>> edit, String key)
            throws IOException {
        Path file = dir.resolve("unsigned.jsonl");
        for (int i = 0; i < 3; i++) {
            Governance.auditLog(file).append(AuditTamperTest.decide("PUBLIC"), Set.of());
        }
        write(file, IndependentAuditor.rechain(lines(file), 1, l -> {
            l.put("record", edit.apply(map(l.get("record"))));
            return l;
        }, Signatures.KEEP, null));
        AuditVerification v = Governance.auditLog(file).verify();
        assertBroken(v, "GOV-0029", 2, key);
        String record = Governance.auditLog(file).entries().get(1).record();
        assertThatThrownBy(() -> Governance.fromRecord(record)).as("read alone").isInstanceOfSatisfying(GovernanceException.class,
                e -> assertThat(e.problems()).extracting(p -> p.code().id() + " " + p.message().key())
                        .containsExactly("GOV-0029 " + key));
    }

    @Test
    void aRecordReadAloneIsReadStrictlyToo() {
        String record = Governance.toRecord(AuditTamperTest.decide("PUBLIC"), Set.of());
        for (String broken : List.of(
                record.replace("{\"axes\":", "{\"classification\":\"LOW\",\"axes\":"),
                record + " {}",
                "[" + record + "]",
                "not json")) {
            assertThatThrownBy(() -> Governance.fromRecord(broken)).isInstanceOfSatisfying(GovernanceException.class,
                    e -> assertThat(e.problems()).extracting(p -> p.code().id()).containsExactly("GOV-0029"));
        }
        assertThat(Governance.fromRecord(record).decisionId()).isNotBlank();
    }
}
