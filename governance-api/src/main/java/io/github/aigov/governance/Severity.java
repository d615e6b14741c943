package io.github.aigov.governance;

/** How bad a {@link Problem} is. Errors stop a load; warnings are reported and the load goes on. */
public enum Severity {
    ERROR, WARNING
}
