package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.AuditTamperTest.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.audit.AuditEntry;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditStore;
import io.github.aigov.governance.audit.AuditVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys and their files, and signed logs over any store and from many threads. */
class AuditSigningKeyTest {
    @TempDir
    Path dir;

    private static void assertRefused(ThrowingCallable call, Path file, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.code().id()).isEqualTo("GOV-0033");
                    assertThat(p.location().file()).isEqualTo(file.toString());
                    assertThat(p.message().key()).isEqualTo(key);
                    assertThat(p.hint()).isNotNull();
                }));
    }

    private Path[] written(AuditSigningKey key) {
        Path priv = dir.resolve("office.key");
        Path pub = dir.resolve("office.pub");
        Governance.writeAuditKeys(key, priv, pub);
        return new Path[] {priv, pub};
    }

    @Test
    void keyFilesReadBackAsTheSameKeyAndThePrivateOneIsTheOwnersOnly() throws IOException {
        AuditSigningKey key = AuditSigningKey.generate();
        Path[] files = written(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files[0]))).isEqualTo("rw-------");
        String privateText = Files.readString(files[0]);
        String publicText = Files.readString(files[1]);
        assertThat(privateText).startsWith("-----BEGIN PRIVATE KEY-----\n").contains("-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(publicText).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n").doesNotContain("PRIVATE");
        AuditSigningKey read = Governance.readAuditSigningKey(files[0]);
        assertThat(read.keyId()).isEqualTo(key.keyId());
        assertThat(read.privateKey().getEncoded()).isEqualTo(key.privateKey().getEncoded());
        assertThat(AuditSigningKey.keyId(Governance.readAuditPublicKey(files[1]))).isEqualTo(key.keyId());
        // The key id is the SHA-256 of the DER inside the PUBLIC KEY block, as the README says.
        String der = publicText.replaceAll("-----[A-Z ]+-----|\\s", "");
        assertThat(key.keyId()).isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(
                sha256(Base64.getDecoder().decode(der))));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyFileIsNeverOverwrittenAndNeitherFileIsLeftHalfWritten() throws IOException {
        Path[] files = written(AuditSigningKey.generate());
        String before = Files.readString(files[0]);
        assertRefused(() -> Governance.writeAuditKeys(AuditSigningKey.generate(), files[0], dir.resolve("new.pub")), files[0],
                "problem.key.exists");
        assertThat(Files.readString(files[0])).isEqualTo(before);
        assertThat(dir.resolve("new.pub")).doesNotExist();
        assertRefused(() -> Governance.writeAuditKeys(AuditSigningKey.generate(), dir.resolve("new.key"), files[1]), files[1],
                "problem.key.exists");
        assertThat(dir.resolve("new.key")).as("the private key is not written when the public one cannot be").doesNotExist();
        Path dangling = dir.resolve("dangling.key");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        assertRefused(() -> Governance.writeAuditKeys(AuditSigningKey.generate(), dangling, dir.resolve("d.pub")), dangling,
                "problem.key.exists");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void keyFilesIntoAMissingFolderOrOntoOneFileAreRefused() {
        Path missing = dir.resolve("no-such-folder").resolve("office.key");
        assertRefused(() -> Governance.writeAuditKeys(AuditSigningKey.generate(), missing, dir.resolve("o.pub")), missing,
                "problem.key.no-folder");
        Path same = dir.resolve("both.pem");
        assertRefused(() -> Governance.writeAuditKeys(AuditSigningKey.generate(), same, dir.resolve(".").resolve("both.pem")),
                dir.resolve(".").resolve("both.pem"), "problem.key.same-file");
        assertThat(same).doesNotExist();
    }

    @Test
    void aSigningKeyOthersCanReadIsRefused() throws IOException {
        Path[] files = written(AuditSigningKey.generate());
        Files.setPosixFilePermissions(files[0], PosixFilePermissions.fromString("rw-r--r--"));
        assertRefused(() -> Governance.readAuditSigningKey(files[0]), files[0], "problem.key.unprotected");
        Files.setPosixFilePermissions(files[0], PosixFilePermissions.fromString("r--------"));
        assertThat(Governance.readAuditSigningKey(files[0]).keyId()).isNotBlank();
    }

    private Path privateFile(String text) throws IOException {
        Path f = dir.resolve("k" + System.nanoTime() + ".pem");
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(f, text, StandardCharsets.US_ASCII);
        return f;
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    @Test
    void aFileThatIsNotAnEd25519KeyPairIsRefusedWithWhatIsWrong() throws Exception {
        AuditSigningKey a = AuditSigningKey.generate();
        AuditSigningKey b = AuditSigningKey.generate();
        Path noPublic = privateFile(pem("PRIVATE KEY", a.privateKey().getEncoded()));
        assertRefused(() -> Governance.readAuditSigningKey(noPublic), noPublic, "problem.key.no-public");
        Path mismatch = privateFile(pem("PRIVATE KEY", a.privateKey().getEncoded()) + pem("PUBLIC KEY", b.publicKey().getEncoded()));
        assertRefused(() -> Governance.readAuditSigningKey(mismatch), mismatch, "problem.key.mismatch");
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Path notEd = privateFile(pem("PRIVATE KEY", ec.getPrivate().getEncoded()) + pem("PUBLIC KEY", ec.getPublic().getEncoded()));
        assertRefused(() -> Governance.readAuditSigningKey(notEd), notEd, "problem.key.not-ed25519");
        var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        Path pub448 = dir.resolve("448.pub");
        Files.writeString(pub448, pem("PUBLIC KEY", ed448.getPublic().getEncoded()));
        assertRefused(() -> Governance.readAuditPublicKey(pub448), pub448, "problem.key.not-ed25519");
        Path garbage = privateFile("not a key\n");
        assertRefused(() -> Governance.readAuditSigningKey(garbage), garbage, "problem.key.no-block");
        Path privateOnly = dir.resolve("private-only.pem");
        Files.writeString(privateOnly, pem("PRIVATE KEY", a.privateKey().getEncoded()));
        assertRefused(() -> Governance.readAuditPublicKey(privateOnly), privateOnly, "problem.key.no-block");
        Path huge = dir.resolve("huge.pub");
        Files.write(huge, new byte[200_000]);
        assertRefused(() -> Governance.readAuditPublicKey(huge), huge, "problem.key.too-large");
        assertRefused(() -> Governance.readAuditPublicKey(dir), dir, "problem.key.unreadable");
        Path none = dir.resolve("none.pub");
        assertRefused(() -> Governance.readAuditPublicKey(none), none, "problem.key.unreadable");
    }

    @Test
    void aSigningKeyIsAnEd25519PairAndNeverPrintsItsPrivateHalf() throws Exception {
        AuditSigningKey a = AuditSigningKey.generate();
        AuditSigningKey b = AuditSigningKey.generate();
        assertThatThrownBy(() -> new AuditSigningKey(a.privateKey(), b.publicKey())).isInstanceOf(IllegalArgumentException.class);
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> new AuditSigningKey(ec.getPrivate(), ec.getPublic())).isInstanceOf(IllegalArgumentException.class);
        String hex = java.util.HexFormat.of().formatHex(a.privateKey().getEncoded()).toUpperCase();
        assertThat(a.toString()).isEqualTo("AuditSigningKey[" + a.keyId() + "]").doesNotContain(hex.substring(hex.length() - 16));
    }

    /** An application's own store gets the same guarantees: the library signs and checks, the store keeps lines. */
    @Test
    void aSignedLogOverAnApplicationsStoreIsCheckedAlike() {
        List<String> table = Collections.synchronizedList(new ArrayList<>());
        AuditStore store = new AuditStore() {
            @Override
            public void append(String line) {
                table.add(line);
            }

            @Override
            public List<String> lines() {
                return List.copyOf(table);
            }

            @Override
            public String name() {
                return "db:audit_records";
            }
        };
        AuditSigningKey key = AuditSigningKey.generate();
        List<PublicKey> trusted = List.of(key.publicKey());
        for (int i = 0; i < 3; i++) {
            AuditEntry e = Governance.auditLog(store, key).append(decide("PUBLIC"), Set.of("name"));
            assertThat(e.signer()).isEqualTo(key.keyId());
        }
        assertThat(Governance.auditLog(store).verify(trusted, null).intact()).isTrue();
        assertThatThrownBy(() -> Governance.auditLog(store).append(decide("PUBLIC"), Set.of()))
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems().get(0).code().id()).isEqualTo("GOV-0034"));
        Governance.auditLog(store, AuditSigningKey.generate()).append(decide("PUBLIC"), Set.of());
        AuditVerification v = Governance.auditLog(store).verify(trusted, null);
        AuditTamperTest.assertBroken(v, "GOV-0031", 4, "problem.audit.other-key");
        assertThat(v.problems().get(0).location().file()).isEqualTo("db:audit_records");
    }

    /** A server opens a log per request: appends through many logs over one store object still take turns. */
    @Test
    void appendsThroughManyLogsOverOneStoreTakeTurns() throws Exception {
        List<String> table = Collections.synchronizedList(new ArrayList<>());
        AuditStore store = new AuditStore() {
            @Override
            public void append(String line) {
                table.add(line);
            }

            @Override
            public List<String> lines() {
                return List.copyOf(table);
            }

            @Override
            public String name() {
                return "db:audit_records";
            }
        };
        AuditSigningKey key = AuditSigningKey.generate();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuditEntry>> appended = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            appended.add(pool.submit(() -> Governance.auditLog(store, key).append(decide("PUBLIC"), Set.of())));
        }
        Set<Long> sequences = new HashSet<>();
        for (Future<AuditEntry> f : appended) {
            sequences.add(f.get().sequence());
        }
        pool.shutdown();
        assertThat(sequences).hasSize(40);
        AuditVerification v = Governance.auditLog(store).verify(List.of(key.publicKey()), null);
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.records()).isEqualTo(40);
    }

    @Test
    void signedAppendsFromEightThreadsStayOneVerifiableChain() throws Exception {
        Path file = dir.resolve("concurrent.jsonl");
        AuditSigningKey key = AuditSigningKey.generate();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            ids.add(pool.submit(() -> Governance.auditLog(file, key).append(decide(n % 3 == 0 ? "PUBLIC" : "STAFF_GENERAL"), Set.of())
                    .decisionId()));
        }
        Set<String> written = new HashSet<>();
        for (Future<String> f : ids) {
            written.add(f.get());
        }
        pool.shutdown();
        AuditVerification v = Governance.auditLog(file).verify(List.of(key.publicKey()), null);
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.records()).isEqualTo(40);
        assertThat(Governance.auditLog(file).entries()).extracting(AuditEntry::decisionId).containsExactlyInAnyOrderElementsOf(written);
    }
}
