package io.github.aigov.governance.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.aigov.governance.audit.AuditSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an auditor writes from the documentation of the line format alone (audit-line.schema.json),
 * without the library's code: the canonical form of a line as plain Jackson writes a map with its
 * keys sorted, the hash over it without {@code hash} and {@code sig}, the signature over it without
 * {@code sig}. The tests check the library's lines against it, and use it as an attacker's tool to
 * rewrite lines consistently.
 */
final class IndependentAuditor {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private IndependentAuditor() {
    }

    static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String canonical(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String hash(Map<String, Object> line) {
        Map<String, Object> covered = new LinkedHashMap<>(line);
        covered.remove("hash");
        covered.remove("sig");
        return "sha256:" + HexFormat.of().formatHex(sha256(canonical(covered)));
    }

    static boolean signatureVerifies(Map<String, Object> line, PublicKey key) {
        Map<String, Object> signed = new LinkedHashMap<>(line);
        Object sig = signed.remove("sig");
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key);
            v.update(canonical(signed).getBytes(StandardCharsets.UTF_8));
            return v.verify(Base64.getDecoder().decode((String) sig));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How an attacker without the office's key rewrites lines from {@code from} (0-based) on. */
    enum Signatures { KEEP, DROP, OWN_KEY }

    /**
     * Rewrites every line from {@code from} on so that each hash and each previous hash is consistent
     * again, after {@code edit} has changed line {@code from}; signatures kept as they were, dropped,
     * or made with the attacker's own key.
     */
    static List<String> rechain(List<String> lines, int from, java.util.function.UnaryOperator<Map<String, Object>> edit,
                                Signatures signatures, AuditSigningKey attackersKey) {
        List<String> out = new ArrayList<>(lines);
        String prev = from == 0 ? "sha256:" + "0".repeat(64) : (String) parse(lines.get(from - 1)).get("hash");
        for (int i = from; i < lines.size(); i++) {
            Map<String, Object> line = parse(lines.get(i));
            if (i == from) {
                line = edit.apply(line);
            }
            line.put("prev", prev);
            seal(line, signatures, attackersKey);
            out.set(i, canonical(line));
            prev = (String) line.get("hash");
        }
        return out;
    }

    /** A line's hash and signature made anew, as an attacker would. */
    static void seal(Map<String, Object> line, Signatures signatures, AuditSigningKey attackersKey) {
        switch (signatures) {
            case KEEP -> { }
            case DROP -> {
                line.remove("sig");
                line.remove("signer");
            }
            case OWN_KEY -> line.put("signer", attackersKey.keyId());
        }
        line.put("hash", hash(line));
        if (signatures == Signatures.OWN_KEY) {
            Map<String, Object> signed = new LinkedHashMap<>(line);
            signed.remove("sig");
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(attackersKey.privateKey());
                s.update(canonical(signed).getBytes(StandardCharsets.UTF_8));
                line.put("sig", Base64.getEncoder().encodeToString(s.sign()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
