package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.GovernanceEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess --audit-log [--signing-key]}, then {@code audit keygen|verify|show|replay}, end to end. */
class AuditCommandTest {
    private static final String BENEFITS = Path.of("..", "examples", "projects", "benefits-eligibility-chatbot.yaml").toString();
    private static final String SEABIS = Path.of("..", "examples", "projects", "seabis-help-chat.yaml").toString();
    private static final Path LEGACY = Path.of("..", "governance-rules", "src", "test", "resources", "audit", "legacy-format.jsonl");
    private static final Map<GovernanceCli.EngineSpec, GovernanceEngine> ENGINES = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    /** One command line run, with engines built once for the whole class. */
    private static CliRun run(String... args) {
        return CliRun.of(new GovernanceCli(spec -> ENGINES.computeIfAbsent(spec, GovernanceCli::build)), args);
    }

    private Path logOfTwo(String... signing) {
        Path log = tmp.resolve("audit.jsonl");
        List<String> first = new java.util.ArrayList<>(List.of("assess", BENEFITS, "--audit-log", log.toString(), "--redact", "description"));
        first.addAll(List.of(signing));
        List<String> second = new java.util.ArrayList<>(List.of("assess", SEABIS, "--audit-log", log.toString(), "--guideline-version", "1.0"));
        second.addAll(List.of(signing));
        CliRun one = run(first.toArray(String[]::new));
        assertThat(one.exit()).as(one.toString()).isZero();
        CliRun two = run(second.toArray(String[]::new));
        assertThat(two.exit()).as(two.toString()).isZero();
        return log;
    }

    private Path[] keys(String name) {
        Path priv = tmp.resolve(name + ".key");
        Path pub = tmp.resolve(name + ".pub");
        CliRun keygen = run("audit", "keygen", "--out-private", priv.toString(), "--out-public", pub.toString(), "--lang", "en");
        assertThat(keygen.exit()).as(keygen.toString()).isZero();
        return new Path[] {priv, pub};
    }

    @Test
    void assessAppendsAndVerifyAcceptsAnIntactLogAndSaysItIsUnsigned() throws IOException {
        Path log = logOfTwo();
        assertThat(Files.readAllLines(log)).hasSize(2);
        CliRun verify = run("audit", "verify", log.toString(), "--lang", "en");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.outLines().get(0)).startsWith("intact: 2 records, head hash sha256:");
        assertThat(verify.out()).contains("not signed: 2 records", "checkpoint: 2:sha256:");
        assertThat(verify.errLines()).singleElement().asString().startsWith(log + ":1: warning: GOV-0031 records 1 to 2 are not signed");
    }

    /**
     * A log with records of the CAIO's office beside its decisions (as the service's audit export
     * holds them): verify counts them by kind, show lists and prints them, replay refuses them, and
     * an edited one is named by its line.
     */
    @Test
    void recordsOfTheOfficeBesideTheDecisionsAreVerifiedShownAndNotReplayed() throws IOException {
        Path log = logOfTwo();
        io.github.aigov.governance.audit.AuditLog audit = io.github.aigov.governance.Governance.auditLog(log);
        io.github.aigov.governance.audit.AuditEntry first = audit.entries().get(0);
        audit.append(new io.github.aigov.governance.audit.OfficeRecord(io.github.aigov.governance.audit.OfficeRecord.Kind.DETERMINATION,
                java.util.UUID.randomUUID().toString(), java.time.Instant.parse("2026-12-01T09:00:00Z"),
                new io.github.aigov.governance.audit.OfficeRecord.Actor("suzuki.caio", "CAIO"), "厚生労働省",
                new io.github.aigov.governance.audit.OfficeRecord.SystemRef("s-1", "benefits-eligibility-chatbot", 1),
                new io.github.aigov.governance.audit.OfficeRecord.DecisionRef(first.decisionId(), 1, null),
                Map.of("computed", "HIGH", "determined", "MEDIUM", "justification", "職員が全ての回答を確認する")), java.util.Set.of());

        CliRun verify = run("audit", "verify", log.toString(), "--lang", "en");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.outLines().get(0)).startsWith("intact: 3 records, head hash sha256:");
        assertThat(verify.out()).contains("records by kind: decision 2, determination 1");
        CliRun list = run("audit", "show", log.toString());
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.outLines()).hasSize(3);
        assertThat(list.outLines().get(2)).contains("determination", "@1", "benefits-eligibility-chatbot", "suzuki.caio (CAIO)");
        CliRun shown = run("audit", "show", log.toString(), "3");
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).contains("\"determined\":\"MEDIUM\"", "\"decisionHash\":\"" + first.hash() + "\"");
        CliRun replay = run("audit", "replay", log.toString(), "3", "--lang", "en");
        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.err()).contains("GOV-0023", "record 3 is a determination record of the CAIO's office, not a decision",
                "governance audit show FILE 3");

        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log));
        lines.set(2, lines.get(2).replace("MEDIUM", "LOW"));
        Files.write(log, lines);
        CliRun broken = run("audit", "verify", log.toString(), "--lang", "en");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains(log + ":3: GOV-0021 record 3 was altered after it was written");
    }

    @Test
    void keygenWritesAnOwnerOnlySigningKeyAndNeverOverwritesIt() throws IOException {
        Path priv = tmp.resolve("office.key");
        Path pub = tmp.resolve("office.pub");
        CliRun keygen = run("audit", "keygen", "--out-private", priv.toString(), "--out-public", pub.toString(), "--lang", "en");
        assertThat(keygen.exit()).as(keygen.toString()).isZero();
        assertThat(keygen.out()).startsWith("signing key written to " + priv).contains("public key written to " + pub, "key id sha256:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        String before = Files.readString(priv);
        CliRun again = run("audit", "keygen", "--out-private", priv.toString(), "--out-public", tmp.resolve("other.pub").toString(),
                "--lang", "en");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString().startsWith(priv + ": GOV-0033 a file already exists here");
        assertThat(Files.readString(priv)).isEqualTo(before);
        assertThat(run("audit", "keygen", "--out-private", tmp.resolve("x.key").toString()).exit()).as("--out-public missing").isEqualTo(2);
    }

    @Test
    void aSignedLogVerifiesWithItsPublicKeyAndSaysWhatThatProves() {
        Path[] office = keys("office");
        Path log = logOfTwo("--signing-key", office[0].toString());
        CliRun verify = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--lang", "en");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.err()).isEmpty();
        List<String> out = verify.outLines();
        assertThat(out.get(0)).startsWith("intact: 2 records, head hash sha256:");
        assertThat(out.get(1)).startsWith("decisions made from 20");
        assertThat(out.get(2)).matches("signed by key sha256:[0-9a-f]{64}: 2 records");
        assertThat(out.get(3)).startsWith("every signature verified with the public key given");
        assertThat(out.get(4)).matches("checkpoint: 2:sha256:[0-9a-f]{64} \\(keep it elsewhere.*");
        CliRun blind = run("audit", "verify", log.toString(), "--lang", "en");
        assertThat(blind.exit()).isZero();
        assertThat(blind.out()).contains("signatures not checked");
        assertThat(blind.err()).contains("warning: GOV-0031", "no public key was given");
        CliRun ja = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--lang", "ja");
        assertThat(ja.out()).startsWith("改ざんなし: 記録 2 件、先頭ハッシュ sha256:").contains("すべての署名を指定された公開鍵で検証しました");
    }

    @Test
    void aRecordAppendedWithAnotherKeyIsRefusedByTheOfficesPublicKey() {
        Path[] office = keys("office");
        Path[] attacker = keys("attacker");
        Path log = logOfTwo("--signing-key", office[0].toString());
        assertThat(run("assess", BENEFITS, "--audit-log", log.toString(), "--signing-key", attacker[0].toString()).exit()).isZero();
        CliRun verify = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--lang", "en");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.errLines()).singleElement().asString().startsWith(log + ":3: GOV-0031 record 3 is signed by key sha256:");
        assertThat(verify.out()).startsWith("BROKEN: 2 records verified before the first problem");
        CliRun both = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--public-key",
                attacker[1].toString());
        assertThat(both.exit()).as("a key the office trusts too, given: " + both).isZero();
    }

    @Test
    void anUnsignedAppendToASignedLogIsRefusedAndTheLogLeftAsItWas() throws IOException {
        Path[] office = keys("office");
        Path log = logOfTwo("--signing-key", office[0].toString());
        byte[] before = Files.readAllBytes(log);
        CliRun unsigned = run("assess", BENEFITS, "--audit-log", log.toString(), "--lang", "en");
        assertThat(unsigned.exit()).isEqualTo(1);
        assertThat(unsigned.err()).contains("GOV-0034", "this log is signed").doesNotContain("Exception");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void aSigningKeyNeedsALogAndMustBeTheOwnersOnly() throws IOException {
        Path[] office = keys("office");
        CliRun alone = run("assess", BENEFITS, "--signing-key", office[0].toString(), "--lang", "en");
        assertThat(alone.exit()).isEqualTo(1);
        assertThat(alone.err()).contains("GOV-0003", "--signing-key");
        Files.setPosixFilePermissions(office[0], PosixFilePermissions.fromString("rw-r--r--"));
        Path log = tmp.resolve("audit.jsonl");
        CliRun open = run("assess", BENEFITS, "--audit-log", log.toString(), "--signing-key", office[0].toString(), "--lang", "en");
        assertThat(open.exit()).isEqualTo(1);
        assertThat(open.errLines()).singleElement().asString()
                .startsWith(office[0] + ": GOV-0033 the signing key file can be read by others than its owner (rw-r--r--)")
                .contains("chmod 600 " + office[0]);
        assertThat(log).doesNotExist();
    }

    @Test
    void droppedTrailingRecordsAreFoundWithTheCheckpointVerifyPrinted() throws IOException {
        Path[] office = keys("office");
        Path log = logOfTwo("--signing-key", office[0].toString());
        CliRun first = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--lang", "en");
        String checkpoint = first.outLines().get(first.outLines().size() - 1).split(" ")[1];
        assertThat(checkpoint).matches("2:sha256:[0-9a-f]{64}");
        CliRun same = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--checkpoint", checkpoint,
                "--lang", "en");
        assertThat(same.exit()).isZero();
        assertThat(same.out()).contains("checkpoint " + checkpoint + " matched: no record up to record 2 was dropped or rewritten");
        Files.write(log, Files.readAllLines(log).subList(0, 1));
        CliRun dropped = run("audit", "verify", log.toString(), "--public-key", office[1].toString(), "--checkpoint", checkpoint,
                "--lang", "en");
        assertThat(dropped.exit()).isEqualTo(1);
        assertThat(dropped.errLines()).singleElement().asString().startsWith(log + ":2: GOV-0032 the checkpoint names record 2");
        CliRun bad = run("audit", "verify", log.toString(), "--checkpoint", "2:deadbeef", "--lang", "en");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("GOV-0007", "--checkpoint", "N:sha256:");
    }

    @Test
    void showListsTheDecisionsAndPrintsOneRecordBySequenceNumberOrId() {
        Path log = logOfTwo();
        CliRun list = run("audit", "show", log.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.outLines()).hasSize(2);
        assertThat(list.outLines().get(0)).contains("HIGH", "ESC", "benefits-eligibility-chatbot", "DS-920 2.0");
        assertThat(list.outLines().get(1)).contains("LOW", "seabis-help-chat", "DS-920 1.0");
        String[] first = list.outLines().get(0).trim().split("\\s+");
        String id = first[2];
        CliRun byId = run("audit", "show", log.toString(), id);
        assertThat(byId.exit()).isZero();
        assertThat(byId.out()).contains("\"decisionId\" : \"" + id + "\"", "\"description\" : \"[REDACTED]\"");
        CliRun bySequence = run("audit", "show", log.toString(), first[0]);
        assertThat(bySequence.exit()).as(bySequence.toString()).isZero();
        assertThat(bySequence.out()).isEqualTo(byId.out());
        CliRun none = run("audit", "show", log.toString(), "3", "--lang", "en");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("GOV-0023", "no record 3 in this log");
    }

    @Test
    void aRecordAfterABreakIsNotServed() throws IOException {
        Path log = logOfTwo();
        List<String> lines = Files.readAllLines(log);
        lines.set(0, lines.get(0).replace("\"required\":true", "\"required\":false"));
        Files.write(log, lines);
        CliRun show = run("audit", "show", log.toString(), "2", "--lang", "en");
        assertThat(show.exit()).isEqualTo(1);
        assertThat(show.err()).contains(log + ":1: GOV-0021 record 1 was altered");
        assertThat(show.out()).isEmpty();
        CliRun list = run("audit", "show", log.toString(), "--lang", "en");
        assertThat(list.exit()).as("the listing of a broken log").isEqualTo(1);
        assertThat(list.err()).contains("GOV-0021", "BROKEN");
    }

    @Test
    void verifyNamesTheLineOfAnEditedRecordAndExitsNonZero() throws IOException {
        Path log = logOfTwo();
        List<String> lines = Files.readAllLines(log);
        lines.set(0, lines.get(0).replace("\"required\":true", "\"required\":false"));
        Files.write(log, lines);
        CliRun verify = run("audit", "verify", log.toString(), "--lang", "en");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.errLines()).singleElement().asString()
                .startsWith(log + ":1: GOV-0021 record 1 was altered after it was written");
    }

    @Test
    void replayOfAFreshDecisionIsIdenticalBySequenceNumberAndById() {
        Path log = logOfTwo();
        CliRun list = run("audit", "show", log.toString());
        for (String line : list.outLines()) {
            String[] columns = line.trim().split("\\s+");
            for (String which : List.of(columns[0], columns[2])) {
                CliRun replay = run("audit", "replay", log.toString(), which, "--lang", "en");
                assertThat(replay.exit()).as(replay.toString()).isZero();
                assertThat(replay.out()).startsWith("identical: decision " + columns[2]);
            }
        }
    }

    @Test
    void replayOfAnUnknownDecisionIsRefused() {
        Path log = logOfTwo();
        CliRun replay = run("audit", "replay", log.toString(), "no-such-decision", "--lang", "en");
        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.err()).contains("GOV-0023", "no-such-decision");
    }

    @Test
    void aLogOfTheFirstFormatVerifiesWithWarningsThatSayWhatItDoesNotProve() throws IOException {
        Path log = tmp.resolve("legacy.jsonl");
        Files.copy(LEGACY, log, StandardCopyOption.REPLACE_EXISTING);
        CliRun verify = run("audit", "verify", log.toString(), "--lang", "en");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("intact: 4 records").contains("in the first line format: 4 records", "not signed: 4 records");
        assertThat(verify.errLines()).hasSize(2).anySatisfy(l -> assertThat(l).startsWith(log + ":1: warning: GOV-0035"));
        CliRun ja = run("audit", "verify", log.toString(), "--lang", "ja");
        assertThat(ja.err()).contains("警告", "最初の行形式");
        CliRun show = run("audit", "show", log.toString(), "4");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("\"decisionId\"");
    }
}
