package io.github.aigov.governance.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.audit.AuditVerification;
import io.github.aigov.governance.server.Http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** Checks on an organisation's exported chain, as an auditor makes them. */
final class Chains {
    private Chains() {
    }

    /** The service's public key, as it publishes it. */
    static PublicKey publicKey(Http http, Path dir) {
        Response pem = http.get("/api/v1/audit/public-key");
        assertThat(pem.status()).as(pem.toString()).isEqualTo(200);
        try {
            Path file = Files.createTempFile(dir, "server", ".pub");
            Files.write(file, pem.body());
            return Governance.readAuditPublicKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Exports the chain with {@code exporter} (a CAIO's or an auditor's client), checks that it
     * verifies whole, signed with {@code key}, and returns its lines.
     */
    static List<String> verified(Http exporter, PublicKey key, Path dir) {
        Response export = exporter.get("/api/v1/audit/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        try {
            Path file = Files.createTempFile(dir, "audit", ".jsonl");
            Files.write(file, export.body());
            AuditVerification v = Governance.auditLog(file).verify(List.of(key), null);
            assertThat(v.problems()).isEmpty();
            assertThat(v.intact()).isTrue();
            assertThat(v.signaturesVerified()).isTrue();
            List<String> lines = export.text().lines().toList();
            assertThat(v.records()).isEqualTo(lines.size());
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decision ids of a chain's lines, in order. */
    static List<String> decisionIds(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            ids.add(parse(line).path("decisionId").asText());
        }
        return ids;
    }

    private static JsonNode parse(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
