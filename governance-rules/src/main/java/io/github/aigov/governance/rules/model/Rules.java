package io.github.aigov.governance.rules.model;

import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.RiskLevel;
import java.util.List;

/** The rule definitions of the sheets. Each decides one thing, first match wins within its list. */
public final class Rules {
    private Rules() {
    }

    /**
     * The message key of a rule's reason, {@code ID.reason} (for an option, {@code axis.OPTION.reason}): the one
     * place it is built, for the texts that define it and the decisions that name it.
     */
    public static String reasonKey(String definitionId) {
        return definitionId + ".reason";
    }

    /** The message key of a definition's title, {@code ID.title}. */
    public static String titleKey(String definitionId) {
        return definitionId + ".title";
    }

    /** A definition rule: an id, a condition and the reason shown when it decides. */
    public sealed interface Rule permits ScopeRule, CombinationRule, EscalationRule, ApplicabilityRule {
        Meta meta();

        Condition when();

        LocalizedText reason();

        /** The message key of its reason, {@link Rules#reasonKey}. */
        default String reasonKey() {
            return Rules.reasonKey(meta().id());
        }
    }

    /** Any match: the project is out of scope. */
    public record ScopeRule(Meta meta, Condition when, LocalizedText reason) implements Rule {
    }

    public record CombinationRule(Meta meta, Condition when, RiskLevel result, LocalizedText reason) implements Rule {
    }

    public record EscalationRule(Meta meta, Condition when, boolean required, LocalizedText reason) implements Rule {
    }

    /**
     * Decides the status of the items it names (ids, group ids, or every item of its checklist).
     *
     * @param items    the item and group ids as written, or empty when {@code all}
     * @param allItems whether it names every item of its checklist
     */
    public record ApplicabilityRule(Meta meta, String checklist, List<String> items, boolean allItems, Condition when,
                                    ItemStatus status, LocalizedText reason) implements Rule {
        public ApplicabilityRule {
            items = List.copyOf(items);
        }
    }
}
