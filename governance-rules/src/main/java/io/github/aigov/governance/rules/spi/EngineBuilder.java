package io.github.aigov.governance.rules.spi;

import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.rules.model.Definitions;

/**
 * What an alternative engine supplies, and all it supplies: an engine built from a checked definition set.
 * Found with {@link java.util.ServiceLoader}; the library's own is Drools ({@code drools}), used unless
 * exactly one other is on the class path.
 *
 * <p>Everything else is the library's, implemented once over any {@link GovernanceEngine}: reading and
 * checking the definitions and overlays it is given ({@code definitions}), reading profiles, the decision's
 * JSON and its audit records, hashing and signing the audit log, replaying records, running golden cases and
 * comparing two definition sets. An engine must decide as {@code docs/definition-format.md} says and give
 * each decision its trace; the golden cases and the agreement tests are how to check one.
 */
public interface EngineBuilder {

    /** A short name for the engine, e.g. {@code drools}. */
    String name();

    /**
     * An engine over these definitions, immutable and safe to share between threads.
     *
     * @param definitions checked and complete (every rule can be evaluated), overlays applied
     */
    GovernanceEngine build(Definitions definitions);
}
