/**
 * The papers a ministry files for one {@link io.github.aigov.governance.Decision}: a printable HTML
 * report, specification and contract text, a checklist workbook for the vendor's answers, and the
 * draft report to the advisory board, in Japanese or English. One entry point,
 * {@link io.github.aigov.governance.reports.Reports}; it depends on the public API only.
 *
 * <p>Everything under {@code internal} is the implementation: no compatibility promise.
 */
package io.github.aigov.governance.reports;
