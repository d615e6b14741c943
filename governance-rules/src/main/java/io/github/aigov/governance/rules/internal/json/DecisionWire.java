package io.github.aigov.governance.rules.internal.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Escalation;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.Timing;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decision as it is written in JSON: every definition that decided anything is described once, in
 * {@code sources} (by definition id), and reasons, items and trace events refer to it by that id. A
 * decision names the same few dozen definitions many times over; written in full each time they
 * made up two thirds of a record.
 *
 * <p>A record of schema version 2 or 1 has each trace fact as its text: it reads as a fact of kind
 * {@code TEXT}. A record of schema version 1, written before citations were bilingual and before decisions
 * carried the ministry's duties, has one-language citations and no {@code obligations}: it reads with
 * none.
 */
public record DecisionWire(String schemaVersion, String decisionId, Instant decidedAt, DefinitionsRef definitions,
                           String profileHash, ProjectProfile profile, Classification classification,
                           WireReason classificationReason, List<WireAxis> axes, WireEscalation escalation,
                           List<WireItem> items, List<WireObligation> obligations, List<WireTrace> trace,
                           Map<String, WireSource> sources) {

    public record WireReason(String ruleId, Message message, String source) {
    }

    public record WireAxis(String axis, String option, RiskLevel level, WireReason reason) {
    }

    public record WireEscalation(boolean required, List<WireReason> reasons) {
    }

    public record WireItem(String id, String sheet, String group, ItemStatus status, WireReason reason, String source) {
    }

    public record WireObligation(String id, String sheet, String group, ItemStatus status, List<Role> roles, Timing timing,
                                 WireReason reason, String source) {
    }

    public record WireTrace(int sequence, String rule, String phase, String definitionId, List<WireFact> facts, String outcome,
                            String source) {
    }

    /**
     * A trace fact, {@code {"kind": "AXIS_LEVEL", "fields": {"axis": ..., ...}}}. A record of schema 1 or 2 has
     * the fact's text instead, read as a fact of kind {@code TEXT}.
     */
    public record WireFact(TraceFact.Kind kind, Map<String, String> fields) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public WireFact(@JsonProperty("kind") TraceFact.Kind kind, @JsonProperty("fields") Map<String, String> fields) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.fields = Objects.requireNonNull(fields, "fields");
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static WireFact ofSchema2(String text) {
            return of(TraceFact.text(text));
        }

        static WireFact of(TraceFact f) {
            return new WireFact(f.kind(), f.fields());
        }

        TraceFact fact() {
            return new TraceFact(kind, fields);
        }
    }

    /** A {@link SourceRef} without its id, which is its key in {@code sources}. */
    public record WireSource(String file, int line, int column, Provenance provenance, WireText citation, String overlay) {
    }

    /**
     * A citation, {@code {"ja": ..., "en": ...}}. A record of schema 1 has one text instead, read as the
     * same text in both languages.
     */
    public record WireText(String ja, String en) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public WireText(@JsonProperty("ja") String ja, @JsonProperty("en") String en) {
            this.ja = Objects.requireNonNull(ja, "ja");
            this.en = Objects.requireNonNull(en, "en");
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static WireText ofSchema1(String text) {
            return new WireText(text, text);
        }

        static WireText of(LocalizedText t) {
            return t == null ? null : new WireText(t.ja(), t.en());
        }

        LocalizedText text() {
            return new LocalizedText(ja, en);
        }
    }

    public static DecisionWire of(Decision d) {
        Map<String, WireSource> sources = new LinkedHashMap<>();
        return new DecisionWire(d.schemaVersion(), d.decisionId(), d.decidedAt(), d.definitions(), d.profileHash(), d.profile(),
                d.classification(), reason(d.classificationReason(), sources),
                d.axes().stream().map(a -> new WireAxis(a.axis(), a.option(), a.level(), reason(a.reason(), sources))).toList(),
                new WireEscalation(d.escalation().required(), d.escalation().reasons().stream().map(r -> reason(r, sources)).toList()),
                d.items().stream().map(i -> new WireItem(i.id(), i.sheet(), i.group(), i.status(), reason(i.reason(), sources),
                        source(i.source(), sources))).toList(),
                d.obligations().stream().map(o -> new WireObligation(o.id(), o.sheet(), o.group(), o.status(), o.roles(),
                        o.timing(), reason(o.reason(), sources), source(o.source(), sources))).toList(),
                d.trace().stream().map(t -> new WireTrace(t.sequence(), t.rule(), t.phase(), t.definitionId(),
                        t.facts().stream().map(WireFact::of).toList(), t.outcome(),
                        source(t.source(), sources))).toList(),
                sources);
    }

    /**
     * A decision's tree as the writer of an older schema wrote it, for a decision read from a record of
     * that schema: schema 1 wrote a citation as one text (read as the same text in both languages),
     * kept no overlay's title or citation, and had no {@code obligations} (a record of 1 that names
     * some is therefore not one that writer wrote); schemas 1 and 2 wrote each trace fact as its text (read
     * as a fact of kind {@code TEXT}). The tree of the current schema is returned as it is.
     */
    public static ObjectNode inSchema(String version, ObjectNode tree) {
        if ("1".equals(version) || "2".equals(version)) {
            tree.path("trace").forEach(event -> {
                JsonNode facts = event.get("facts");
                if (facts instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        list.set(i, new com.fasterxml.jackson.databind.node.TextNode(text(list.get(i))));
                    }
                }
            });
        }
        if ("1".equals(version)) {
            tree.remove("obligations");
            tree.path("sources").forEach(source -> {
                JsonNode c = source.get("citation");
                if (c != null && c.isObject() && c.size() == 2 && c.path("ja").isTextual()
                        && c.path("ja").textValue().equals(c.path("en").textValue())) {
                    ((ObjectNode) source).put("citation", c.path("ja").textValue());
                }
            });
            tree.path("definitions").path("overlays").forEach(o -> {
                ((ObjectNode) o).remove("title");
                ((ObjectNode) o).remove("citation");
            });
        }
        return tree;
    }

    /** A written fact as its text, as schemas 1 and 2 wrote it (a fact that is no value of its kind: its JSON). */
    private static String text(JsonNode fact) {
        if (fact.isTextual()) {
            return fact.textValue();
        }
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            fact.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().textValue()));
            return new TraceFact(TraceFact.Kind.valueOf(fact.path("kind").textValue()), fields).text();
        } catch (RuntimeException e) {
            return fact.toString();
        }
    }

    public Decision toDecision() {
        return new Decision(schemaVersion, decisionId, decidedAt, definitions, profileHash, profile, classification,
                reason(classificationReason),
                axes.stream().map(a -> new AxisResult(a.axis(), a.option(), a.level(), reason(a.reason()))).toList(),
                new Escalation(escalation.required(), escalation.reasons().stream().map(this::reason).toList()),
                items.stream().map(i -> new ItemResult(i.id(), i.sheet(), i.group(), i.status(), reason(i.reason()),
                        source(i.source()))).toList(),
                obligations == null ? List.of() : obligations.stream().map(o -> new ObligationResult(o.id(), o.sheet(),
                        o.group(), o.status(), o.roles() == null ? List.of() : o.roles(), o.timing(), reason(o.reason()),
                        source(o.source()))).toList(),
                trace.stream().map(t -> new TraceEvent(t.sequence(), t.rule(), t.phase(), t.definitionId(),
                        t.facts().stream().map(WireFact::fact).toList(), t.outcome(),
                        source(t.source()))).toList());
    }

    private static WireReason reason(Reason r, Map<String, WireSource> sources) {
        return new WireReason(r.ruleId(), r.message(), source(r.source(), sources));
    }

    private static String source(SourceRef s, Map<String, WireSource> sources) {
        if (s == null) {
            return null;
        }
        WireSource w = new WireSource(s.file(), s.line(), s.column(), s.provenance(), WireText.of(s.citation()), s.overlay());
        WireSource before = sources.putIfAbsent(s.definitionId(), w);
        if (before != null && !before.equals(w)) {
            throw new IllegalStateException("two definitions with the id " + s.definitionId() + " in one decision");
        }
        return s.definitionId();
    }

    private Reason reason(WireReason r) {
        return new Reason(r.ruleId(), r.message(), source(r.source()));
    }

    private SourceRef source(String id) {
        if (id == null) {
            return null;
        }
        WireSource w = Objects.requireNonNull(sources.get(id), () -> "no source " + id + " in the record's sources");
        return new SourceRef(id, w.file(), w.line(), w.column(), w.provenance(),
                w.citation() == null ? null : w.citation().text(), w.overlay());
    }
}
