/**
 * How the papers are laid out: {@code ReportView} resolves a decision into one language, arranged by
 * checklist and group; each format only lays it out. Internal: no compatibility promise.
 */
package io.github.aigov.governance.reports.internal;
