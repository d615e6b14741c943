/**
 * The facts the generated rules match and insert. Plain, immutable classes with getters so that
 * the rule compiler needs no reflection tricks; each {@link io.github.aigov.governance.rules.internal.facts.Traced} one gives the
 * trace its value.
 */
package io.github.aigov.governance.rules.internal.facts;
