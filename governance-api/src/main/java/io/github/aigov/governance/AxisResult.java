package io.github.aigov.governance;

/** One axis of the high-risk assessment sheet: the option the profile chose and the level it has. */
public record AxisResult(String axis, String option, RiskLevel level, Reason reason) {
}
