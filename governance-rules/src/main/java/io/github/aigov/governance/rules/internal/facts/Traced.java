package io.github.aigov.governance.rules.internal.facts;

import io.github.aigov.governance.TraceFact;

/** A fact of the decision that a trace event lists when a rule matches it: as a value, never its text. */
public interface Traced {
    TraceFact fact();
}
