package io.github.aigov.governance;

/** Where a definition comes from. Every report carries it. */
public enum Provenance {
    /** Stated in the guideline's own documents. */
    SEED,
    /** Reported publicly about the guideline (paraphrased, not the guideline's text). */
    PUBLIC,
    /** This project's (or a ministry's) own reading where the guideline leaves the decision open. */
    INTERPRETATION
}
