package io.github.aigov.governance;

/** The level of one axis of the high-risk assessment sheet, or of a classification. Ordered. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    /** Whether this level is at least {@code other}. */
    public boolean isAtLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** The classification with the same name. */
    public Classification toClassification() {
        return Classification.valueOf(name());
    }
}
