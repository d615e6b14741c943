package io.github.aigov.governance;

import java.util.List;
import java.util.Locale;

/**
 * A compiled definition set. Build once (with {@link Governance#builder()}); assess many times,
 * from many threads.
 */
public interface GovernanceEngine {

    /**
     * Assesses a project.
     *
     * @throws GovernanceException if the profile violates a constraint or answers an axis with an
     *                             option the definitions do not have (every problem listed), or,
     *                             marked {@linkplain GovernanceException#internal() internal}, if
     *                             the evaluation could not complete
     */
    Decision assess(ProjectProfile profile);

    /** The definitions this engine was built from. */
    DefinitionsRef definitions();

    /** The definitions' structure (sheets, groups, items, axes) for reports. */
    DefinitionCatalog catalog();

    /**
     * The questions an officer answers to write a profile for these definitions, with any overlay's
     * rewording applied: empty when the definition set names no questionnaire (every shipped version
     * has one).
     */
    default java.util.Optional<Questionnaire> questionnaire() {
        return java.util.Optional.empty();
    }

    /**
     * What the load found doubtful but not wrong, each a {@link Problem} of severity
     * {@link Severity#WARNING} with its location: for example a rule that can never fire
     * ({@code GOV-0016}). Empty for the shipped definitions. Sorted by location.
     */
    List<Problem> warnings();

    /**
     * The crosswalks to other frameworks that apply to this engine's guideline version (the shipped ones,
     * as replaced or extended by the overlays the engine was built with), in id order; each holds only the
     * mappings of this version. Empty for a definition set read from files, unless an overlay adds one.
     */
    default List<Crosswalk> crosswalks() {
        return List.of();
    }

    /** The crosswalk with this id ({@code eu-ai-act}, {@code nist-ai-rmf}, ...), if this engine has it. */
    default java.util.Optional<Crosswalk> crosswalk(String id) {
        return crosswalks().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The smallest changes of the profile's answers that lower its classification or remove its
     * escalation, each assessed by this engine (see {@link WhatIf}). Changes that alter only design choices
     * come first; those that alter a fact the ministry cannot change come last.
     *
     * @throws GovernanceException as {@link #assess(ProjectProfile)} does for the profile
     */
    default WhatIf whatIf(ProjectProfile profile) {
        return io.github.aigov.governance.internal.WhatIfSearch.search(this, profile);
    }

    /** Renders a message: a definition's text ({@code ID.title}, {@code ID.reason}) or a library key. */
    String render(Message message, Locale locale);
}
