package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.RiskLevel;

/**
 * What a generated rule establishes when it fires: the typed value the compiler writes on the rule's
 * {@link RuleMeta} and the trace reads, never text parsed back. {@link #text} is how a trace event
 * shows it (e.g. {@code classification=HIGH}).
 */
public sealed interface Outcome {

    /** The outcome as a trace event shows it. */
    String text();

    /** A scope rule held: the project is out of scope. */
    record OutOfScope() implements Outcome {
        @Override
        public String text() {
            return "outOfScope";
        }
    }

    /** An answered option gave its axis a level. */
    record AxisLevel(String axis, RiskLevel level) implements Outcome {
        @Override
        public String text() {
            return axis + "=" + level;
        }
    }

    /** A combination rule decided the classification. */
    record Classification(RiskLevel level) implements Outcome {
        @Override
        public String text() {
            return "classification=" + level;
        }
    }

    /** An escalation rule decided whether the advisory board must be consulted. */
    record Escalation(boolean required) implements Outcome {
        @Override
        public String text() {
            return "escalation.required=" + required;
        }
    }

    /**
     * An item rule (applicability, obligation, or a scope rule's items) gave every undecided item it names this
     * status: the trace shows one event per item, {@link #text(String)}.
     */
    record Items(ItemStatus status) implements Outcome {
        @Override
        public String text() {
            return "item=" + status;
        }

        /** The outcome for one item, {@code ID=STATUS}. */
        public String text(String itemId) {
            return itemId + "=" + status;
        }
    }
}
