package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.audit.AuditSigningKey;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.cli.GovernanceCli;
import io.github.aigov.governance.server.Http.Response;
import io.github.aigov.governance.server.TestServers.Caller;
import io.github.aigov.governance.server.TestServers.Db;
import io.github.aigov.governance.server.TestServers.Server;
import io.github.aigov.governance.server.security.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Every stored decision is signed with the service's key, as the command line signs: the export
 * verifies with the library's verifier given the public key the service publishes, and an edited
 * export, or one checked with another key, does not.
 */
class AuditSigningTest {

    @ParameterizedTest
    @EnumSource(Db.class)
    void the_export_verifies_with_the_published_key_and_an_edited_one_does_not(Db db, @TempDir Path dir) throws Exception {
        Server server = TestServers.get(db);
        String org = server.organisation();
        Caller officer = server.caller(Role.OFFICER, org);
        Response created = officer.http().post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.CHATBOT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(officer.http().put("/api/v1/systems/" + id + "/profile", "application/yaml",
                Profiles.yaml(Profiles.CHATBOT).replace("users: PUBLIC", "users: STAFF_GENERAL")).status()).isEqualTo(200);
        assertThat(officer.http().post("/api/v1/systems", "application/yaml", Profiles.yaml(Profiles.MINUTES)).status()).isEqualTo(201);

        // Any user may fetch the public key (it is public); nobody without a token.
        Response pem = officer.http().get("/api/v1/audit/public-key");
        assertThat(pem.status()).as(pem.toString()).isEqualTo(200);
        assertThat(pem.contentType()).startsWith("application/x-pem-file");
        assertThat(pem.text()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(officer.http().as(null).get("/api/v1/audit/public-key").status()).isEqualTo(401);
        Path publicFile = dir.resolve("server.pub");
        Files.write(publicFile, pem.body());
        PublicKey key = Governance.readAuditPublicKey(publicFile);
        assertThat(pem.headers().firstValue("Audit-Key-Id")).contains(AuditSigningKey.keyId(key));

        Response export = server.caller(Role.AUDITOR, org).http().get("/api/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        Path log = dir.resolve("audit.jsonl");
        Files.write(log, export.body());

        AuditVerification ok = Governance.auditLog(log).verify(List.of(key), null);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.records()).isEqualTo(3);
        assertThat(ok.signaturesVerified()).isTrue();
        assertThat(ok.unsignedRecords()).isZero();
        assertThat(ok.signers()).containsExactly(java.util.Map.entry(AuditSigningKey.keyId(key), 3L));
        // ... and with the command line, as an auditor would check it.
        assertThat(cli("audit", "verify", log.toString(), "--public-key", publicFile.toString(), "--lang", "en")).isZero();

        // An edited record (the second revision's users put back), or another key, is found.
        List<String> lines = new ArrayList<>(export.text().lines().toList());
        assertThat(lines.get(1)).contains("STAFF_GENERAL");
        lines.set(1, lines.get(1).replace("STAFF_GENERAL", "PUBLIC"));
        Path edited = dir.resolve("edited.jsonl");
        Files.writeString(edited, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        AuditVerification broken = Governance.auditLog(edited).verify(List.of(key), null);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.records()).isEqualTo(1);
        assertThat(broken.problems()).extracting(Problem::location).extracting(l -> l.line()).containsExactly(2);
        assertThat(cli("audit", "verify", edited.toString(), "--public-key", publicFile.toString(), "--lang", "en")).isNotZero();

        AuditVerification otherKey = Governance.auditLog(log).verify(List.of(AuditSigningKey.generate().publicKey()), null);
        assertThat(otherKey.intact()).isFalse();
        assertThat(otherKey.problems()).extracting(p -> p.code().id()).containsExactly("GOV-0031");

        // The key lives in the data folder, readable by its owner only.
        Path keyFile = server.data().resolve("audit-signing.key");
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Governance.readAuditSigningKey(keyFile).keyId()).isEqualTo(AuditSigningKey.keyId(key));
    }

    private static int cli(String... args) {
        StringWriter out = new StringWriter();
        return new CommandLine(new GovernanceCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
    }
}
