/**
 * The checked parse model of a definition set: immutable records that remember the file and line they
 * were written at. What the rule compiler consumes, and what tools beside the engine (the benchmark's
 * plain-Java reference evaluator, the rules listing) read; obtained with {@link io.github.aigov.governance.rules.RuleSets}.
 * Public so that nothing outside this module needs the {@code internal} packages; it changes with the
 * definition format (docs/definition-format.md).
 */
package io.github.aigov.governance.rules.model;
