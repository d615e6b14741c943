package io.github.aigov.governance;

import java.util.List;

/**
 * Whether the project must be escalated: the CAIO reports it and seeks the advice of the
 * Advanced AI Utilization Advisory Board (先進的AI利活用アドバイザリーボード). The reasons are the
 * escalation rule that decided, then the classification rule behind it.
 */
public record Escalation(boolean required, List<Reason> reasons) {
    public Escalation {
        reasons = List.copyOf(reasons);
    }
}
