/**
 * A small document model written as Markdown or as HTML, each writer escaping text for its format.
 * Internal: no compatibility promise.
 */
package io.github.aigov.governance.reports.internal.doc;
