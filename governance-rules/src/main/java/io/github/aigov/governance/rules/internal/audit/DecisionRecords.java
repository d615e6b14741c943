package io.github.aigov.governance.rules.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decision records: a decision as one self-contained, canonical JSON object (keys sorted, no
 * whitespace), with chosen profile fields redacted and listed under {@code redacted}. The canonical
 * form is what the audit log hashes.
 */
public final class DecisionRecords {
    /** What a record may redact: nothing the decision depends on, so a redacted record still replays. */
    public static final Set<String> REDACTABLE = Set.of("name", "organisation", "description", "model.name", "model.vendor");
    public static final String REDACTED = "[REDACTED]";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DecisionRecords() {
    }

    public static String toRecord(Decision decision, Set<String> sensitive) {
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
        Decision d = new Decision(decision.schemaVersion(), decision.decisionId(), decision.decidedAt(), decision.definitions(),
                decision.profileHash(), shown, decision.classification(), decision.classificationReason(), decision.axes(),
                decision.escalation(), decision.items(), decision.obligations(), decision.trace());
        ObjectNode node = MAPPER.valueToTree(io.github.aigov.governance.rules.internal.json.DecisionWire.of(d));
        ArrayNode list = node.putArray("redacted");
        redacted.forEach(list::add);
        return canonical(node);
    }

    private static String pick(Set<String> redacted, String field, String value) {
        return redacted.contains(field) ? REDACTED : value;
    }

    /** Reads a record back into a decision (its redacted fields stay redacted). */
    public static Decision fromRecord(String record) {
        try {
            JsonNode node = MAPPER.readTree(record);
            if (!(node instanceof ObjectNode o)) {
                throw bad("not a JSON object");
            }
            o.remove("redacted");
            return MAPPER.treeToValue(o, io.github.aigov.governance.rules.internal.json.DecisionWire.class).toDecision();
        } catch (JsonProcessingException e) {
            throw bad(e.getOriginalMessage());
        }
    }

    /** The redacted fields a record lists. */
    public static List<String> redacted(String record) {
        try {
            List<String> out = new ArrayList<>();
            MAPPER.readTree(record).path("redacted").forEach(n -> out.add(n.asText()));
            return out;
        } catch (JsonProcessingException e) {
            throw bad(e.getOriginalMessage());
        }
    }

    private static GovernanceException bad(String detail) {
        return new GovernanceException(List.of(Problem.error(ProblemCode.YAML_SYNTAX, Location.of("<record>"),
                Message.of("problem.yaml.syntax", detail), null)));
    }

    /** Canonical JSON: object keys sorted at every depth, no insignificant whitespace. */
    public static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written", e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), sorted(e.getValue()));
            }
            return m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(n -> l.add(sorted(n)));
            return l;
        }
        return node;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
