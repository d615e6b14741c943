package io.github.aigov.governance.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key an audit log's writer signs its records with: an Ed25519 key pair (the JDK's own
 * implementation). The public half is all a verifier needs; its {@linkplain #keyId() id} is written
 * in every signed line, so a verifier holding another key says "signed by another key" rather than
 * "forged". Key files: {@link io.github.aigov.governance.Governance#writeAuditKeys} and
 * {@link io.github.aigov.governance.Governance#readAuditSigningKey}.
 *
 * @param privateKey the Ed25519 private key; never printed ({@link #toString()} shows the key id only)
 * @param publicKey  its public key
 */
public record AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
    /** The signature algorithm, as the JDK names it. */
    public static final String ALGORITHM = "Ed25519";

    /**
     * @throws IllegalArgumentException if either key is not an Ed25519 key, or the two do not belong together
     */
    public AuditSigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!isEd25519(privateKey) || !isEd25519(publicKey)) {
            throw new IllegalArgumentException("an audit signing key is an Ed25519 key pair");
        }
        if (!belongTogether(privateKey, publicKey)) {
            throw new IllegalArgumentException("the private and the public key do not belong together");
        }
    }

    /** A new key pair from the JDK's strong random source. */
    public static AuditSigningKey generate() {
        try {
            var pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new AuditSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + ALGORITHM, e);
        }
    }

    /** The id of this key: {@link #keyId(PublicKey)} of its public half. */
    public String keyId() {
        return keyId(publicKey);
    }

    /**
     * A public key's id: {@code sha256:} and the hex SHA-256 of its X.509 SubjectPublicKeyInfo
     * (DER) encoding, the bytes inside the PEM file's {@code PUBLIC KEY} block.
     */
    public static String keyId(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static boolean isEd25519(java.security.Key key) {
        return key instanceof EdECKey ed && ALGORITHM.equalsIgnoreCase(ed.getParams().getName());
    }

    /** Whether a signature made with the private key verifies with the public one. */
    private static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = "audit signing key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The key id only: the private key is never printed. */
    @Override
    public String toString() {
        return "AuditSigningKey[" + keyId() + "]";
    }
}
