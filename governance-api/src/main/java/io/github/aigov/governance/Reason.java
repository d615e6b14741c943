package io.github.aigov.governance;

import java.util.Objects;

/** Why something was decided: the rule that decided it, its text, and where that rule is defined. */
public record Reason(String ruleId, Message message, SourceRef source) {
    public Reason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }
}
