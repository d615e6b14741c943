package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.GuidelineVersionsTest.V2;
import static io.github.aigov.governance.rules.GuidelineVersionsTest.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.audit.AuditCheckpoint;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.rules.IndependentAuditor.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tamper suite: every way of changing a signed audit log without its private key is found,
 * with its code and line: an edit of any byte of any field, a deletion, a swap, an insertion, an
 * extra field, a duplicate key, a re-chained log, a forged append, a dropped tail (given the last
 * checkpoint) and a torn tail. Where a change cannot be found without the public key or a
 * checkpoint, the test says so: that is the guarantee's limit, stated in the README.
 */
class AuditTamperTest {
    static final AuditSigningKey OFFICE = AuditSigningKey.generate();
    static final AuditSigningKey ATTACKER = AuditSigningKey.generate();

    @TempDir
    Path dir;

    static Decision decide(String users) {
        return V2.assess(profile(users, "INFORMATION_PROVISION", "PUBLIC_ONLY", "SAMPLED", ProcurementForm.SAAS_API, false));
    }

    private Path signedLog(int records) {
        Path file = dir.resolve("signed.jsonl");
        for (int i = 0; i < records; i++) {
            Governance.auditLog(file, OFFICE).append(decide(i % 2 == 0 ? "PUBLIC" : "STAFF_SPECIFIC"), Set.of());
        }
        return file;
    }

    private Path unsignedLog(int records) {
        Path file = dir.resolve("unsigned.jsonl");
        for (int i = 0; i < records; i++) {
            Governance.auditLog(file).append(decide(i % 2 == 0 ? "PUBLIC" : "STAFF_SPECIFIC"), Set.of());
        }
        return file;
    }

    static AuditVerification withKey(Path file) {
        return Governance.auditLog(file).verify(List.of(OFFICE.publicKey()), null);
    }

    static AuditVerification withoutKey(Path file) {
        return Governance.auditLog(file).verify();
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static void assertBroken(AuditVerification v, String code, int line, String key) {
        assertThat(v.intact()).as("intact").isFalse();
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo(code);
            assertThat(p.location().line()).isEqualTo(line);
            assertThat(p.message().key()).isEqualTo(key);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
        });
        if (!code.equals("GOV-0032")) {
            assertThat(v.records()).as("records verified before the problem").isEqualTo(Math.max(0, line - 1));
        }
        assertThat(v.checkpoint()).isNull();
    }

    @Test
    void anIntactSignedLogProvesEveryRecordWasSignedByTheKey() throws IOException {
        Path file = signedLog(5);
        AuditVerification v = withKey(file);
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.signaturesVerified()).isTrue();
        assertThat(v.signers()).containsExactly(Map.entry(OFFICE.keyId(), 5L));
        assertThat(v.unsignedRecords()).isZero();
        assertThat(v.legacyRecords()).isZero();
        assertThat(v.warnings()).isEmpty();
        String head = (String) IndependentAuditor.parse(lines(file).get(4)).get("hash");
        assertThat(v.headHash()).isEqualTo(head);
        assertThat(v.checkpoint()).hasToString("5:" + head);
        List<Decision> decisions = Governance.auditLog(file).entries().stream().map(e -> Governance.fromRecord(e.record())).toList();
        assertThat(v.firstDecidedAt()).isEqualTo(decisions.get(0).decidedAt());
        assertThat(v.lastDecidedAt()).isEqualTo(decisions.get(4).decidedAt());
    }

    @Test
    void withoutThePublicKeyTheSignaturesAreNamedButReportedUnchecked() {
        AuditVerification v = withoutKey(signedLog(3));
        assertThat(v.intact()).isTrue();
        assertThat(v.signaturesVerified()).isFalse();
        assertThat(v.signers()).containsOnlyKeys(OFFICE.keyId());
        assertThat(v.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code().id()).isEqualTo("GOV-0031");
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.message().key()).isEqualTo("problem.audit.unchecked");
            assertThat(w.message().args()).containsExactly("1", "3", OFFICE.keyId());
        });
    }

    @Test
    void anAuditorWhoReadsOnlyTheFormatReachesTheSameHashesAndSignatures() throws IOException {
        List<String> lines = lines(signedLog(3));
        String prev = "sha256:" + "0".repeat(64);
        for (String text : lines) {
            Map<String, Object> line = IndependentAuditor.parse(text);
            assertThat(IndependentAuditor.canonical(line)).as("the line is its canonical form").isEqualTo(text);
            assertThat(line).containsOnlyKeys("v", "seq", "prev", "hash", "decisionId", "record", "signer", "sig");
            assertThat(line.get("v")).isEqualTo(2);
            assertThat(line.get("prev")).isEqualTo(prev);
            assertThat(line.get("hash")).isEqualTo(IndependentAuditor.hash(line));
            assertThat(line.get("signer")).isEqualTo(OFFICE.keyId());
            assertThat(IndependentAuditor.signatureVerifies(line, OFFICE.publicKey())).isTrue();
            assertThat(IndependentAuditor.signatureVerifies(line, ATTACKER.publicKey())).isFalse();
            prev = (String) line.get("hash");
        }
    }

    /** Each field of line 3 changed, the line left in canonical form: the code and message that name it. */
    static Stream<Arguments> editedFields() {
        return Stream.of(
                Arguments.of("decisionId", "GOV-0021", "problem.audit.altered"),
                Arguments.of("hash", "GOV-0021", "problem.audit.altered"),
                Arguments.of("prev", "GOV-0021", "problem.audit.chain"),
                Arguments.of("record", "GOV-0021", "problem.audit.altered"),
                Arguments.of("seq", "GOV-0021", "problem.audit.removed"),
                Arguments.of("signer", "GOV-0021", "problem.audit.altered"),
                Arguments.of("sig", "GOV-0030", "problem.audit.signature"),
                Arguments.of("v", "GOV-0029", "problem.audit.format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editedFields")
    void anEditOfAnyFieldIsFoundAtItsLine(String field, String code, String key) throws IOException {
        Path file = signedLog(5);
        List<String> lines = lines(file);
        Map<String, Object> line = IndependentAuditor.parse(lines.get(2));
        assertThat(line).containsKey(field);
        line.put(field, edited(field, line.get(field)));
        lines.set(2, IndependentAuditor.canonical(line));
        write(file, lines);
        assertBroken(withKey(file), code, 3, key);
    }

    @SuppressWarnings("unchecked")
    private static Object edited(String field, Object value) {
        return switch (field) {
            case "seq" -> 7;
            case "v" -> 4; // 3 is an office record's line: a decision line relabelled 3 is refused for its decisionId field
            case "record" -> {
                Map<String, Object> record = new LinkedHashMap<>((Map<String, Object>) value);
                record.put("classification", "LOW".equals(record.get("classification")) ? "HIGH" : "LOW");
                yield record;
            }
            case "sig" -> {
                byte[] sig = Base64.getDecoder().decode((String) value);
                sig[10] ^= 1;
                yield Base64.getEncoder().encodeToString(sig);
            }
            default -> {
                String s = (String) value;
                char last = s.charAt(s.length() - 1);
                yield s.substring(0, s.length() - 1) + (last == '0' ? '1' : '0');
            }
        };
    }

    /**
     * Every character of a line replaced by another: always found, at that line. All characters
     * outside the record, and one in 37 inside it (the record is tens of kilobytes).
     */
    @Test
    void everyByteOfALineIsCovered() throws IOException {
        Path file = signedLog(2);
        List<String> original = lines(file);
        String line = original.get(0);
        int recordStart = line.indexOf("\"record\":{") + 9;
        int recordEnd = line.indexOf(",\"seq\":");
        assertThat(recordStart).isPositive();
        assertThat(recordEnd).isGreaterThan(recordStart);
        int checked = 0;
        for (int i = 0; i < line.length(); i++) {
            if (i > recordStart && i < recordEnd && i % 37 != 0) {
                continue;
            }
            char c = line.charAt(i);
            char other = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10)
                    : Character.isLetter(c) && c < 128 ? (c == 'z' || c == 'Z' ? (char) (c - 1) : (char) (c + 1)) : 'x';
            List<String> lines = new ArrayList<>(original);
            lines.set(0, line.substring(0, i) + other + line.substring(i + 1));
            write(file, lines);
            AuditVerification v = withKey(file);
            int at = i;
            assertThat(v.intact()).as("character %d (%s → %s) changed", at, c, other).isFalse();
            assertThat(v.problems()).singleElement().satisfies(p -> {
                assertThat(p.location().line()).as("character %d", at).isEqualTo(1);
                assertThat(p.code().id()).as("character %d", at).isIn("GOV-0021", "GOV-0029", "GOV-0030");
            });
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /** A line rewritten with the same meaning (whitespace, key order, escapes, line ends) is still a change to its bytes. */
    @Test
    void aReformattedLineIsFound() throws IOException {
        Path file = signedLog(3);
        List<String> original = lines(file);
        String line = original.get(2);
        String id = (String) IndependentAuditor.parse(line).get("decisionId");
        int hex = id.indexOf('a') >= 0 ? id.indexOf('a') : id.indexOf('-');
        String escaped = id.substring(0, hex) + String.format("\\u%04x", (int) id.charAt(hex)) + id.substring(hex + 1);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("v", 2);
        reordered.putAll(IndependentAuditor.parse(line));
        for (String changed : List.of(
                "{ " + line.substring(1),
                line + "\r",
                line.replace("\"decisionId\":\"" + id + "\"", "\"decisionId\":\"" + escaped + "\""),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(reordered))) {
            List<String> lines = new ArrayList<>(original);
            lines.set(2, changed);
            write(file, lines);
            assertBroken(withKey(file), "GOV-0021", 3, "problem.audit.not-canonical");
        }
    }

    @Test
    void aDeletedLineIsFound() throws IOException {
        Path file = signedLog(5);
        List<String> lines = lines(file);
        lines.remove(1);
        write(file, lines);
        assertBroken(withKey(file), "GOV-0021", 2, "problem.audit.removed");
    }

    @Test
    void swappedLinesAreFound() throws IOException {
        Path file = signedLog(5);
        List<String> lines = lines(file);
        String t = lines.get(1);
        lines.set(1, lines.get(3));
        lines.set(3, t);
        write(file, lines);
        assertBroken(withKey(file), "GOV-0021", 2, "problem.audit.reordered");
    }

    @Test
    void anInsertedCopyIsFound() throws IOException {
        Path file = signedLog(4);
        List<String> lines = lines(file);
        lines.add(2, lines.get(1));
        write(file, lines);
        assertBroken(withKey(file), "GOV-0021", 3, "problem.audit.inserted");
    }

    @Test
    void anEmptyLineIsFound() throws IOException {
        Path file = signedLog(3);
        List<String> lines = lines(file);
        lines.add(1, "");
        write(file, lines);
        assertBroken(withKey(file), "GOV-0029", 2, "problem.audit.empty");
    }

    /** A line far longer than any record is refused at its line, without being read whole. */
    @Test
    void aHugeLineIsFoundAtItsLine() throws IOException {
        Path file = signedLog(2);
        List<String> lines = lines(file);
        lines.add(1, "{\"decisionId\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}");
        write(file, lines);
        AuditVerification v = withKey(file);
        assertBroken(v, "GOV-0029", 2, "problem.audit.too-long");
        assertThat(v.problems().get(0).message().args()).containsExactly(String.valueOf(16 * 1024 * 1024));
    }

    /** The first attack: a line's decision id swapped with another line's. */
    @Test
    void aLinesDecisionIdCannotBeSwappedWithAnothers() throws IOException {
        Path file = signedLog(5);
        List<String> lines = lines(file);
        Map<String, Object> two = IndependentAuditor.parse(lines.get(1));
        Map<String, Object> four = IndependentAuditor.parse(lines.get(3));
        Object id = two.get("decisionId");
        two.put("decisionId", four.get("decisionId"));
        four.put("decisionId", id);
        lines.set(1, IndependentAuditor.canonical(two));
        lines.set(3, IndependentAuditor.canonical(four));
        write(file, lines);
        assertBroken(withKey(file), "GOV-0021", 2, "problem.audit.altered");
        // Even with the chain rebuilt, a line must name its own record's decision.
        Path unsigned = unsignedLog(3);
        List<String> u = lines(unsigned);
        String other = (String) IndependentAuditor.parse(u.get(2)).get("decisionId");
        write(unsigned, IndependentAuditor.rechain(u, 1, l -> {
            l.put("decisionId", other);
            return l;
        }, Signatures.KEEP, null));
        AuditVerification v = withoutKey(unsigned);
        assertBroken(v, "GOV-0029", 2, "problem.audit.record-id");
    }

    /** The second attack: a field added to a line. */
    @Test
    void anExtraFieldIsFound() throws IOException {
        Path file = signedLog(5);
        List<String> lines = lines(file);
        Map<String, Object> line = IndependentAuditor.parse(lines.get(2));
        line.put("note", "approved by the CAIO");
        lines.set(2, IndependentAuditor.canonical(line));
        write(file, lines);
        AuditVerification v = withKey(file);
        assertBroken(v, "GOV-0029", 3, "problem.audit.unknown-field");
        assertThat(v.problems().get(0).message().args()).containsExactly("note");
    }

    /** The third attack: a duplicate record key placed before the real one. */
    @Test
    void aDuplicateKeyIsFound() throws IOException {
        Path file = signedLog(5);
        List<String> lines = lines(file);
        String forged = IndependentAuditor.canonical(IndependentAuditor.parse(lines.get(0)));
        String forgedRecord = forged.substring(forged.indexOf("\"record\":"), forged.indexOf(",\"seq\":"));
        lines.set(2, "{" + forgedRecord + "," + lines.get(2).substring(1));
        write(file, lines);
        AuditVerification v = withKey(file);
        assertBroken(v, "GOV-0029", 3, "problem.audit.duplicate-key");
        assertThat(v.problems().get(0).message().args()).containsExactly("record");
        // A duplicate inside the record too.
        lines = lines(signedLog(0).resolveSibling("signed.jsonl"));
        String line = lines.get(0);
        lines.set(0, line.replace("\"classification\":", "\"classification\":\"LOW\",\"classification\":"));
        write(file, lines);
        assertBroken(withKey(file), "GOV-0029", 1, "problem.audit.duplicate-key");
    }

    /** Line 3 edited and every hash from it on rebuilt, by someone without the office's key. */
    @Test
    void aRechainedLogIsFoundByItsSignatures() throws IOException {
        Path file = signedLog(5);
        List<String> original = lines(file);
        UnaryOperator<Map<String, Object>> downgrade = l -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) l.get("record");
            record.put("classification", "LOW");
            return l;
        };
        // Signatures kept: they no longer verify.
        write(file, IndependentAuditor.rechain(original, 2, downgrade, Signatures.KEEP, null));
        assertBroken(withKey(file), "GOV-0030", 3, "problem.audit.signature");
        AuditVerification blind = withoutKey(file);
        assertThat(blind.intact()).as("without the public key, a rebuilt chain cannot be told from the original").isTrue();
        assertThat(blind.signaturesVerified()).isFalse();
        // Signatures removed: found without the key, as the records before are signed.
        write(file, IndependentAuditor.rechain(original, 2, downgrade, Signatures.DROP, null));
        assertBroken(withoutKey(file), "GOV-0031", 3, "problem.audit.unsigned-after-signed");
        assertBroken(withKey(file), "GOV-0031", 3, "problem.audit.unsigned-after-signed");
        // Signed again with the attacker's own key: "signed by another key", not a valid record.
        write(file, IndependentAuditor.rechain(original, 2, downgrade, Signatures.OWN_KEY, ATTACKER));
        AuditVerification v = withKey(file);
        assertBroken(v, "GOV-0031", 3, "problem.audit.other-key");
        assertThat(v.problems().get(0).message().args()).containsExactly("3", ATTACKER.keyId(), OFFICE.keyId());
        assertThat(withoutKey(file).signers()).containsExactly(Map.entry(OFFICE.keyId(), 2L), Map.entry(ATTACKER.keyId(), 3L));
    }

    /** An unsigned log rebuilt from line 3 on: only a checkpoint taken before finds it. */
    @Test
    void aRechainedUnsignedLogIsFoundByACheckpoint() throws IOException {
        Path file = unsignedLog(5);
        AuditCheckpoint checkpoint = withoutKey(file).checkpoint();
        write(file, IndependentAuditor.rechain(lines(file), 2, l -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) l.get("record");
            record.put("classification", "LOW");
            return l;
        }, Signatures.KEEP, null));
        AuditVerification blind = withoutKey(file);
        assertThat(blind.intact()).as("a checksum that anyone can rebuild").isTrue();
        assertThat(blind.warnings()).extracting(w -> w.message().key()).containsExactly("problem.audit.unsigned-records");
        AuditVerification v = Governance.auditLog(file).verify(List.of(), checkpoint);
        assertBroken(v, "GOV-0032", 5, "problem.audit.checkpoint-differs");
        assertThat(v.records()).isEqualTo(5);
    }

    @Test
    void aForgedUnsignedAppendIsFound() throws IOException {
        Path file = signedLog(3);
        List<String> lines = lines(file);
        Map<String, Object> forged = forgedLine(lines, decide("PUBLIC"));
        IndependentAuditor.seal(forged, Signatures.DROP, null);
        lines.add(IndependentAuditor.canonical(forged));
        write(file, lines);
        assertBroken(withoutKey(file), "GOV-0031", 4, "problem.audit.unsigned-after-signed");
        assertBroken(withKey(file), "GOV-0031", 4, "problem.audit.unsigned-after-signed");
    }

    @Test
    void aForgedAppendSignedWithAnotherKeyIsFound() throws IOException {
        Path file = signedLog(3);
        Governance.auditLog(file, ATTACKER).append(decide("PUBLIC"), Set.of());
        assertBroken(withKey(file), "GOV-0031", 4, "problem.audit.other-key");
    }

    @Test
    void aForgedAppendClaimingTheOfficesKeyIsFound() throws IOException {
        Path file = signedLog(3);
        List<String> lines = lines(file);
        Map<String, Object> forged = forgedLine(lines, decide("PUBLIC"));
        IndependentAuditor.seal(forged, Signatures.OWN_KEY, ATTACKER);
        forged.put("signer", OFFICE.keyId());
        forged.put("hash", IndependentAuditor.hash(forged));
        lines.add(IndependentAuditor.canonical(forged));
        write(file, lines);
        assertBroken(withKey(file), "GOV-0030", 4, "problem.audit.signature");
    }

    @Test
    void theLibraryRefusesToAppendUnsignedToASignedLogAndSignedToAnUnsignedOne() throws IOException {
        Path signed = signedLog(2);
        byte[] before = Files.readAllBytes(signed);
        assertThatThrownBy(() -> Governance.auditLog(signed).append(decide("PUBLIC"), Set.of()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code().id()).isEqualTo("GOV-0034");
                    assertThat(p.message().key()).isEqualTo("problem.audit.signing-required");
                    assertThat(p.message().args()).containsExactly(OFFICE.keyId());
                }));
        assertThat(Files.readAllBytes(signed)).isEqualTo(before);
        Path unsigned = unsignedLog(2);
        byte[] plain = Files.readAllBytes(unsigned);
        assertThatThrownBy(() -> Governance.auditLog(unsigned, OFFICE).append(decide("PUBLIC"), Set.of()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code().id() + " " + p.message().key()).containsExactly("GOV-0034 problem.audit.unsigned-log"));
        assertThat(Files.readAllBytes(unsigned)).isEqualTo(plain);
    }

    @Test
    void droppedTrailingRecordsAreFoundGivenTheLastCheckpoint() throws IOException {
        Path file = signedLog(5);
        AuditCheckpoint checkpoint = withKey(file).checkpoint();
        assertThat(checkpoint.records()).isEqualTo(5);
        List<String> lines = lines(file);
        write(file, lines.subList(0, 3));
        AuditVerification blind = withKey(file);
        assertThat(blind.intact()).as("signatures alone cannot tell a shortened log from a shorter one").isTrue();
        assertThat(blind.records()).isEqualTo(3);
        AuditVerification v = Governance.auditLog(file).verify(List.of(OFFICE.publicKey()), checkpoint);
        assertBroken(v, "GOV-0032", 4, "problem.audit.dropped");
        assertThat(v.records()).isEqualTo(3);
        assertThat(v.problems().get(0).message().args()).containsExactly("5", checkpoint.headHash(), "3", "4");
    }

    @Test
    void aCheckpointStillHoldsAfterMoreRecordsAreAppended() {
        Path file = signedLog(3);
        AuditCheckpoint checkpoint = AuditCheckpoint.parse(withKey(file).checkpoint().toString());
        Governance.auditLog(file, OFFICE).append(decide("PUBLIC"), Set.of());
        AuditVerification v = Governance.auditLog(file).verify(List.of(OFFICE.publicKey()), checkpoint);
        assertThat(v.intact()).isTrue();
        assertThat(v.checkpointVerified()).isTrue();
        assertThat(v.records()).isEqualTo(4);
        AuditCheckpoint empty = new AuditCheckpoint(0, "sha256:" + "0".repeat(64));
        assertThat(Governance.auditLog(file).verify(List.of(), empty).intact()).isTrue();
    }

    @Test
    void aTornTailIsFoundAndBlocksAppends() throws IOException {
        Path file = signedLog(5);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 100));
        assertBroken(withKey(file), "GOV-0021", 5, "problem.audit.torn");
        long before = Files.size(file);
        assertThatThrownBy(() -> Governance.auditLog(file, OFFICE).append(decide("PUBLIC"), Set.of()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems().get(0).code().id()).isEqualTo("GOV-0021"));
        assertThat(Files.size(file)).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8AreFoundAtTheirLine() throws IOException {
        Path file = signedLog(3);
        byte[] bytes = Files.readAllBytes(file);
        int second = indexOf(bytes, (byte) '\n', 0) + 1;
        int at = indexOf(bytes, (byte) 'P', second); // a letter inside line 2's record ("PUBLIC", "PROC-01", ...)
        bytes[at] = (byte) 0xFF;
        Files.write(file, bytes);
        assertBroken(withKey(file), "GOV-0021", 2, "problem.audit.altered");
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** A well-formed line for a decision, chained after the last line: what a forger would write. */
    private static Map<String, Object> forgedLine(List<String> lines, Decision decision) {
        Map<String, Object> last = IndependentAuditor.parse(lines.get(lines.size() - 1));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("v", 2);
        line.put("seq", ((Number) last.get("seq")).longValue() + 1);
        line.put("prev", last.get("hash"));
        line.put("decisionId", decision.decisionId());
        line.put("record", IndependentAuditor.parse(Governance.toRecord(decision, Set.of())));
        return line;
    }
}
