package io.github.aigov.governance.rules.internal.audit;

import io.github.aigov.governance.rules.internal.json.CanonicalJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.audit.AuditSigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an audit log, read strictly, in either of its two formats (see
 * {@code audit-line.schema.json}).
 *
 * <p>Format 2: {@code {"decisionId","hash","prev","record","seq","sig"?,"signer"?,"v":2}}, written
 * in canonical form ({@link CanonicalJson}); {@code hash} is {@code sha256:} and the hex SHA-256 of
 * the canonical form of the line without {@code hash} and {@code sig}, so it covers every other byte;
 * {@code sig}, when present, is the Ed25519 signature (base64) of the canonical form of the line
 * without {@code sig} (so of {@code hash} and {@code signer} too), by the key whose id is {@code signer}.
 *
 * <p>Format 3: {@code {"hash","kind","prev","record","recordId","seq","sig"?,"signer"?,"v":3}}: a
 * record of the CAIO's office ({@link OfficeRecords}) in the same chain, hashed and signed by the
 * same rule as format 2; {@code kind} is the record's kind (never {@code decision}).
 *
 * <p>Format 1 (the first, without {@code v}): {@code {"seq","prev","hash","decisionId","record"}},
 * where {@code hash} covered only {@code prev + "\n" + record} as stored. Read, and checked by that
 * rule, so that logs written before format 2 stay readable.
 */
final class AuditLine {
    static final int FORMAT = 2;
    static final int LEGACY_FORMAT = 1;
    static final int OFFICE_FORMAT = 3;
    static final String DECISION = "decision";
    static final String GENESIS = "sha256:" + "0".repeat(64);
    /** The longest line read (UTF-8 bytes): a record is tens of kilobytes; this leaves room for any profile text. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
    private static final Set<String> FIELDS = Set.of("v", "seq", "prev", "hash", "decisionId", "record", "signer", "sig");
    private static final Set<String> OFFICE_FIELDS = Set.of("v", "seq", "prev", "hash", "kind", "recordId", "record", "signer", "sig");
    private static final Set<String> LEGACY_FIELDS = Set.of("seq", "prev", "hash", "decisionId", "record");
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonFactory STREAM = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    final int format;
    final long seq;
    final String prev;
    final String hash;
    /** The decision's id; {@code null} in format 3. */
    final String decisionId;
    /** {@value #DECISION} for formats 1 and 2, the office record's kind in format 3. */
    final String kind;
    /** The decision's id, or the office record's. */
    final String recordId;
    /** The record's JSON: canonical in format 2, exactly as stored in format 1. */
    final String record;
    final ObjectNode recordNode;
    final String signer;
    final byte[] signature;
    private final String hashed;
    private final String signed;
    private final boolean canonical;

    private AuditLine(int format, long seq, String prev, String hash, String decisionId, String record, ObjectNode recordNode,
                      String signer, byte[] signature, String hashed, String signed, boolean canonical) {
        this(format, seq, prev, hash, decisionId, DECISION, decisionId, record, recordNode, signer, signature, hashed, signed, canonical);
    }

    private AuditLine(int format, long seq, String prev, String hash, String decisionId, String kind, String recordId, String record,
                      ObjectNode recordNode, String signer, byte[] signature, String hashed, String signed, boolean canonical) {
        this.kind = kind;
        this.recordId = recordId;
        this.format = format;
        this.seq = seq;
        this.prev = prev;
        this.hash = hash;
        this.decisionId = decisionId;
        this.record = record;
        this.recordNode = recordNode;
        this.signer = signer;
        this.signature = signature;
        this.hashed = hashed;
        this.signed = signed;
        this.canonical = canonical;
    }

    /** Why a line is not a well-formed audit line: a message key and its arguments. */
    static final class Malformed extends Exception {
        private final transient Message message;

        Malformed(String key, Object... args) {
            super(key, null, false, false);
            this.message = Message.of(key, args);
        }

        Message message() {
            return message;
        }
    }

    /** A line ready to append, and its hash. */
    record Written(String line, String hash) {
    }

    /** The format-2 line of a record (already canonical), signed when a key is given. */
    static Written write(long seq, String prev, String decisionId, String record, AuditSigningKey key) {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("decisionId", CanonicalJson.string(decisionId));
        return write(m, FORMAT, seq, prev, record, key);
    }

    /** The format-3 line of an office record (already canonical), signed when a key is given. */
    static Written writeOffice(long seq, String prev, String kind, String recordId, String record, AuditSigningKey key) {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("kind", CanonicalJson.string(kind));
        m.put("recordId", CanonicalJson.string(recordId));
        return write(m, OFFICE_FORMAT, seq, prev, record, key);
    }

    private static Written write(SortedMap<String, String> m, int format, long seq, String prev, String record, AuditSigningKey key) {
        m.put("prev", CanonicalJson.string(prev));
        m.put("record", record);
        m.put("seq", Long.toString(seq));
        m.put("v", Integer.toString(format));
        if (key != null) {
            m.put("signer", CanonicalJson.string(key.keyId()));
        }
        String hash = sha256(CanonicalJson.object(m));
        m.put("hash", CanonicalJson.string(hash));
        if (key != null) {
            m.put("sig", CanonicalJson.string(Base64.getEncoder().encodeToString(sign(key, CanonicalJson.object(m)))));
        }
        return new Written(CanonicalJson.object(m), hash);
    }

    /** Reads a line strictly; refused with what is wrong when it is not a well-formed line of either format. */
    static AuditLine read(String text) throws Malformed {
        if (text.isBlank()) {
            throw new Malformed("problem.audit.empty");
        }
        if (text.length() > MAX_LINE_BYTES || utf8Length(text) > MAX_LINE_BYTES) {
            throw new Malformed("problem.audit.too-long", MAX_LINE_BYTES);
        }
        JsonNode tree;
        try {
            tree = TREE.readTree(text);
        } catch (JsonProcessingException e) {
            Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (dup.find()) {
                throw new Malformed("problem.audit.duplicate-key", dup.group(1));
            }
            throw new Malformed("problem.audit.not-json", e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode line)) {
            throw new Malformed("problem.audit.not-object");
        }
        return line.has("v") ? readFormat2(line, text) : readLegacy(line, text);
    }

    private static AuditLine readFormat2(ObjectNode line, String text) throws Malformed {
        JsonNode v = line.get("v");
        boolean office = v.isIntegralNumber() && v.bigIntegerValue().equals(java.math.BigInteger.valueOf(OFFICE_FORMAT));
        if (!office && (!v.isIntegralNumber() || !v.bigIntegerValue().equals(java.math.BigInteger.valueOf(FORMAT)))) {
            throw new Malformed("problem.audit.format", v.toString());
        }
        fields(line, office ? OFFICE_FIELDS : FIELDS);
        long seq = sequence(line);
        String prev = hashField(line, "prev");
        String hash = hashField(line, "hash");
        String decisionId = office ? null : text(line, "decisionId");
        String kind = office ? text(line, "kind") : DECISION;
        if (office && io.github.aigov.governance.audit.OfficeRecord.Kind.of(kind) == null) {
            throw new Malformed("problem.audit.kind", kind);
        }
        String recordId = office ? text(line, "recordId") : decisionId;
        ObjectNode record = recordField(line);
        String signer = null;
        byte[] signature = null;
        if (line.has("signer") || line.has("sig")) {
            signer = hashField(line, "signer");
            String sig = text(line, "sig");
            try {
                signature = Base64.getDecoder().decode(sig);
            } catch (IllegalArgumentException e) {
                throw new Malformed("problem.audit.field-value", "sig");
            }
            if (signature.length != 64 || !Base64.getEncoder().encodeToString(signature).equals(sig)) {
                throw new Malformed("problem.audit.field-value", "sig");
            }
        }
        SortedMap<String, String> members = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                members.put(e.getKey(), CanonicalJson.write(e.getValue()));
            } catch (CanonicalJson.NotCanonical n) {
                throw new Malformed("problem.audit.value", e.getKey(), n.getMessage());
            }
        }
        String whole = CanonicalJson.object(members);
        members.remove("sig");
        String signed = CanonicalJson.object(members);
        members.remove("hash");
        String hashed = CanonicalJson.object(members);
        return new AuditLine(office ? OFFICE_FORMAT : FORMAT, seq, prev, hash, decisionId, kind, recordId, members.get("record"), record,
                signer, signature, hashed, signed, whole.equals(text));
    }

    private static AuditLine readLegacy(ObjectNode line, String text) throws Malformed {
        fields(line, LEGACY_FIELDS);
        long seq = sequence(line);
        String prev = hashField(line, "prev");
        String hash = hashField(line, "hash");
        String decisionId = text(line, "decisionId");
        ObjectNode record = recordField(line);
        String raw = rawRecord(text);
        return new AuditLine(LEGACY_FORMAT, seq, prev, hash, decisionId, raw, record, null, null, prev + "\n" + raw, null, true);
    }

    private static void fields(ObjectNode line, Set<String> allowed) throws Malformed {
        for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new Malformed("problem.audit.unknown-field", name);
            }
        }
        for (String name : allowed) {
            if (!line.has(name) && !name.equals("signer") && !name.equals("sig")) {
                throw new Malformed("problem.audit.missing-field", name);
            }
        }
    }

    private static long sequence(ObjectNode line) throws Malformed {
        JsonNode n = line.get("seq");
        if (!n.isIntegralNumber() || n.bigIntegerValue().signum() <= 0
                || n.bigIntegerValue().compareTo(CanonicalJson.MAX_SAFE_INTEGER) > 0) {
            throw new Malformed("problem.audit.field-value", "seq");
        }
        return n.longValue();
    }

    private static String hashField(ObjectNode line, String name) throws Malformed {
        JsonNode n = line.get(name);
        if (n == null) {
            throw new Malformed("problem.audit.missing-field", name);
        }
        if (!n.isTextual() || !HASH.matcher(n.textValue()).matches()) {
            throw new Malformed("problem.audit.field-value", name);
        }
        return n.textValue();
    }

    private static String text(ObjectNode line, String name) throws Malformed {
        JsonNode n = line.get(name);
        if (n == null) {
            throw new Malformed("problem.audit.missing-field", name);
        }
        if (!n.isTextual() || n.textValue().isEmpty()) {
            throw new Malformed("problem.audit.field-value", name);
        }
        return n.textValue();
    }

    private static ObjectNode recordField(ObjectNode line) throws Malformed {
        if (!(line.get("record") instanceof ObjectNode record)) {
            throw new Malformed("problem.audit.field-value", "record");
        }
        return record;
    }

    /** The record's text exactly as stored in a format-1 line (which the format-1 hash covers). */
    private static String rawRecord(String line) throws Malformed {
        try (JsonParser p = STREAM.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("record") && t == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getCharOffset();
                    return line.substring(start, end);
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            throw new Malformed("problem.audit.not-json", e.getMessage());
        }
        throw new Malformed("problem.audit.missing-field", "record");
    }

    /** The sequence number a line states, read leniently (to tell a reordered record from a removed one); 0 if none. */
    static long statedSequence(String line) {
        try (JsonParser p = STREAM.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("seq") && t == JsonToken.VALUE_NUMBER_INT) {
                    return p.getLongValue();
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** The hash this line's content has, by its format's rule. */
    String computedHash() {
        return sha256(hashed);
    }

    /** Whether the line is exactly its canonical form (format 2), so that every byte of it is covered. */
    boolean canonical() {
        return canonical;
    }

    boolean signed() {
        return signer != null;
    }

    /** Whether the signature verifies with this key. */
    boolean signatureVerifies(PublicKey key) {
        try {
            Signature v = Signature.getInstance(AuditSigningKey.ALGORITHM);
            v.initVerify(key);
            v.update(signed.getBytes(StandardCharsets.UTF_8));
            return v.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] sign(AuditSigningKey key, String text) {
        try {
            Signature s = Signature.getInstance(AuditSigningKey.ALGORITHM);
            s.initSign(key.privateKey());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an audit line could not be signed", e);
        }
    }

    static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
