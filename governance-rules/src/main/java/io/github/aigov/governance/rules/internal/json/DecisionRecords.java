package io.github.aigov.governance.rules.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decision records: a decision as one self-contained JSON object in canonical form
 * ({@link CanonicalJson}), with chosen profile fields redacted and listed under {@code redacted}.
 * A redacted record's {@code profileHash} is the hash of the profile as recorded, so nothing in it
 * depends on a redacted value. Records are read strictly: exactly a decision record of a schema
 * version this library reads, or refused with what is wrong.
 */
public final class DecisionRecords {
    /** What a record may redact: nothing the decision depends on, so a redacted record still replays. */
    public static final Set<String> REDACTABLE = Set.of("name", "organisation", "description", "model.name", "model.vendor");
    public static final String REDACTED = "[REDACTED]";

    private static final ObjectMapper MAPPER = DecisionJson.base()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Reads records: a duplicate key, an unknown field or trailing text is refused. */
    private static final ObjectMapper STRICT = DecisionJson.base()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** A record of the library's own schema version names every field its schema has. */
    private static final ObjectMapper STRICT_CURRENT = STRICT.copy()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private DecisionRecords() {
    }

    /** Why a record is not a decision record: a message key and its arguments. */
    public static final class InvalidRecord extends Exception {
        private final transient Message message;

        InvalidRecord(String key, Object... args) {
            super(key, null, false, false);
            this.message = Message.of(key, args);
        }

        public Message message() {
            return message;
        }
    }

    public static String toRecord(Decision decision, Set<String> sensitive) {
        try {
            return CanonicalJson.write(toRecordNode(decision, sensitive));
        } catch (CanonicalJson.NotCanonical e) {
            throw new IllegalStateException("a record has no canonical form: " + e.getMessage(), e);
        }
    }

    /** The record as a tree, redacted. */
    public static ObjectNode toRecordNode(Decision decision, Set<String> sensitive) {
        Set<String> redacted = new TreeSet<>(sensitive == null ? Set.of() : sensitive);
        List<Problem> problems = new ArrayList<>();
        for (String field : redacted) {
            if (!REDACTABLE.contains(field)) {
                problems.add(Problem.error(ProblemCode.NOT_REDACTABLE, new Location("<record>", 0, 0, "profile." + field),
                        Message.of("problem.record.not-redactable", field), Message.of("hint.one-of", String.join(", ", new TreeSet<>(REDACTABLE)))));
            }
        }
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
        ProjectProfile p = decision.profile();
        ProjectProfile shown = new ProjectProfile(p.id(), pick(redacted, "name", p.name()), pick(redacted, "organisation", p.organisation()),
                pick(redacted, "description", p.description()), p.scope(),
                new ProjectProfile.Model(pick(redacted, "model.name", p.model().name()), pick(redacted, "model.vendor", p.model().vendor())),
                p.procurement(), p.axes());
        // The unredacted profile's hash would confirm a guess of a redacted value: hash what is kept.
        String profileHash = redacted.isEmpty() ? decision.profileHash() : DecisionJson.profileHash(shown);
        Decision d = new Decision(decision.schemaVersion(), decision.decisionId(), decision.decidedAt(), decision.definitions(),
                profileHash, shown, decision.classification(), decision.classificationReason(), decision.axes(),
                decision.escalation(), decision.items(), decision.obligations(), decision.trace());
        ObjectNode node = MAPPER.valueToTree(DecisionWire.of(d));
        ArrayNode list = node.putArray("redacted");
        redacted.forEach(list::add);
        return node;
    }

    private static String pick(Set<String> redacted, String field, String value) {
        return redacted.contains(field) ? REDACTED : value;
    }

    /**
     * Reads a record back into a decision (its redacted fields stay redacted).
     *
     * @throws GovernanceException ({@code GOV-0029}) if it is not exactly a decision record
     */
    public static Decision fromRecord(String record) {
        try {
            JsonNode node;
            try {
                node = STRICT.readTree(record);
            } catch (JsonProcessingException e) {
                throw new InvalidRecord("problem.record.not-json", e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode o)) {
                throw new InvalidRecord("problem.record.not-object");
            }
            return read(o);
        } catch (InvalidRecord e) {
            throw new GovernanceException(List.of(Problem.error(ProblemCode.AUDIT_LINE_INVALID, Location.of("<record>"),
                    e.message(), Message.of("hint.record.invalid"))));
        }
    }

    /**
     * The decision a record holds, if it is exactly a decision record of a schema version this library
     * reads: every field of that version's schema and no other, each of its kind, every source it names
     * present and every one it describes named, and its redacted fields holding {@value #REDACTED}.
     */
    public static Decision read(ObjectNode record) throws InvalidRecord {
        JsonNode version = record.get("schemaVersion");
        if (version == null || !version.isTextual() || !readable(version.textValue())) {
            throw new InvalidRecord("problem.record.schema-version", version == null ? "-" : version.toString(), readableVersions());
        }
        // A shallow copy without "redacted": nothing below is changed.
        ObjectNode body = record.objectNode();
        record.fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));
        JsonNode redactedNode = body.remove("redacted");
        List<String> redacted = redactedFields(redactedNode);
        boolean current = Decision.SCHEMA_VERSION.equals(version.textValue());
        DecisionWire wire;
        try {
            wire = (current ? STRICT_CURRENT : STRICT).treeToValue(body, DecisionWire.class);
        } catch (JsonMappingException e) {
            throw new InvalidRecord("problem.record.field", path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidRecord("problem.record.field", "-", e.getOriginalMessage());
        }
        Decision decision;
        try {
            decision = wire.toDecision();
        } catch (RuntimeException e) {
            throw new InvalidRecord("problem.record.field", "-", String.valueOf(e.getMessage()));
        }
        for (RecordComponent c : Decision.class.getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(decision) == null) {
                    throw new InvalidRecord("problem.record.field-missing", c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        // Every value as the library reads it, written back, is the value recorded: nothing coerced,
        // nothing described that the decision does not name.
        String differs = firstDifference(body, DecisionWire.inSchema(version.textValue(), MAPPER.valueToTree(DecisionWire.of(decision))), "");
        if (differs != null) {
            throw new InvalidRecord("problem.record.field-differs", differs);
        }
        for (String field : redacted) {
            JsonNode value = body.path("profile").at("/" + field.replace('.', '/'));
            if (!REDACTED.equals(value.textValue())) {
                throw new InvalidRecord("problem.record.redacted", field);
            }
        }
        return decision;
    }

    private static List<String> redactedFields(JsonNode node) throws InvalidRecord {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw new InvalidRecord("problem.record.field-value", "redacted");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || !REDACTABLE.contains(n.textValue()) || !seen.add(n.textValue())) {
                throw new InvalidRecord("problem.record.field-value", "redacted");
            }
            out.add(n.textValue());
        }
        return out;
    }

    /** The path of the first value of {@code recorded} that {@code written} does not hold alike; {@code null} if none. */
    private static String firstDifference(JsonNode recorded, JsonNode written, String path) {
        if (recorded.isObject()) {
            if (!written.isObject()) {
                return path.isEmpty() ? "/" : path;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode w = written.get(e.getKey());
                String p = path + "/" + e.getKey();
                if (w == null) {
                    return p;
                }
                String d = firstDifference(e.getValue(), w, p);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (recorded.isArray()) {
            if (!written.isArray() || written.size() != recorded.size()) {
                return path;
            }
            for (int i = 0; i < recorded.size(); i++) {
                String d = firstDifference(recorded.get(i), written.get(i), path + "/" + i);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (recorded.isNumber() && written.isNumber()) {
            return recorded.isIntegralNumber() && written.isIntegralNumber()
                    && recorded.bigIntegerValue().equals(written.bigIntegerValue()) ? null : path;
        }
        return recorded.equals(written) ? null : path;
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            s.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return s.isEmpty() ? "/" : s.toString();
    }

    /** Schema versions 1 up to the library's own: a record of an older version is read by today's library. */
    public static boolean readable(String version) {
        if (!version.matches("[1-9][0-9]{0,8}")) {
            return false;
        }
        return Integer.parseInt(version) <= Integer.parseInt(Decision.SCHEMA_VERSION);
    }

    private static String readableVersions() {
        int current = Integer.parseInt(Decision.SCHEMA_VERSION);
        return current == 1 ? "1" : "1–" + current;
    }
}
