/**
 * How {@link io.github.aigov.governance.Governance} reaches its one implementation, governance-rules. Not an
 * extension point: an alternative engine supplies {@code io.github.aigov.governance.rules.spi.EngineBuilder}.
 */
package io.github.aigov.governance.spi;
