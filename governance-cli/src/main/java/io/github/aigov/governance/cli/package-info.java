/**
 * The {@code governance} command line: {@code governance assess PROFILE.yaml} prints a project's
 * DS-920 decision as a report for the procurement officer or as its JSON record. Uses the public
 * API only ({@link io.github.aigov.governance.Governance}); the engine is found at run time.
 * See {@link io.github.aigov.governance.cli.GovernanceCli} for the exit codes.
 */
package io.github.aigov.governance.cli;
