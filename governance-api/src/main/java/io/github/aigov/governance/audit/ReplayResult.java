package io.github.aigov.governance.audit;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Message;
import java.util.List;

/**
 * The outcome of re-evaluating a recorded decision's profile with the recorded definitions:
 * identical when classification, escalation, every item's status and reason, every obligation's
 * (unless the record is of schema 1, written before decisions carried them), and the trace's rule
 * sequence are the same.
 */
public record ReplayResult(Decision recorded, Decision replayed, List<Message> differences) {
    public ReplayResult {
        differences = List.copyOf(differences);
    }

    public boolean identical() {
        return differences.isEmpty();
    }
}
