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

    /** Renders a message: a definition's text ({@code ID.title}, {@code ID.reason}) or a library key. */
    String render(Message message, Locale locale);
}
