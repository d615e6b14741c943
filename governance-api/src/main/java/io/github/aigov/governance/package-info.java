/**
 * The public API of the DS-920 governance library.
 *
 * <p>Three tiers, as in Hibernate Validator:
 * <ul>
 *   <li>this package: immutable values ({@link io.github.aigov.governance.ProjectProfile},
 *       {@link io.github.aigov.governance.Decision}, ...) and the narrow entry point
 *       {@link io.github.aigov.governance.Governance};</li>
 *   <li>{@code spi}: what an engine implementation provides (found with {@link java.util.ServiceLoader});</li>
 *   <li>everything under {@code internal} in other modules: no compatibility promise.</li>
 * </ul>
 * No type of the rule engine appears in any signature here.
 */
package io.github.aigov.governance;
