package io.github.aigov.governance;

import java.util.Optional;

/** The result of the high-risk assessment. {@link #OUT_OF_SCOPE} projects are not classified. */
public enum Classification {
    LOW, MEDIUM, HIGH, OUT_OF_SCOPE;

    /** The risk level, or empty for {@link #OUT_OF_SCOPE}. */
    public Optional<RiskLevel> level() {
        return this == OUT_OF_SCOPE ? Optional.empty() : Optional.of(RiskLevel.valueOf(name()));
    }
}
