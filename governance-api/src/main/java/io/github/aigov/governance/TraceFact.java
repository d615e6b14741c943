package io.github.aigov.governance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fact a rule firing matched: its kind and its fields, each a text, in the kind's order. A decision
 * records what the rules saw as values, not as their text; {@link #text()} is how a report shows one.
 *
 * @param kind   what the fact is
 * @param fields the fact's fields, exactly those of its {@linkplain Kind#fields() kind}, in that order
 */
public record TraceFact(Kind kind, Map<String, String> fields) {

    /** The kinds of fact a rule matches, and the fields of each. */
    public enum Kind {
        /** The profile's yes/no facts and procurement form, as scope and other rules test them. */
        PROFILE("textGeneration", "specifiedSecrets", "vendorTrainsModel", "procurementForm"),
        /** An axis and the option the profile answered. */
        AXIS_ANSWER("axis", "option"),
        /** An axis, its answered option and the level that option gives. */
        AXIS_LEVEL("axis", "option", "level"),
        /**
         * A count of axes a {@code countAxes} condition made: how many, and which axes it counted (in
         * definition order, separated by {@code ", "}; empty when none).
         */
        AXIS_COUNT("count", "axes"),
        /** The classification and the rule that decided it. */
        CLASSIFICATION("level", "rule"),
        /** Whether escalation is required, and the rule that decided it. */
        ESCALATION("required", "rule"),
        /** Out of scope, by this scope rule. */
        OUT_OF_SCOPE("rule"),
        /** A checklist item a rule decided. */
        ITEM("id"),
        /** One of the ministry's duties a rule decided. */
        OBLIGATION("id"),
        /**
         * A fact known only as text: read from a record of schema version 1 or 2, which kept the facts
         * as their text.
         */
        TEXT("text");

        private final List<String> fields;

        Kind(String... fields) {
            this.fields = List.of(fields);
        }

        /** The names of a fact's fields, in order. */
        public List<String> fields() {
            return fields;
        }
    }

    public TraceFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fields, "fields");
        if (!fields.keySet().equals(new java.util.HashSet<>(kind.fields()))) {
            throw new IllegalArgumentException("a " + kind + " fact has the fields " + kind.fields() + ", not " + fields.keySet());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String f : kind.fields()) {
            ordered.put(f, Objects.requireNonNull(fields.get(f), () -> "the field " + f + " of a " + kind + " fact"));
        }
        fields = Collections.unmodifiableMap(ordered);
    }

    private static TraceFact of(Kind kind, String... values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(kind.fields().get(i), values[i]);
        }
        return new TraceFact(kind, m);
    }

    public static TraceFact profile(boolean textGeneration, boolean specifiedSecrets, boolean vendorTrainsModel,
                                    String procurementForm) {
        return of(Kind.PROFILE, String.valueOf(textGeneration), String.valueOf(specifiedSecrets),
                String.valueOf(vendorTrainsModel), procurementForm);
    }

    public static TraceFact axisAnswer(String axis, String option) {
        return of(Kind.AXIS_ANSWER, axis, option);
    }

    public static TraceFact axisLevel(String axis, String option, RiskLevel level) {
        return of(Kind.AXIS_LEVEL, axis, option, level.name());
    }

    /** A count of axes: the axes counted, in definition order. */
    public static TraceFact axisCount(List<String> axes) {
        return of(Kind.AXIS_COUNT, String.valueOf(axes.size()), String.join(", ", axes));
    }

    public static TraceFact classification(RiskLevel level, String rule) {
        return of(Kind.CLASSIFICATION, level.name(), rule);
    }

    public static TraceFact escalation(boolean required, String rule) {
        return of(Kind.ESCALATION, String.valueOf(required), rule);
    }

    public static TraceFact outOfScope(String rule) {
        return of(Kind.OUT_OF_SCOPE, rule);
    }

    public static TraceFact item(String id) {
        return of(Kind.ITEM, id);
    }

    public static TraceFact obligation(String id) {
        return of(Kind.OBLIGATION, id);
    }

    /** A fact known only as its text (a record of schema version 1 or 2). */
    public static TraceFact text(String text) {
        return of(Kind.TEXT, text);
    }

    /** A field's value. */
    public String field(String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("a " + kind + " fact has no field " + name + "; it has " + kind.fields());
        }
        return v;
    }

    /**
     * The fact as a line of a report shows it, e.g. {@code AxisLevel(work=HIGH_IMPACT: HIGH)} or
     * {@code Classification(HIGH by COMB-01)}: the notation of the facts' text in records of schema
     * version 1 and 2. A count reads {@code count=2 of [work, judgement]}.
     */
    public String text() {
        return switch (kind) {
            case PROFILE -> "Profile(textGeneration=" + field("textGeneration") + ", specifiedSecrets="
                    + field("specifiedSecrets") + ", vendorTrainsModel=" + field("vendorTrainsModel")
                    + ", procurementForm=" + field("procurementForm") + ")";
            case AXIS_ANSWER -> "AxisAnswer(" + field("axis") + "=" + field("option") + ")";
            case AXIS_LEVEL -> "AxisLevel(" + field("axis") + "=" + field("option") + ": " + field("level") + ")";
            case AXIS_COUNT -> "count=" + field("count") + " of [" + field("axes") + "]";
            case CLASSIFICATION -> "Classification(" + field("level") + " by " + field("rule") + ")";
            case ESCALATION -> "Escalation(required=" + field("required") + " by " + field("rule") + ")";
            case OUT_OF_SCOPE -> "OutOfScope(" + field("rule") + ")";
            case ITEM -> "Item(" + field("id") + ")";
            case OBLIGATION -> "Obligation(" + field("id") + ")";
            case TEXT -> field("text");
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
