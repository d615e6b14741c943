package io.github.aigov.governance.rules.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.audit.OfficeRecord;
import io.github.aigov.governance.rules.internal.json.CanonicalJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records of the CAIO's office as JSON (see {@code office-record.schema.json}): written in canonical
 * form, read back strictly.
 */
public final class OfficeRecords {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
    private static final Set<String> ENVELOPE = Set.of("schemaVersion", "kind", "recordId", "recordedAt", "recordedBy", "organisation",
            "system", "about", "content", "redacted");

    private OfficeRecords() {
    }

    /** Why a record is not a record of the office: a message key and its arguments. */
    public static final class InvalidRecord extends Exception {
        private final transient Message message;

        InvalidRecord(Message message) {
            super(message.key(), null, false, false);
            this.message = message;
        }

        InvalidRecord(String key, Object... args) {
            this(Message.of(key, args));
        }

        public Message message() {
            return message;
        }
    }

    /** The record's canonical JSON, the named free texts redacted. */
    public static String toJson(OfficeRecord record, Set<String> sensitive) {
        try {
            return CanonicalJson.write(tree(record.redact(sensitive)));
        } catch (CanonicalJson.NotCanonical e) {
            throw new IllegalStateException("an office record without a canonical form: " + e.getMessage(), e);
        }
    }

    static ObjectNode tree(OfficeRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("schemaVersion", OfficeRecord.SCHEMA_VERSION);
        o.put("kind", r.kind().id());
        o.put("recordId", r.recordId());
        o.put("recordedAt", r.recordedAt().toString());
        ObjectNode by = o.putObject("recordedBy");
        by.put("name", r.recordedBy().name());
        by.put("role", r.recordedBy().role());
        o.put("organisation", r.organisation());
        if (r.system() != null) {
            ObjectNode s = o.putObject("system");
            s.put("id", r.system().id());
            s.put("profileId", r.system().profileId());
            if (r.system().revision() != null) {
                s.put("revision", r.system().revision().intValue());
            }
        }
        if (r.about() != null) {
            ObjectNode a = o.putObject("about");
            a.put("decisionId", r.about().decisionId());
            a.put("auditSeq", r.about().auditSeq());
            if (r.about().decisionHash() != null) {
                a.put("decisionHash", r.about().decisionHash());
            }
        }
        ObjectNode c = o.putObject("content");
        for (Map.Entry<String, Object> e : r.content().entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s) {
                c.put(e.getKey(), s);
            } else if (v instanceof Boolean b) {
                c.put(e.getKey(), b);
            } else if (v instanceof Long n) {
                c.put(e.getKey(), n);
            } else if (v instanceof Map<?, ?> m) {
                ObjectNode map = c.putObject(e.getKey());
                m.forEach((k, x) -> map.put((String) k, (String) x));
            }
        }
        if (!r.redacted().isEmpty()) {
            r.redacted().forEach(o.putArray("redacted")::add);
        }
        return o;
    }

    /** Reads a record strictly; refused with {@code GOV-0036} naming what is wrong. */
    public static OfficeRecord fromJson(String json) {
        try {
            JsonNode node;
            try {
                node = STRICT.readTree(json);
            } catch (JsonProcessingException e) {
                Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
                if (dup.find()) {
                    throw new InvalidRecord("problem.office.duplicate-key", dup.group(1));
                }
                throw new InvalidRecord("problem.record.not-json", e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode o)) {
                throw new InvalidRecord("problem.record.not-object");
            }
            return read(o);
        } catch (InvalidRecord e) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.OFFICE_RECORD_INVALID, Location.of("<office record>"),
                    e.message(), Message.of("hint.office.invalid"))));
        }
    }

    /** The record this JSON holds, if it is exactly a record of the office of a schema version this library reads. */
    static OfficeRecord read(ObjectNode o) throws InvalidRecord {
        JsonNode version = o.get("schemaVersion");
        if (version == null || !version.isTextual() || !OfficeRecord.SCHEMA_VERSION.equals(version.textValue())) {
            throw new InvalidRecord("problem.office.schema-version", version == null ? "-" : version.toString(), OfficeRecord.SCHEMA_VERSION);
        }
        members(o, "", ENVELOPE, Set.of("schemaVersion", "kind", "recordId", "recordedAt", "recordedBy", "organisation", "content"));
        String kindName = text(o, "kind");
        OfficeRecord.Kind kind = OfficeRecord.Kind.of(kindName);
        if (kind == null) {
            throw new InvalidRecord("problem.office.kind", kindName);
        }
        Instant at;
        try {
            at = Instant.parse(text(o, "recordedAt"));
        } catch (DateTimeParseException e) {
            throw new InvalidRecord("problem.office.field", "recordedAt");
        }
        ObjectNode by = object(o, "recordedBy");
        members(by, "recordedBy.", Set.of("name", "role"), Set.of("name", "role"));
        OfficeRecord.SystemRef system = null;
        if (o.has("system")) {
            ObjectNode s = object(o, "system");
            members(s, "system.", Set.of("id", "profileId", "revision"), Set.of("id", "profileId"));
            Integer revision = null;
            if (s.has("revision")) {
                JsonNode n = s.get("revision");
                if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                    throw new InvalidRecord("problem.office.field", "system.revision");
                }
                revision = n.intValue();
            }
            system = new OfficeRecord.SystemRef(text(s, "id"), text(s, "profileId"), revision);
        }
        OfficeRecord.DecisionRef about = null;
        if (o.has("about")) {
            ObjectNode a = object(o, "about");
            members(a, "about.", Set.of("decisionId", "auditSeq", "decisionHash"), Set.of("decisionId", "auditSeq"));
            JsonNode seq = a.get("auditSeq");
            if (!seq.isIntegralNumber() || !seq.canConvertToLong()) {
                throw new InvalidRecord("problem.office.field", "about.auditSeq");
            }
            about = new OfficeRecord.DecisionRef(text(a, "decisionId"), seq.longValue(), a.has("decisionHash") ? text(a, "decisionHash") : null);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        ObjectNode c = object(o, "content");
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                content.put(e.getKey(), v.textValue());
            } else if (v.isBoolean()) {
                content.put(e.getKey(), v.booleanValue());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                content.put(e.getKey(), v.longValue());
            } else if (v instanceof ObjectNode m) {
                Map<String, String> texts = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> mt = m.fields(); mt.hasNext(); ) {
                    Map.Entry<String, JsonNode> x = mt.next();
                    if (!x.getValue().isTextual()) {
                        throw new InvalidRecord("problem.office.field", "content." + e.getKey() + "." + x.getKey());
                    }
                    texts.put(x.getKey(), x.getValue().textValue());
                }
                content.put(e.getKey(), texts);
            } else {
                throw new InvalidRecord("problem.office.field", "content." + e.getKey());
            }
        }
        List<String> redacted = new ArrayList<>();
        if (o.has("redacted")) {
            JsonNode r = o.get("redacted");
            if (!r.isArray() || r.isEmpty()) {
                throw new InvalidRecord("problem.office.field", "redacted");
            }
            for (JsonNode n : r) {
                if (!n.isTextual()) {
                    throw new InvalidRecord("problem.office.field", "redacted");
                }
                redacted.add(n.textValue());
            }
        }
        try {
            return new OfficeRecord(kind, text(o, "recordId"), at, new OfficeRecord.Actor(text(by, "name"), text(by, "role")),
                    text(o, "organisation"), system, about, content, redacted);
        } catch (GovernanceException e) {
            throw new InvalidRecord(e.problems().get(0).message());
        }
    }

    private static void members(ObjectNode o, String prefix, Set<String> allowed, Set<String> required) throws InvalidRecord {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new InvalidRecord("problem.office.unknown", prefix + name);
            }
        }
        for (String name : required) {
            if (!o.has(name)) {
                throw new InvalidRecord("problem.office.missing", prefix + name);
            }
        }
    }

    private static String text(ObjectNode o, String name) throws InvalidRecord {
        JsonNode n = o.get(name);
        if (n == null || !n.isTextual()) {
            throw new InvalidRecord("problem.office.field", name);
        }
        return n.textValue();
    }

    private static ObjectNode object(ObjectNode o, String name) throws InvalidRecord {
        if (!(o.get(name) instanceof ObjectNode x)) {
            throw new InvalidRecord("problem.office.field", name);
        }
        return x;
    }
}
