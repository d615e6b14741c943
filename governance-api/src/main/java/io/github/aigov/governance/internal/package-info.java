/**
 * Implementation shared by the library's modules and its command line: not part of the API, no
 * compatibility promise (as every {@code internal} package).
 */
package io.github.aigov.governance.internal;
