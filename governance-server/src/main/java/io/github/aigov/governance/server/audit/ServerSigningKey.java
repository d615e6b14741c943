package io.github.aigov.governance.server.audit;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.audit.AuditSigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key the service signs every line of its audit chains with, as {@code ./governance assess
 * --signing-key} signs (Ed25519, {@code docs/audit-log.md}). It comes from configuration
 * ({@code governance.signing-key}, set by {@code serve --signing-key FILE}: a file written by
 * {@code ./governance audit keygen}, which every node over one PostgreSQL must share), or else lives
 * in the data folder: {@code DATA/audit-signing.key} (readable by its owner only) and
 * {@code DATA/audit-signing.pub}, created on the first start. Whoever verifies an export needs only
 * the public key ({@code GET /api/v1/audit/public-key}).
 */
@Component
public class ServerSigningKey {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSigningKey.class);
    static final String PRIVATE_FILE = "audit-signing.key";
    static final String PUBLIC_FILE = "audit-signing.pub";

    private final AuditSigningKey key;
    private final String publicPem;

    public ServerSigningKey(@Value("${governance.data-dir}") String dataDir,
                            @Value("${governance.signing-key:}") String configured) {
        this.key = configured.isBlank() ? inDataFolder(Path.of(dataDir)) : Governance.readAuditSigningKey(Path.of(configured));
        this.publicPem = pem(key);
        LOG.info("Audit records are signed with key {}", key.keyId());
    }

    /** The key, or a new one written to the data folder the first time (owner-only permissions). */
    static AuditSigningKey inDataFolder(Path data) {
        Path privateFile = data.resolve(PRIVATE_FILE);
        if (!Files.exists(privateFile)) {
            try {
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Governance.writeAuditKeys(AuditSigningKey.generate(), privateFile, data.resolve(PUBLIC_FILE));
            } catch (GovernanceException e) {
                // Another process over the same folder wrote it first: use theirs. Anything else stops the start.
                if (!Files.exists(privateFile) || e.problems().stream().anyMatch(p -> p.code() != ProblemCode.AUDIT_KEY_INVALID)) {
                    throw e;
                }
            }
        }
        return Governance.readAuditSigningKey(privateFile);
    }

    /** The signing key. */
    public AuditSigningKey key() {
        return key;
    }

    /** Its public half as a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo), as {@code audit keygen} writes it. */
    public String publicKeyPem() {
        return publicPem;
    }

    private static String pem(AuditSigningKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
