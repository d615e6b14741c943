/** What an engine implementation provides to {@link io.github.aigov.governance.Governance}. */
package io.github.aigov.governance.spi;
