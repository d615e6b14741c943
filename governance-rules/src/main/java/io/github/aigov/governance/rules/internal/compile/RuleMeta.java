package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.SourceRef;

/**
 * What a generated rule was compiled from: its phase, the definition's id and source, and what it
 * establishes when it fires.
 */
public record RuleMeta(String ruleName, String phase, String definitionId, SourceRef source, Outcome outcome) {
}
