package io.github.aigov.governance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The guideline's answer for one project: a self-contained, serialisable value.
 *
 * @param schemaVersion  the version of this record's shape: {@value #SCHEMA_VERSION} for a decision made now;
 *                       {@code 1} for one read from a record written before citations were bilingual,
 *                       before overlays' titles and citations were kept and before decisions carried
 *                       the ministry's duties; {@code 2} for one written before the trace's facts were
 *                       values (its facts read as {@link TraceFact.Kind#TEXT})
 * @param decisionId     unique per evaluation
 * @param decidedAt      when the evaluation ran
 * @param definitions    the definition set (and overlays) that decided, with content hashes
 * @param profileHash    SHA-256 of the profile's canonical JSON form
 * @param classification LOW, MEDIUM, HIGH, or OUT_OF_SCOPE
 * @param classificationReason the scope or combination rule that decided the classification
 * @param axes           each axis's option and level (empty when out of scope)
 * @param escalation     whether the advisory board must be consulted, and why
 * @param items          every checklist item with its status and reason, in definition order
 * @param obligations    the ministry's own duties for the project (periodic verification, risk-case
 *                       reporting, ...), each with its status, who acts, when, and the rule that decided;
 *                       in definition order. Empty in a record of schema version 1, written before
 *                       decisions carried them, and for definitions without an obligation sheet.
 * @param trace          every rule that fired, in order
 */
public record Decision(String schemaVersion, String decisionId, Instant decidedAt, DefinitionsRef definitions,
                       String profileHash, ProjectProfile profile, Classification classification,
                       Reason classificationReason, List<AxisResult> axes, Escalation escalation,
                       List<ItemResult> items, List<ObligationResult> obligations, List<TraceEvent> trace) {

    /**
     * The record's shape. 2 made citations bilingual, kept overlays' titles and citations, and added
     * {@code obligations}; a record of 1 reads with one-language citations and no obligations. 3 made the
     * trace's facts values ({@link TraceFact}: kind and fields) instead of their text, and a count of axes
     * names the axes it counted; a record of 1 or 2 reads with each fact as {@link TraceFact.Kind#TEXT}.
     */
    public static final String SCHEMA_VERSION = "3";

    public Decision {
        axes = List.copyOf(axes);
        items = List.copyOf(items);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        trace = List.copyOf(trace);
    }

    /** The item with this id, if the definitions have it. */
    public Optional<ItemResult> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The items with this status, in definition order. */
    public List<ItemResult> items(ItemStatus status) {
        return items.stream().filter(i -> i.status() == status).toList();
    }

    /** The obligation with this id, if the definitions have it. */
    public Optional<ObligationResult> obligation(String id) {
        return obligations.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The obligations with this status, in definition order. */
    public List<ObligationResult> obligations(ItemStatus status) {
        return obligations.stream().filter(o -> o.status() == status).toList();
    }

    /** The result for this axis, if the project was classified. */
    public Optional<AxisResult> axis(String axis) {
        return axes.stream().filter(a -> a.axis().equals(axis)).findFirst();
    }
}
