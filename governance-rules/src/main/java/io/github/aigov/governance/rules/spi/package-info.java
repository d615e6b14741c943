/**
 * The one seam for an alternative engine: {@link io.github.aigov.governance.rules.spi.EngineBuilder}, an engine
 * from a checked definition set. (The API module's {@code spi.GovernanceProvider} is how
 * {@link io.github.aigov.governance.Governance} reaches this library's single implementation; it is not meant
 * to be implemented again.)
 */
package io.github.aigov.governance.rules.spi;
