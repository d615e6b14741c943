package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.AuditTamperTest.decide;
import static io.github.aigov.governance.rules.AuditTamperTest.lines;
import static io.github.aigov.governance.rules.AuditTamperTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs written before lines were hashed whole (format 1, without "v"): a committed log of four
 * records, written by the command line of that time, stays readable and verifiable by its own rule,
 * reported as the weaker proof it is; and what the strict reading adds still holds for it.
 */
class AuditLegacyFormatTest {
    static final Path FIXTURE = Path.of("src/test/resources/audit/legacy-format.jsonl");

    @TempDir
    Path dir;
    Path log;

    @BeforeEach
    void copy() throws IOException {
        log = dir.resolve("legacy.jsonl");
        Files.copy(FIXTURE, log, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theFixtureIsInTheFirstFormat() throws IOException {
        for (String line : lines(log)) {
            assertThat(line).startsWith("{\"seq\":").doesNotContain("\"v\":");
            assertThat(IndependentAuditor.parse(line)).containsOnlyKeys("seq", "prev", "hash", "decisionId", "record");
        }
    }

    @Test
    void anOldLogVerifiesByItsOwnRuleAndSaysWhatThatDoesNotProve() throws IOException {
        AuditVerification v = Governance.auditLog(log).verify();
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.records()).isEqualTo(4);
        assertThat(v.legacyRecords()).isEqualTo(4);
        assertThat(v.unsignedRecords()).isEqualTo(4);
        assertThat(v.signers()).isEmpty();
        assertThat(v.headHash()).isEqualTo(IndependentAuditor.parse(lines(log).get(3)).get("hash"));
        assertThat(v.warnings()).extracting(w -> w.severity() + " " + w.code().id() + " " + w.location().line() + " " + w.message().key()
                + " " + w.message().args()).containsExactly(
                "WARNING GOV-0035 1 problem.audit.legacy [1, 4]",
                "WARNING GOV-0031 1 problem.audit.unsigned-records [1, 4]");
    }

    @Test
    void itsRecordsAreReadAsDecisions() {
        List<AuditEntry> entries = Governance.auditLog(log).entries();
        assertThat(entries).hasSize(4).allSatisfy(e -> assertThat(e.signed()).isFalse());
        Decision first = Governance.fromRecord(entries.get(0).record());
        assertThat(first.decisionId()).isEqualTo(entries.get(0).decisionId());
        assertThat(first.profile().id()).isEqualTo("benefits-eligibility-chatbot");
        assertThat(first.profile().description()).isEqualTo("[REDACTED]");
        assertThat(Governance.auditLog(log).entry(4)).get().extracting(AuditEntry::line).isEqualTo(4L);
    }

    @Test
    void aPublicKeyCannotBeSatisfiedByAnUnsignedRecord() {
        AuditVerification v = Governance.auditLog(log).verify(List.of(AuditSigningKey.generate().publicKey()), null);
        AuditTamperTest.assertBroken(v, "GOV-0031", 1, "problem.audit.unsigned");
    }

    @Test
    void anEditedOldRecordIsFound() throws IOException {
        List<String> lines = lines(log);
        lines.set(1, lines.get(1).replace("\"classification\":\"LOW\"", "\"classification\":\"HIGH\""));
        assertThat(lines.get(1)).contains("\"classification\":\"HIGH\"");
        write(log, lines);
        AuditTamperTest.assertBroken(Governance.auditLog(log).verify(), "GOV-0021", 2, "problem.audit.altered");
    }

    /** The first format did not hash the decision id; the strict reading still ties it to its record. */
    @Test
    void anOldLinesDecisionIdCannotBeSwapped() throws IOException {
        List<String> lines = lines(log);
        String one = (String) IndependentAuditor.parse(lines.get(0)).get("decisionId");
        String two = (String) IndependentAuditor.parse(lines.get(1)).get("decisionId");
        lines.set(0, lines.get(0).replaceFirst("\"decisionId\":\"" + one + "\"", "\"decisionId\":\"" + two + "\""));
        write(log, lines);
        AuditTamperTest.assertBroken(Governance.auditLog(log).verify(), "GOV-0029", 1, "problem.audit.record-id");
    }

    @Test
    void anExtraFieldOrADuplicateKeyInAnOldLineIsFound() throws IOException {
        List<String> original = lines(log);
        List<String> lines = new java.util.ArrayList<>(original);
        lines.set(2, "{\"note\":\"x\"," + lines.get(2).substring(1));
        write(log, lines);
        AuditTamperTest.assertBroken(Governance.auditLog(log).verify(), "GOV-0029", 3, "problem.audit.unknown-field");
        lines = new java.util.ArrayList<>(original);
        String first = original.get(0);
        String forged = first.substring(first.indexOf("\"record\":"), first.length() - 1);
        lines.set(2, "{" + forged + "," + lines.get(2).substring(1));
        write(log, lines);
        AuditTamperTest.assertBroken(Governance.auditLog(log).verify(), "GOV-0029", 3, "problem.audit.duplicate-key");
    }

    @Test
    void newRecordsContinueTheOldChainInTheNewFormat() throws IOException {
        AuditEntry e = Governance.auditLog(log).append(decide("PUBLIC"), Set.of());
        assertThat(e.sequence()).isEqualTo(5);
        assertThat(e.previousHash()).isEqualTo(IndependentAuditor.parse(lines(log).get(3)).get("hash"));
        assertThat(lines(log).get(4)).contains("\"v\":2");
        AuditVerification v = Governance.auditLog(log).verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.legacyRecords()).isEqualTo(4);
        assertThat(v.unsignedRecords()).isEqualTo(5);
    }

    /** A line in the first format, whose hash anyone can make, after a format-2 line: a line was replaced. */
    @Test
    void anOldLineAfterNewOnesIsAReplacedLine() throws Exception {
        Governance.auditLog(log).append(decide("PUBLIC"), Set.of());
        List<String> lines = lines(log);
        String old = lines.get(3);
        String record = old.substring(old.indexOf("\"record\":") + 9, old.length() - 1);
        String id = (String) IndependentAuditor.parse(old).get("decisionId");
        String prev = (String) IndependentAuditor.parse(lines.get(4)).get("hash");
        String hash = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((prev + "\n" + record).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        lines.add("{\"seq\":6,\"prev\":\"" + prev + "\",\"hash\":\"" + hash + "\",\"decisionId\":\"" + id
                + "\",\"record\":" + record + "}");
        write(log, lines);
        AuditTamperTest.assertBroken(Governance.auditLog(log).verify(), "GOV-0029", 6, "problem.audit.downgrade");
    }

    @Test
    void signedRecordsCannotFollowUnsignedOnes() throws IOException {
        byte[] before = Files.readAllBytes(log);
        assertThatThrownBy(() -> Governance.auditLog(log, AuditSigningKey.generate()).append(decide("PUBLIC"), Set.of()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code().id() + " " + p.severity()).containsExactly("GOV-0034 " + Severity.ERROR));
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }
}
