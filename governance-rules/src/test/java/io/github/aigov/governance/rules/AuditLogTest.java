package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.GuidelineVersionsTest.V1;
import static io.github.aigov.governance.rules.GuidelineVersionsTest.V2;
import static io.github.aigov.governance.rules.GuidelineVersionsTest.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditLog;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.audit.ReplayResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tamper-evident audit log: every way of editing it is caught, and nothing is lost. */
class AuditLogTest {
    @TempDir
    Path dir;

    private static Decision decide(String users) {
        return V2.assess(profile(users, "INFORMATION_PROVISION", "PUBLIC_ONLY", "SAMPLED", ProcurementForm.SAAS_API, false));
    }

    private Path logWith(int records) {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = Governance.auditLog(file);
        for (int i = 0; i < records; i++) {
            log.append(decide(i % 2 == 0 ? "PUBLIC" : "STAFF_SPECIFIC"), Set.of());
        }
        return file;
    }

    private static AuditVerification verify(Path file) {
        return Governance.auditLog(file).verify();
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static void assertBrokenAt(AuditVerification v, int line, String messageKey) {
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0021");
            assertThat(p.location().line()).isEqualTo(line);
            assertThat(p.message().key()).isEqualTo(messageKey);
        });
    }

    @Test
    void anIntactLogVerifies() {
        AuditVerification v = verify(logWith(5));
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void anEditedFieldIsCaughtAtItsLine() throws IOException {
        Path file = logWith(5);
        List<String> lines = lines(file);
        assertThat(lines.get(2)).contains("\"classification\":\"MEDIUM\"");
        lines.set(2, lines.get(2).replace("\"classification\":\"MEDIUM\"", "\"classification\":\"LOW\""));
        write(file, lines);
        assertBrokenAt(verify(file), 3, "problem.audit.altered");
    }

    @Test
    void aDeletedLineIsCaught() throws IOException {
        Path file = logWith(5);
        List<String> lines = lines(file);
        lines.remove(1);
        write(file, lines);
        assertBrokenAt(verify(file), 2, "problem.audit.removed");
    }

    @Test
    void swappedLinesAreCaught() throws IOException {
        Path file = logWith(5);
        List<String> lines = lines(file);
        String t = lines.get(1);
        lines.set(1, lines.get(3));
        lines.set(3, t);
        write(file, lines);
        assertBrokenAt(verify(file), 2, "problem.audit.reordered");
    }

    @Test
    void anInsertedCopyIsCaught() throws IOException {
        Path file = logWith(4);
        List<String> lines = lines(file);
        lines.add(2, lines.get(1));
        write(file, lines);
        assertBrokenAt(verify(file), 3, "problem.audit.inserted");
    }

    @Test
    void aTornLastRecordIsReportedAndBlocksAppends() throws IOException {
        Path file = logWith(3);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 40));
        assertBrokenAt(verify(file), 3, "problem.audit.torn");
        long before = Files.size(file);
        assertThatThrownBy(() -> Governance.auditLog(file).append(decide("PUBLIC"), Set.of()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems().get(0).code().id()).isEqualTo("GOV-0021"));
        assertThat(Files.size(file)).as("nothing merged into the torn record").isEqualTo(before);
    }

    @Test
    void eightThreadsAppendingKeepEveryRecordInOneUnbrokenChain() throws Exception {
        Path file = dir.resolve("concurrent.jsonl");
        AuditLog log = Governance.auditLog(file);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            ids.add(pool.submit(() -> log.append(decide(n % 3 == 0 ? "PUBLIC" : "STAFF_GENERAL"), Set.of()).decisionId()));
        }
        Set<String> written = new HashSet<>();
        for (Future<String> f : ids) {
            written.add(f.get());
        }
        pool.shutdown();
        AuditVerification v = Governance.auditLog(file).verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(80);
        assertThat(Governance.auditLog(file).entries()).extracting(AuditEntry::decisionId).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void aFreshDecisionReplaysIdentically() {
        Path file = logWith(0);
        Decision d = decide("PUBLIC");
        AuditEntry e = Governance.auditLog(file).append(d, Set.of("description", "model.vendor"));
        ReplayResult r = Governance.replay(Governance.auditLog(file).find(d.decisionId()).orElseThrow().record(), V2);
        assertThat(r.identical()).isTrue();
        assertThat(r.recorded().classification()).isEqualTo(d.classification());
        assertThat(r.recorded().profile().model().vendor()).isEqualTo("[REDACTED]");
        assertThat(e.record()).contains("\"redacted\":[\"description\",\"model.vendor\"]");
    }

    @Test
    void replayIsRefusedWhenTheDefinitionsDiffer() {
        String record = Governance.toRecord(decide("PUBLIC"), Set.of());
        assertThatThrownBy(() -> Governance.replay(record, V1))
                .isInstanceOfSatisfying(GovernanceException.class, e -> {
                    assertThat(e.problems().get(0).code().id()).isEqualTo("GOV-0020");
                    assertThat(e.problems().get(0).message().args().get(0)).contains("2.0", V2.definitions().hash());
                });
    }

    @Test
    void whatTheDecisionDependsOnCannotBeRedacted() {
        assertThatThrownBy(() -> Governance.toRecord(decide("PUBLIC"), Set.of("axes", "name")))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code().id() + " " + p.location().path()).containsExactly("GOV-0022 profile.axes"));
    }

    @Test
    void aRecordIsSelfContained() {
        Decision d = decide("PUBLIC");
        String record = Governance.toRecord(d, Set.of());
        assertThat(record).doesNotContain("\n").contains("\"schemaVersion\":\"" + Decision.SCHEMA_VERSION + "\"", d.definitions().hash(),
                d.profileHash(), "\"trace\":[", "\"redacted\":[]");
        Decision back = Governance.fromJson(Governance.toJson(d));
        assertThat(back).isEqualTo(d);
    }
}
