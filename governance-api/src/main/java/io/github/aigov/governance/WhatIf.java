package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;

/**
 * The smallest changes of a profile's answers that lower its classification or remove its escalation
 * ({@link GovernanceEngine#whatIf(ProjectProfile)}): every alternative at distance one, or, when no single
 * change suffices, every alternative at distance two. Each alternative was assessed by the same engine as the
 * decision, and carries its own decision and trace.
 *
 * <p>The answers changed are those that describe the system: the option of each axis, the procurement
 * form, and whether the vendor trains a model. Whether the system is in the guideline's scope is not
 * changed: leaving the scope does not lower a risk.
 *
 * @param decision     the profile's own decision
 * @param distance     how many answers each alternative changes: 1, 2, or 0 when there is none (the decision
 *                     is already LOW without escalation, out of scope, or no change of up to two answers lowers it)
 * @param alternatives the alternatives, those that change only design choices first, then by the
 *                     classification they reach (lowest first), then in the order of the definitions
 */
public record WhatIf(Decision decision, int distance, List<Alternative> alternatives) {
    public WhatIf {
        Objects.requireNonNull(decision, "decision");
        alternatives = List.copyOf(alternatives);
    }

    /** The answer fields a what-if changes, besides {@code axes.}<i>axis</i>. */
    public static final String FORM = "procurement.form";
    /** Whether the vendor trains a model for the system. */
    public static final String VENDOR_TRAINS_MODEL = "procurement.vendorTrainsModel";

    /**
     * One answer changed.
     *
     * @param field        {@code axes.users} (an axis), {@value WhatIf#FORM} or {@value WhatIf#VENDOR_TRAINS_MODEL}
     * @param from         the answer given, as the profile writes it ({@code PUBLIC}, {@code SAAS_API}, {@code true})
     * @param to           the answer that would lower the outcome
     * @param meaning      what moving to the new answer means in the world, in Japanese and English: the
     *                     questionnaire's {@link QuestionOption#change() change} text for the answer (e.g. for
     *                     {@code judgement NONE → EVERY_OUTPUT}, to have a staff member judge every output before
     *                     it is used), or, for definitions without a questionnaire, the answer's own title
     * @param designChoice whether moving to the answer is a choice the ministry can make ({@link
     *                     QuestionOption#designChoice()}); {@code false} for a fact it cannot change (who the
     *                     users are, when that is the purpose); {@code true} without a questionnaire
     */
    public record Change(String field, String from, String to, LocalizedText meaning, boolean designChoice) {
        public Change {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(meaning, "meaning");
        }

        /** The axis this change answers, or {@code null} for a procurement answer. */
        public String axis() {
            return field.startsWith("axes.") ? field.substring("axes.".length()) : null;
        }
    }

    /**
     * A profile that differs from the given one in {@code changes} only, and what it would be decided.
     *
     * @param decidedBy     the rule that makes it lower: the classification's rule when the class is lower,
     *                      else the escalation rule that does not require escalation
     * @param itemsAdded    checklist items required for the alternative and not for the profile
     * @param itemsRemoved  checklist items required for the profile and not for the alternative
     * @param dutiesAdded   the ministry's duties required for the alternative and not for the profile
     * @param dutiesRemoved the ministry's duties required for the profile and not for the alternative
     */
    public record Alternative(List<Change> changes, Decision decision, Reason decidedBy, List<String> itemsAdded,
                              List<String> itemsRemoved, List<String> dutiesAdded, List<String> dutiesRemoved) {
        public Alternative {
            changes = List.copyOf(changes);
            itemsAdded = List.copyOf(itemsAdded);
            itemsRemoved = List.copyOf(itemsRemoved);
            dutiesAdded = List.copyOf(dutiesAdded);
            dutiesRemoved = List.copyOf(dutiesRemoved);
        }

        /** Whether every answer it changes is a design choice. */
        public boolean designChoice() {
            return changes.stream().allMatch(Change::designChoice);
        }

        /** The profile it assesses: the given one with the changes applied. */
        public ProjectProfile profile() {
            return decision.profile();
        }
    }
}
