package io.github.aigov.governance.rules.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Escalation;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a decision as one line of JSON: exactly what Jackson databind writes for
 * {@link DecisionWire#of(Decision)} with {@link DecisionJson}'s line mapper, byte for byte (and, for
 * {@link #toJsonLine}, character for character), but with the mapper's {@link JsonGenerator} driven by
 * hand and most of the record copied from a cache instead of encoded.
 *
 * <p>Why: a decision is about 26 KB, and most of it is the same few hundred immutable values over and
 * over: the reasons, the item results, the definitions in the {@code sources} table (with their
 * citations in Japanese and English) and the trace events that the same rules produce in every
 * decision they decide.
 * Databind walked and encoded all of it, character by character, for every decision, which cost as
 * much as assessing it: about a third of a batch. Here each such value is written once, kept in its
 * encoded form ({@link Utf8Fragment} for bytes, {@link SerializedString} for characters), and
 * afterwards only copied ({@link JsonGenerator#writeRawValue(SerializableString)}). What varies from
 * one decision to the next is encoded every time: the profile (the user's input), the decision's id,
 * time and hashes, and the trace's sequence numbers (a trace event is cached without its sequence).
 *
 * <p>The caches are keyed by value (the records' {@code equals}), so equal values from different
 * engines, or read back from JSON, share an entry. They are thread-safe, and bounded: each holds at
 * most {@code capacity} entries and never evicts; past that, a value not yet cached is written
 * directly, as correctly and only as slowly as without a cache. Every cached value comes from the
 * definitions, not from the profile, so a process sees a few hundred per set (see
 * {@link #DEFAULT_CAPACITY}); the bound is for whatever feeds decisions of unforeseen origin.
 *
 * <p>The shape is written out here and must follow {@link DecisionWire} and the public records: the
 * tests compare this writer with databind over the whole answer space of every shipped set, and a
 * record that gains a component fails them until it is written here too.
 */
public final class DecisionLineWriter {
    /**
     * Entries per cache. The shipped sets and the example overlay, assessed over every answer in and out of
     * scope, make about 300 distinct trace events (the largest cache), 250 item results and 125 sources
     * between them; 4,096 leaves room for many more sets and overlays in one process, and bounds the
     * worst case at a few tens of MB (sixteen caches of fragments of a few hundred bytes).
     */
    public static final int DEFAULT_CAPACITY = 4_096;

    private static final SerializedString SCHEMA_VERSION = fieldName("schemaVersion");
    private static final SerializedString DECISION_ID = fieldName("decisionId");
    private static final SerializedString DECIDED_AT = fieldName("decidedAt");
    private static final SerializedString DEFINITIONS = fieldName("definitions");
    private static final SerializedString PROFILE_HASH = fieldName("profileHash");
    private static final SerializedString PROFILE = fieldName("profile");
    private static final SerializedString CLASSIFICATION = fieldName("classification");
    private static final SerializedString CLASSIFICATION_REASON = fieldName("classificationReason");
    private static final SerializedString AXES = fieldName("axes");
    private static final SerializedString ESCALATION = fieldName("escalation");
    private static final SerializedString ITEMS = fieldName("items");
    private static final SerializedString OBLIGATIONS = fieldName("obligations");
    private static final SerializedString ROLES = fieldName("roles");
    private static final SerializedString TIMING = fieldName("timing");
    private static final SerializedString TRACE = fieldName("trace");
    private static final SerializedString SOURCES = fieldName("sources");
    private static final SerializedString ID = fieldName("id");
    private static final SerializedString VERSION = fieldName("version");
    private static final SerializedString DATE = fieldName("date");
    private static final SerializedString HASH = fieldName("hash");
    private static final SerializedString OVERLAYS = fieldName("overlays");
    private static final SerializedString FILE = fieldName("file");
    private static final SerializedString NAME = fieldName("name");
    private static final SerializedString ORGANISATION = fieldName("organisation");
    private static final SerializedString DESCRIPTION = fieldName("description");
    private static final SerializedString SCOPE = fieldName("scope");
    private static final SerializedString TEXT_GENERATION = fieldName("textGeneration");
    private static final SerializedString SPECIFIED_SECRETS = fieldName("specifiedSecrets");
    private static final SerializedString MODEL = fieldName("model");
    private static final SerializedString VENDOR = fieldName("vendor");
    private static final SerializedString PROCUREMENT = fieldName("procurement");
    private static final SerializedString FORM = fieldName("form");
    private static final SerializedString VENDOR_TRAINS_MODEL = fieldName("vendorTrainsModel");
    private static final SerializedString RULE_ID = fieldName("ruleId");
    private static final SerializedString MESSAGE = fieldName("message");
    private static final SerializedString KEY = fieldName("key");
    private static final SerializedString ARGS = fieldName("args");
    private static final SerializedString SOURCE = fieldName("source");
    private static final SerializedString AXIS = fieldName("axis");
    private static final SerializedString OPTION = fieldName("option");
    private static final SerializedString LEVEL = fieldName("level");
    private static final SerializedString REASON = fieldName("reason");
    private static final SerializedString REQUIRED = fieldName("required");
    private static final SerializedString REASONS = fieldName("reasons");
    private static final SerializedString SHEET = fieldName("sheet");
    private static final SerializedString GROUP = fieldName("group");
    private static final SerializedString STATUS = fieldName("status");
    private static final SerializedString SEQUENCE = fieldName("sequence");
    private static final SerializedString RULE = fieldName("rule");
    private static final SerializedString PHASE = fieldName("phase");
    private static final SerializedString DEFINITION_ID = fieldName("definitionId");
    private static final SerializedString FACTS = fieldName("facts");
    private static final SerializedString KIND = fieldName("kind");
    private static final SerializedString FIELDS = fieldName("fields");
    private static final SerializedString OUTCOME = fieldName("outcome");
    private static final SerializedString LINE = fieldName("line");
    private static final SerializedString COLUMN = fieldName("column");
    private static final SerializedString PROVENANCE = fieldName("provenance");
    private static final SerializedString CITATION = fieldName("citation");
    private static final SerializedString OVERLAY = fieldName("overlay");
    private static final SerializedString TITLE = fieldName("title");
    private static final SerializedString JA = fieldName("ja");
    private static final SerializedString EN = fieldName("en");

    /** Trace sequence numbers as text: a trace has a few dozen events. */
    private static final String[] NUMBERS = new String[256];

    static {
        Arrays.setAll(NUMBERS, Integer::toString);
    }

    /**
     * A field name. A {@code SerializedString} encodes itself on first use, into plain fields; these are
     * encoded now, during class initialisation, so that every thread sees them complete.
     */
    private static SerializedString fieldName(String name) {
        SerializedString s = new SerializedString(name);
        s.asQuotedUTF8();
        s.asQuotedChars();
        return s;
    }

    private final ObjectMapper mapper;
    private final int capacity;
    /** Fragments for {@link #write}: UTF-8, as a UTF-8 generator writes them. */
    private final Form bytes;
    /** Fragments for {@link #toJsonLine}: characters, as a character generator writes them (non-BMP text differs). */
    private final Form chars;

    /**
     * @param mapper   the mapper whose output this must match: its generators (features, escaping) are used
     * @param capacity the most entries each cache may hold; 0 caches nothing
     */
    public DecisionLineWriter(ObjectMapper mapper, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.mapper = mapper;
        this.capacity = capacity;
        this.bytes = new Form(true);
        this.chars = new Form(false);
    }

    /** The decision as one line, UTF-8, then {@code '\n'}, to a stream that stays open (and is flushed). */
    public void write(Decision decision, OutputStream out) throws IOException {
        SourceTable sources = SourceTable.of(decision);
        try (JsonGenerator g = mapper.createGenerator(out, JsonEncoding.UTF8)) {
            bytes.decision(g, decision, sources);
        }
        out.write('\n');
    }

    /** The decision as one line, without the line end: what the mapper's {@code writeValueAsString} gives. */
    public String toJsonLine(Decision decision) {
        SourceTable sources = SourceTable.of(decision);
        StringWriter text = new StringWriter(32 * 1024);
        try (JsonGenerator g = mapper.createGenerator(text)) {
            chars.decision(g, decision, sources);
        } catch (IOException e) {
            throw new IllegalStateException("a decision could not be written as JSON", e);
        }
        return text.toString();
    }

    /** How many entries each cache holds now, by name ({@code bytes.reasons}, ..., {@code chars.trace}): for tests. */
    Map<String, Integer> cacheSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        bytes.sizes("bytes.", sizes);
        chars.sizes("chars.", sizes);
        return sizes;
    }

    int capacity() {
        return capacity;
    }

    /**
     * The {@code sources} table as {@link DecisionWire#of} builds it: each definition once, by id, in the
     * order the record first names it, failing (before anything is written) where it fails. An open-addressing
     * table rather than a {@code LinkedHashMap}: a decision names its few dozen definitions about a hundred
     * times, and the map's entries and their allocation showed in the writer's profile.
     */
    static final class SourceTable {
        private String[] ids;
        private SourceRef[] slots;
        private SourceRef[] ordered;
        private int size;

        private SourceTable(int expected) {
            int n = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
            ids = new String[n];
            slots = new SourceRef[n];
            ordered = new SourceRef[n / 2];
        }

        static SourceTable of(Decision d) {
            SourceTable table = new SourceTable(d.items().size() + d.obligations().size() + d.axes().size() + 8);
            table.add(d.classificationReason().source());
            for (AxisResult a : d.axes()) {
                table.add(a.reason().source());
            }
            for (Reason r : d.escalation().reasons()) {
                table.add(r.source());
            }
            for (ItemResult i : d.items()) {
                table.add(i.reason().source());
                table.add(i.source());
            }
            for (ObligationResult o : d.obligations()) {
                table.add(o.reason().source());
                table.add(o.source());
            }
            for (TraceEvent t : d.trace()) {
                table.add(t.source());
            }
            return table;
        }

        int size() {
            return size;
        }

        /** The {@code i}-th definition named. */
        SourceRef get(int i) {
            return ordered[i];
        }

        private void add(SourceRef s) {
            if (s == null) {
                return;
            }
            String id = s.definitionId();
            int mask = ids.length - 1;
            for (int i = id.hashCode() & mask; ; i = (i + 1) & mask) {
                String at = ids[i];
                if (at == null) {
                    ids[i] = id;
                    slots[i] = s;
                    ordered[size++] = s;
                    if (size * 2 >= ids.length) {
                        grow();
                    }
                    return;
                }
                if (at == id || at.equals(id)) {
                    SourceRef before = slots[i];
                    if (before != s && !before.equals(s)) {
                        throw new IllegalStateException("two definitions with the id " + id + " in one decision");
                    }
                    return;
                }
            }
        }

        private void grow() {
            SourceRef[] all = Arrays.copyOf(ordered, size);
            int n = ids.length * 2;
            ids = new String[n];
            slots = new SourceRef[n];
            ordered = new SourceRef[n / 2];
            size = 0;
            for (SourceRef s : all) {
                add(s);
            }
        }
    }

    private static String id(SourceRef s) {
        return s == null ? null : s.definitionId();
    }

    /** A trace event without its sequence number: what is the same in every decision the same rule fired in. */
    record TraceTail(String rule, String phase, String definitionId, List<TraceFact> facts, String outcome, String source) {
        static TraceTail of(TraceEvent t) {
            return new TraceTail(t.rule(), t.phase(), t.definitionId(), t.facts(), t.outcome(), id(t.source()));
        }
    }

    /** How a value is written to a generator: a whole JSON value, or object members (see {@link Form#render}). */
    @FunctionalInterface
    private interface Shape<K> {
        void write(JsonGenerator g, K value) throws IOException;
    }

    /** One output form (bytes or characters) and its caches; the shapes of the record's parts. */
    private final class Form {
        final boolean utf8;
        final Cache<DefinitionsRef> definitions = new Cache<>(Cache.VALUE, this::definitions);
        final Cache<Reason> reasons = new Cache<>(Cache.VALUE, this::reason);
        final Cache<AxisResult> axes = new Cache<>(Cache.VALUE, this::axis);
        final Cache<Escalation> escalations = new Cache<>(Cache.VALUE, this::escalation);
        final Cache<ItemResult> items = new Cache<>(Cache.VALUE, this::item);
        final Cache<ObligationResult> obligations = new Cache<>(Cache.VALUE, this::obligation);
        /** Members after {@code "sequence":n}, with their leading comma and the event's closing brace. */
        final Cache<TraceTail> trace = new Cache<>(Cache.TAIL, this::traceTail);
        /** Entries of the {@code sources} object, {@code "id":{...}}, without a comma. */
        final Cache<SourceRef> sources = new Cache<>(Cache.MEMBERS, this::sourceEntry);
        /** {@code {"sequence":}, as this form's generator writes it. */
        final SerializableString sequencePrefix;

        Form(boolean utf8) {
            this.utf8 = utf8;
            try {
                // ,"sequence":0} -> {"sequence":
                String tail = render((g, v) -> {
                    g.writeFieldName(SEQUENCE);
                    g.writeNumber(0);
                }, "sequence", Cache.TAIL).getValue();
                String prefix = "{" + tail.substring(1, tail.length() - "0}".length());
                sequencePrefix = utf8 ? new Utf8Fragment(prefix.getBytes(StandardCharsets.UTF_8)) : new SerializedString(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void sizes(String prefix, Map<String, Integer> out) {
            out.put(prefix + "definitions", definitions.size());
            out.put(prefix + "reasons", reasons.size());
            out.put(prefix + "axes", axes.size());
            out.put(prefix + "escalations", escalations.size());
            out.put(prefix + "items", items.size());
            out.put(prefix + "obligations", obligations.size());
            out.put(prefix + "trace", trace.size());
            out.put(prefix + "sources", sources.size());
        }

        /** {@link DecisionWire}'s components, in order. */
        void decision(JsonGenerator g, Decision d, SourceTable table) throws IOException {
            g.writeStartObject();
            g.writeFieldName(SCHEMA_VERSION);
            g.writeString(d.schemaVersion());
            g.writeFieldName(DECISION_ID);
            g.writeString(d.decisionId());
            g.writeFieldName(DECIDED_AT);
            instant(g, d.decidedAt());
            g.writeFieldName(DEFINITIONS);
            definitions.write(g, d.definitions());
            g.writeFieldName(PROFILE_HASH);
            g.writeString(d.profileHash());
            g.writeFieldName(PROFILE);
            profile(g, d.profile());
            g.writeFieldName(CLASSIFICATION);
            name(g, d.classification());
            g.writeFieldName(CLASSIFICATION_REASON);
            reasons.write(g, d.classificationReason());
            g.writeFieldName(AXES);
            g.writeStartArray();
            for (AxisResult a : d.axes()) {
                axes.write(g, a);
            }
            g.writeEndArray();
            g.writeFieldName(ESCALATION);
            escalations.write(g, d.escalation());
            g.writeFieldName(ITEMS);
            g.writeStartArray();
            for (ItemResult i : d.items()) {
                items.write(g, i);
            }
            g.writeEndArray();
            g.writeFieldName(OBLIGATIONS);
            g.writeStartArray();
            for (ObligationResult o : d.obligations()) {
                obligations.write(g, o);
            }
            g.writeEndArray();
            g.writeFieldName(TRACE);
            g.writeStartArray();
            for (TraceEvent t : d.trace()) {
                traceEvent(g, t);
            }
            g.writeEndArray();
            g.writeFieldName(SOURCES);
            sources(g, table);
            g.writeEndObject();
        }

        /**
         * {@link DecisionWire.WireTrace}: {@code {"sequence":} as a raw value, then the number, then the rest of
         * the event, up to its closing brace, from the cache. Written member by member when the cache is full.
         */
        void traceEvent(JsonGenerator g, TraceEvent t) throws IOException {
            TraceTail key = TraceTail.of(t);
            SerializableString tail = trace.fragment(key);
            if (tail != null) {
                g.writeRawValue(sequencePrefix);
                int n = t.sequence();
                g.writeRaw(n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n));
                g.writeRaw(tail);
            } else {
                g.writeStartObject();
                g.writeFieldName(SEQUENCE);
                g.writeNumber(t.sequence());
                traceTail(g, key);
                g.writeEndObject();
            }
        }

        /**
         * The {@code sources} table: when every entry ({@code "id":{...}}) is cached, the entries are copied,
         * comma-separated, into the object; otherwise each is written member by member.
         */
        void sources(JsonGenerator g, SourceTable table) throws IOException {
            int n = table.size();
            SerializableString[] entries = new SerializableString[n];
            for (int i = 0; i < n; i++) {
                entries[i] = sources.fragment(table.get(i));
                if (entries[i] == null) {
                    entries = null;
                    break;
                }
            }
            g.writeStartObject();
            for (int i = 0; i < n; i++) {
                if (entries != null) {
                    if (i > 0) {
                        g.writeRaw(',');
                    }
                    g.writeRaw(entries[i]);
                } else {
                    sourceEntry(g, table.get(i));
                }
            }
            g.writeEndObject();
        }

        /** {@link ProjectProfile}: the user's input, different in every decision, so never cached. */
        void profile(JsonGenerator g, ProjectProfile p) throws IOException {
            if (p == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(p.id());
            g.writeFieldName(NAME);
            g.writeString(p.name());
            g.writeFieldName(ORGANISATION);
            g.writeString(p.organisation());
            g.writeFieldName(DESCRIPTION);
            g.writeString(p.description());
            g.writeFieldName(SCOPE);
            ProjectProfile.Scope scope = p.scope();
            if (scope == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeFieldName(TEXT_GENERATION);
                bool(g, scope.textGeneration());
                g.writeFieldName(SPECIFIED_SECRETS);
                bool(g, scope.specifiedSecrets());
                g.writeEndObject();
            }
            g.writeFieldName(MODEL);
            ProjectProfile.Model model = p.model();
            if (model == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeFieldName(NAME);
                g.writeString(model.name());
                g.writeFieldName(VENDOR);
                g.writeString(model.vendor());
                g.writeEndObject();
            }
            g.writeFieldName(PROCUREMENT);
            ProjectProfile.Procurement procurement = p.procurement();
            if (procurement == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeFieldName(FORM);
                name(g, procurement.form());
                g.writeFieldName(VENDOR_TRAINS_MODEL);
                bool(g, procurement.vendorTrainsModel());
                g.writeEndObject();
            }
            g.writeFieldName(AXES);
            g.writeStartObject();
            for (Map.Entry<String, String> e : p.axes().entrySet()) {
                if (e.getKey() == null) {
                    // What databind's map serializer refuses too.
                    throw new JsonGenerationException("Null key for a Map not allowed in JSON (use a converting NullKeySerializer?)", g);
                }
                g.writeFieldName(e.getKey());
                g.writeString(e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        void definitions(JsonGenerator g, DefinitionsRef d) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(d.id());
            g.writeFieldName(VERSION);
            g.writeString(d.version());
            g.writeFieldName(DATE);
            g.writeString(d.date());
            g.writeFieldName(HASH);
            g.writeString(d.hash());
            g.writeFieldName(OVERLAYS);
            g.writeStartArray();
            for (DefinitionsRef.OverlayRef o : d.overlays()) {
                g.writeStartObject();
                g.writeFieldName(ID);
                g.writeString(o.id());
                g.writeFieldName(FILE);
                g.writeString(o.file());
                g.writeFieldName(HASH);
                g.writeString(o.hash());
                g.writeFieldName(TITLE);
                text(g, o.title());
                g.writeFieldName(CITATION);
                text(g, o.citation());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        /** {@link DecisionWire.WireReason}. */
        void reason(JsonGenerator g, Reason r) throws IOException {
            g.writeStartObject();
            g.writeFieldName(RULE_ID);
            g.writeString(r.ruleId());
            g.writeFieldName(MESSAGE);
            Message m = r.message();
            g.writeStartObject();
            g.writeFieldName(KEY);
            g.writeString(m.key());
            g.writeFieldName(ARGS);
            strings(g, m.args());
            g.writeEndObject();
            g.writeFieldName(SOURCE);
            g.writeString(id(r.source()));
            g.writeEndObject();
        }

        /** {@link DecisionWire.WireAxis}. */
        void axis(JsonGenerator g, AxisResult a) throws IOException {
            g.writeStartObject();
            g.writeFieldName(AXIS);
            g.writeString(a.axis());
            g.writeFieldName(OPTION);
            g.writeString(a.option());
            g.writeFieldName(LEVEL);
            name(g, a.level());
            g.writeFieldName(REASON);
            reasons.write(g, a.reason());
            g.writeEndObject();
        }

        /** {@link DecisionWire.WireEscalation}. */
        void escalation(JsonGenerator g, Escalation e) throws IOException {
            g.writeStartObject();
            g.writeFieldName(REQUIRED);
            g.writeBoolean(e.required());
            g.writeFieldName(REASONS);
            g.writeStartArray();
            for (Reason r : e.reasons()) {
                reasons.write(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        /** {@link DecisionWire.WireItem}. */
        void item(JsonGenerator g, ItemResult i) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(i.id());
            g.writeFieldName(SHEET);
            g.writeString(i.sheet());
            g.writeFieldName(GROUP);
            g.writeString(i.group());
            g.writeFieldName(STATUS);
            name(g, i.status());
            g.writeFieldName(REASON);
            reasons.write(g, i.reason());
            g.writeFieldName(SOURCE);
            g.writeString(id(i.source()));
            g.writeEndObject();
        }

        /** {@link DecisionWire.WireObligation}. */
        void obligation(JsonGenerator g, ObligationResult o) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(o.id());
            g.writeFieldName(SHEET);
            g.writeString(o.sheet());
            g.writeFieldName(GROUP);
            g.writeString(o.group());
            g.writeFieldName(STATUS);
            name(g, o.status());
            g.writeFieldName(ROLES);
            g.writeStartArray();
            for (Role r : o.roles()) {
                name(g, r);
            }
            g.writeEndArray();
            g.writeFieldName(TIMING);
            name(g, o.timing());
            g.writeFieldName(REASON);
            reasons.write(g, o.reason());
            g.writeFieldName(SOURCE);
            g.writeString(id(o.source()));
            g.writeEndObject();
        }

        /** {@link DecisionWire.WireTrace} after its sequence number: members of the open object (cached with a leading comma). */
        void traceTail(JsonGenerator g, TraceTail t) throws IOException {
            g.writeFieldName(RULE);
            g.writeString(t.rule());
            g.writeFieldName(PHASE);
            g.writeString(t.phase());
            g.writeFieldName(DEFINITION_ID);
            g.writeString(t.definitionId());
            g.writeFieldName(FACTS);
            facts(g, t.facts());
            g.writeFieldName(OUTCOME);
            g.writeString(t.outcome());
            g.writeFieldName(SOURCE);
            g.writeString(t.source());
        }

        /** One entry of the {@code sources} table: the id, then {@link DecisionWire.WireSource}, the rest of the {@link SourceRef}. */
        void sourceEntry(JsonGenerator g, SourceRef s) throws IOException {
            g.writeFieldName(s.definitionId());
            g.writeStartObject();
            g.writeFieldName(FILE);
            g.writeString(s.file());
            g.writeFieldName(LINE);
            g.writeNumber(s.line());
            g.writeFieldName(COLUMN);
            g.writeNumber(s.column());
            g.writeFieldName(PROVENANCE);
            name(g, s.provenance());
            g.writeFieldName(CITATION);
            text(g, s.citation());
            g.writeFieldName(OVERLAY);
            g.writeString(s.overlay());
            g.writeEndObject();
        }

        /**
         * Writes {@code shape} to a generator of its own, of this form, and returns what it wrote: for
         * {@link Cache#VALUE} the value; for {@link Cache#MEMBERS} and {@link Cache#TAIL} the members are
         * written inside an object, {@code {"a":1,"b":2}}, and taken without the braces ({@code "a":1,"b":2})
         * or as what follows an earlier member up to the closing brace ({@code ,"a":1,"b":2}}).
         */
        <K> SerializableString render(Shape<K> shape, K value, int kind) throws IOException {
            if (utf8) {
                ByteArrayBuilder out = new ByteArrayBuilder(1024);
                try (JsonGenerator g = mapper.createGenerator(out, JsonEncoding.UTF8)) {
                    renderTo(g, shape, value, kind);
                }
                byte[] b = out.toByteArray();
                if (kind != Cache.VALUE) {
                    if (b.length < 2 || b[0] != '{' || b[b.length - 1] != '}') {
                        throw new IllegalStateException("the members of " + value + " did not render as one object");
                    }
                    if (kind == Cache.MEMBERS) {
                        b = Arrays.copyOfRange(b, 1, b.length - 1);
                    } else {
                        b[0] = ',';
                    }
                }
                return new Utf8Fragment(b);
            }
            StringWriter out = new StringWriter(1024);
            try (JsonGenerator g = mapper.createGenerator(out)) {
                renderTo(g, shape, value, kind);
            }
            String s = out.toString();
            if (kind != Cache.VALUE) {
                if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
                    throw new IllegalStateException("the members of " + value + " did not render as one object");
                }
                s = kind == Cache.MEMBERS ? s.substring(1, s.length() - 1) : "," + s.substring(1);
            }
            return new SerializedString(s);
        }

        private <K> void renderTo(JsonGenerator g, Shape<K> shape, K value, int kind) throws IOException {
            if (kind == Cache.VALUE) {
                shape.write(g, value);
            } else {
                g.writeStartObject();
                shape.write(g, value);
                g.writeEndObject();
            }
        }

        /**
         * A bounded cache of the encoded form of one kind of value (see {@link #render} for the three kinds),
         * with the shape that writes it when it is not cached.
         */
        final class Cache<K> {
            /** A whole JSON value, written with {@code writeRawValue}. */
            static final int VALUE = 0;
            /** Object members, {@code "a":1,"b":2}, copied with {@code writeRaw} into an object of raw members. */
            static final int MEMBERS = 1;
            /** The members after a first one, and the object's end: {@code ,"a":1,"b":2}}. */
            static final int TAIL = 2;

            final int kind;
            final Shape<K> shape;
            final ConcurrentHashMap<K, SerializableString> map = new ConcurrentHashMap<>();
            /** Entries added or being added: an entry is added only while this is at most {@code capacity}. */
            final AtomicInteger reserved = new AtomicInteger();

            Cache(int kind, Shape<K> shape) {
                this.kind = kind;
                this.shape = shape;
            }

            int size() {
                return map.size();
            }

            /** A {@link #VALUE}: copied if cached (or cacheable), written by its shape if not. */
            void write(JsonGenerator g, K value) throws IOException {
                if (value == null) {
                    g.writeNull();
                    return;
                }
                SerializableString s = fragment(value);
                if (s != null) {
                    g.writeRawValue(s);
                } else {
                    shape.write(g, value);
                }
            }

            /** The value's encoded form, rendered and kept now if it is new; {@code null} if it is new and the cache is full. */
            SerializableString fragment(K value) throws IOException {
                SerializableString s = map.get(value);
                if (s != null) {
                    return s;
                }
                if (reserved.get() >= capacity) {
                    return null; // full: the caller writes it as if there were no cache
                }
                s = render(shape, value, kind);
                if (reserved.incrementAndGet() > capacity) {
                    reserved.decrementAndGet();
                    return s; // filled up meanwhile: use it this once
                }
                SerializableString before = map.putIfAbsent(value, s);
                if (before != null) {
                    reserved.decrementAndGet();
                    return before;
                }
                return s;
            }
        }
    }

    private static void instant(JsonGenerator g, Instant t) throws IOException {
        // What JavaTimeModule's InstantSerializer writes without WRITE_DATES_AS_TIMESTAMPS.
        g.writeString(t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t));
    }

    private static void name(JsonGenerator g, Enum<?> e) throws IOException {
        g.writeString(e == null ? null : e.name());
    }

    private static void bool(JsonGenerator g, Boolean b) throws IOException {
        if (b == null) {
            g.writeNull();
        } else {
            g.writeBoolean(b);
        }
    }

    /** {@link LocalizedText} and {@link DecisionWire.WireText}: {@code {"ja":...,"en":...}}. */
    private static void text(JsonGenerator g, LocalizedText t) throws IOException {
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(JA);
        g.writeString(t.ja());
        g.writeFieldName(EN);
        g.writeString(t.en());
        g.writeEndObject();
    }

    /** {@link DecisionWire.WireFact}s: each fact's kind and its fields in order. */
    private static void facts(JsonGenerator g, List<TraceFact> list) throws IOException {
        g.writeStartArray();
        for (TraceFact f : list) {
            g.writeStartObject();
            g.writeFieldName(KIND);
            g.writeString(f.kind().name());
            g.writeFieldName(FIELDS);
            g.writeStartObject();
            for (Map.Entry<String, String> e : f.fields().entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeString(e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, List<String> list) throws IOException {
        if (list == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
