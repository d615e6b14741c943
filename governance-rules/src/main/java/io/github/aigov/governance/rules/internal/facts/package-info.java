/**
 * The facts the generated rules match and insert. Plain, immutable classes with getters so that
 * the rule compiler needs no reflection tricks; their {@code toString()} is what the trace shows.
 */
package io.github.aigov.governance.rules.internal.facts;
