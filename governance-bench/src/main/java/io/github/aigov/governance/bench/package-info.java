/**
 * Benchmarks of the engine, and what they are measured against: a plain-Java reference evaluator
 * of the same definitions (the floor), a synthetic inventory generator and a soak harness. Not part
 * of the library: nothing here is published, and nothing here runs during {@code mvn verify}
 * except the unit tests.
 */
package io.github.aigov.governance.bench;
