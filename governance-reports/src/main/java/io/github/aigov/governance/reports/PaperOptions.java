package io.github.aigov.governance.reports;

import java.util.List;
import java.util.Objects;

/**
 * What a paper shows beyond the decision itself.
 *
 * @param crosswalks the crosswalks ({@code eu-ai-act}, {@code nist-ai-rmf}, ...) whose references each
 *                   required item is shown with, in this order; none by default. Each must be one of the
 *                   engine's ({@link io.github.aigov.governance.GovernanceEngine#crosswalks()}).
 */
public record PaperOptions(List<String> crosswalks) {
    /** The decision only. */
    public static final PaperOptions DEFAULT = new PaperOptions(List.of());

    public PaperOptions {
        crosswalks = List.copyOf(Objects.requireNonNull(crosswalks, "crosswalks"));
    }

    /** The decision with the references of these crosswalks. */
    public static PaperOptions crosswalks(String... ids) {
        return new PaperOptions(List.of(ids));
    }
}
