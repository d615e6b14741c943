package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.AuditTamperTest.assertBroken;
import static io.github.aigov.governance.rules.AuditTamperTest.decide;
import static io.github.aigov.governance.rules.AuditTamperTest.lines;
import static io.github.aigov.governance.rules.AuditTamperTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.audit.OfficeRecord;
import io.github.aigov.governance.audit.OfficeRecord.Actor;
import io.github.aigov.governance.audit.OfficeRecord.DecisionRef;
import io.github.aigov.governance.audit.OfficeRecord.Kind;
import io.github.aigov.governance.audit.OfficeRecord.SystemRef;
import io.github.aigov.governance.rules.IndependentAuditor.Signatures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of the CAIO's office (determination, board advice, evidence, risk-case steps,
 * verification) in the audit log beside the decision they are about: appended as format-3 lines in
 * the same chain, read back, verified with the decisions, and every change to one found with its line.
 */
class AuditOfficeRecordTest {
    static final AuditSigningKey OFFICE = AuditSigningKey.generate();
    static final Actor CAIO = new Actor("Sato Hanako", "CAIO");
    static final SystemRef SYSTEM = new SystemRef("7f1c2c9e-0000-4000-8000-000000000001", "benefits-chatbot", 1);

    @TempDir
    Path dir;

    static OfficeRecord record(Kind kind, DecisionRef about, Map<String, Object> content) {
        return new OfficeRecord(kind, UUID.randomUUID().toString(), Instant.parse("2026-12-01T09:00:00Z"), CAIO, "Digital Ministry",
                SYSTEM, about, content);
    }

    static DecisionRef about(AuditEntry decision) {
        return new DecisionRef(decision.decisionId(), decision.sequence(), null);
    }

    /** One record of every kind and step, about the decision at {@code d}. */
    static List<OfficeRecord> everyStep(AuditEntry d) {
        DecisionRef a = about(d);
        Map<String, Object> determination = new LinkedHashMap<>();
        determination.put("computed", "LOW");
        determination.put("determined", "MEDIUM");
        determination.put("justification", "citizens' data is handled by the vendor's staff");
        return List.of(
                record(Kind.DETERMINATION, a, determination),
                record(Kind.BOARD_ADVICE, a, Map.of("advisedOn", "2026-11-30", "summary", "proceed with monthly review")),
                record(Kind.EVIDENCE, a, Map.of("source", "workbook", "fileName", "answers.xlsx", "fileSha256", "ab".repeat(32),
                        "answers", Map.of("ITEM-1", "yes, see annex 2"))),
                record(Kind.EVIDENCE, a, Map.of("source", "mark", "itemId", "ITEM-2", "met", true, "note", "seen the contract",
                        "link", "https://example.org/contract")),
                record(Kind.RISK_CASE, a, Map.of("step", "reported", "caseId", "c-1", "reporter", "USER", "occurredOn", "2026-11-02",
                        "whatHappened", "wrong eligibility answer", "effect", "one applicant misled")),
                record(Kind.RISK_CASE, a, Map.of("step", "response", "caseId", "c-1", "dated", "2026-11-05", "text", "prompt fixed",
                        "toBoard", true)),
                record(Kind.RISK_CASE, a, Map.of("step", "board-note", "caseId", "c-1", "dated", "2026-11-20", "text", "add a review")),
                record(Kind.VERIFICATION, a, Map.of("step", "go-live", "liveOn", "2026-10-01")),
                record(Kind.VERIFICATION, a, Map.of("step", "verification", "verifiedOn", "2026-11-28", "result", "SATISFACTORY",
                        "note", "")),
                new OfficeRecord(Kind.VERIFICATION, UUID.randomUUID().toString(), Instant.parse("2026-12-01T09:00:00Z"), CAIO,
                        "Digital Ministry", null, null, Map.of("step", "interval", "months", 6L)));
    }

    @Test
    void everyKindOfRecordIsChainedBesideItsDecisionReadBackAndVerified() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = Governance.auditLog(file, OFFICE);
        Decision decision = decide("PUBLIC");
        AuditEntry d = log.append(decision, Set.of());
        List<OfficeRecord> records = everyStep(d);
        for (OfficeRecord r : records) {
            AuditEntry e = log.append(r, Set.of());
            assertThat(e.kind()).isEqualTo(r.kind().id());
            assertThat(e.recordId()).isEqualTo(r.recordId());
            assertThat(e.decisionId()).isNull();
        }
        log.append(decide("STAFF_SPECIFIC"), Set.of());

        AuditVerification v = Governance.auditLog(file).verify(List.of(OFFICE.publicKey()), null);
        assertThat(v.problems()).isEmpty();
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(12);
        assertThat(v.signaturesVerified()).isTrue();
        assertThat(v.recordsByKind()).containsExactly(Map.entry("decision", 2L), Map.entry("determination", 1L),
                Map.entry("board-advice", 1L), Map.entry("evidence", 2L), Map.entry("risk-case", 3L), Map.entry("verification", 3L));

        List<AuditEntry> entries = Governance.auditLog(file).entries();
        assertThat(entries).extracting(AuditEntry::kind).containsExactly("decision", "determination", "board-advice", "evidence",
                "evidence", "risk-case", "risk-case", "risk-case", "verification", "verification", "verification", "decision");
        // Read back, each record is the one appended, bound to its decision's line by that line's hash.
        for (int i = 0; i < records.size(); i++) {
            OfficeRecord back = Governance.officeRecordFromJson(entries.get(i + 1).record());
            OfficeRecord appended = records.get(i);
            assertThat(back).isEqualTo(appended.about() == null ? appended : appended.withDecisionHash(d.hash()));
        }
        assertThat(Governance.auditLog(file).find(decision.decisionId())).get().extracting(AuditEntry::sequence).isEqualTo(1L);
        assertThat(Governance.auditLog(file).about(decision.decisionId())).hasSize(9);
        assertThat(Governance.auditLog(file).entries().stream().filter(AuditEntry::isDecision).map(e -> Governance.fromRecord(e.record())))
                .hasSize(2);
    }

    @Test
    void anEditedOfficeRecordBreaksTheChainAtItsLine() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = Governance.auditLog(file, OFFICE);
        AuditEntry d = log.append(decide("PUBLIC"), Set.of());
        everyStep(d).forEach(r -> log.append(r, Set.of()));
        List<String> lines = lines(file);
        // Line 2 is the determination: the justification is changed after the fact.
        lines.set(1, lines.get(1).replace("citizens' data", "nobody's data"));
        write(file, lines);
        assertBroken(Governance.auditLog(file).verify(List.of(OFFICE.publicKey()), null), "GOV-0021", 2, "problem.audit.altered");

        // Re-chained by someone without the key: the signature names the line.
        List<String> rechained = IndependentAuditor.rechain(lines(file), 1, l -> l, Signatures.KEEP, null);
        write(file, rechained);
        assertBroken(Governance.auditLog(file).verify(List.of(OFFICE.publicKey()), null), "GOV-0030", 2, "problem.audit.signature");
    }

    @Test
    void aRecordMovedToAnotherDecisionIsFoundEvenWhenTheChainIsRebuilt() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = Governance.auditLog(file);
        AuditEntry first = log.append(decide("PUBLIC"), Set.of());
        AuditEntry second = log.append(decide("STAFF_SPECIFIC"), Set.of());
        log.append(everyStep(first).get(0), Set.of());
        // The determination is re-pointed at the second decision (its id and position) but keeps the first's hash.
        List<String> rechained = IndependentAuditor.rechain(lines(file), 2, l -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) l.get("record");
            @SuppressWarnings("unchecked")
            Map<String, Object> about = (Map<String, Object>) record.get("about");
            about.put("decisionId", second.decisionId());
            about.put("auditSeq", 2);
            return l;
        }, Signatures.DROP, null);
        write(file, rechained);
        assertBroken(Governance.auditLog(file).verify(), "GOV-0037", 3, "problem.audit.unbound");
    }

    @Test
    void aRecordAboutADecisionTheLogDoesNotHoldThereIsRefusedAndNothingIsAppended() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = Governance.auditLog(file);
        AuditEntry d = log.append(decide("PUBLIC"), Set.of());
        for (DecisionRef wrong : List.of(new DecisionRef(d.decisionId(), 2, null), new DecisionRef("another", 1, null),
                new DecisionRef(d.decisionId(), 1, "sha256:" + "1".repeat(64)))) {
            assertThatThrownBy(() -> log.append(record(Kind.BOARD_ADVICE, wrong, Map.of("advisedOn", "2026-11-30", "summary", "ok")),
                    Set.of()))
                    .isInstanceOfSatisfying(GovernanceException.class,
                            e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.code().id()).isEqualTo("GOV-0037")));
        }
        assertThat(log.entries()).hasSize(1);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void redactedFreeTextsAreRecordedAsRedactedAndStillVerify() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = Governance.auditLog(file);
        AuditEntry d = log.append(decide("PUBLIC"), Set.of());
        AuditEntry e = log.append(everyStep(d).get(0), Set.of("justification", "description"));
        assertThat(e.record()).contains("\"justification\":\"[REDACTED]\"").contains("\"redacted\":[\"justification\"]")
                .doesNotContain("citizens");
        OfficeRecord back = Governance.officeRecordFromJson(e.record());
        assertThat(back.redacted()).containsExactly("justification");
        assertThat(log.verify().intact()).isTrue();
    }

    /** Every pair of classifications, with and without a justification: refused exactly when they differ and none is given. */
    @Test
    void aDeterminationThatDiffersNeedsAJustification() {
        DecisionRef about = new DecisionRef("d", 1, null);
        for (Classification computed : Classification.values()) {
            for (Classification determined : Classification.values()) {
                for (String justification : new String[] {null, "", "  ", "the vendor's staff read the data"}) {
                    Map<String, Object> content = new LinkedHashMap<>();
                    content.put("computed", computed.name());
                    content.put("determined", determined.name());
                    if (justification != null) {
                        content.put("justification", justification);
                    }
                    boolean refused = computed != determined && (justification == null || justification.isBlank());
                    if (refused) {
                        assertThatThrownBy(() -> record(Kind.DETERMINATION, about, content))
                                .as("%s -> %s with %s", computed, determined, justification)
                                .isInstanceOfSatisfying(GovernanceException.class, x -> assertThat(x.problems()).singleElement()
                                        .satisfies(p -> {
                                            assertThat(p.code().id()).isEqualTo("GOV-0036");
                                            assertThat(p.location().path()).isEqualTo("content.justification");
                                        }));
                    } else {
                        assertThat(record(Kind.DETERMINATION, about, content).content()).containsEntry("determined", determined.name());
                    }
                }
            }
        }
    }

    @Test
    void aRecordNotAsItsKindStatesIsRefusedNamingTheField() {
        DecisionRef about = new DecisionRef("d", 1, null);
        Map<String, Map<String, Object>> wrong = new LinkedHashMap<>();
        wrong.put("content.step", Map.of("step", "closed", "caseId", "c"));
        wrong.put("content.reporter", Map.of("step", "reported", "caseId", "c", "reporter", "PRESS", "occurredOn", "2026-11-02",
                "whatHappened", "x", "effect", "y"));
        wrong.put("content.occurredOn", Map.of("step", "reported", "caseId", "c", "reporter", "USER", "occurredOn", "2 Nov",
                "whatHappened", "x", "effect", "y"));
        wrong.put("content.toBoard", Map.of("step", "response", "caseId", "c", "dated", "2026-11-05", "text", "t"));
        wrong.put("content.extra", Map.of("step", "board-note", "caseId", "c", "dated", "2026-11-05", "text", "t", "extra", "x"));
        wrong.forEach((field, content) -> assertThatThrownBy(() -> record(Kind.RISK_CASE, about, content))
                .as(field)
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.location().path()).isEqualTo(field))));
        // An organisation's setting is about no system; every other record is about one decision.
        assertThatThrownBy(() -> record(Kind.VERIFICATION, about, Map.of("step", "interval", "months", 6L)))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.location().path()).isEqualTo("system")));
        assertThatThrownBy(() -> record(Kind.BOARD_ADVICE, null, Map.of("advisedOn", "2026-11-30", "summary", "ok")))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.location().path()).isEqualTo("about")));
    }

    @Test
    void readingBackIsStrict() {
        OfficeRecord r = everyStep(new AuditEntry(1, 1, "p", "sha256:" + "2".repeat(64), "d-1", "{}")).get(1);
        String json = Governance.officeRecordToJson(r.withDecisionHash("sha256:" + "2".repeat(64)), Set.of());
        assertThat(Governance.officeRecordFromJson(json)).isEqualTo(r.withDecisionHash("sha256:" + "2".repeat(64)));
        for (String bad : List.of(json.replace("\"summary\"", "\"summery\""), json.replace("{\"about\":", "{\"kind\":\"x\",\"about\":"),
                json.replace("\"schemaVersion\":\"1\"", "\"schemaVersion\":\"9\""), json.replace("\"role\":\"CAIO\"", "\"role\":\"KING\""))) {
            assertThatThrownBy(() -> Governance.officeRecordFromJson(bad)).as(bad)
                    .isInstanceOfSatisfying(GovernanceException.class,
                            e -> assertThat(e.problems().get(0).code().id()).isEqualTo("GOV-0036"));
        }
    }
}
