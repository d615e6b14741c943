package io.github.aigov.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generative-AI project as a procurement officer describes it: what it is, whether it is in the
 * guideline's scope, how it is procured, and its answer on each axis of the high-risk assessment
 * sheet (axis id to option id, e.g. {@code users -> PUBLIC}).
 *
 * <p>Immutable. Constraints are checked by the engine before any rule runs; every violation is
 * reported at once, by field path.
 */
public record ProjectProfile(
        @NotBlank @Pattern(regexp = ID_PATTERN) String id,
        @NotBlank @Size(max = 500) String name,
        @NotBlank @Size(max = 500) String organisation,
        @Size(max = 20_000) String description,
        @NotNull @Valid Scope scope,
        @NotNull @Valid Model model,
        @NotNull @Valid Procurement procurement,
        @NotEmpty Map<@NotBlank String, @NotBlank String> axes) {

    /** Identifiers: a letter or digit, then letters, digits, {@code _ . -}; at most 128 characters. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$";

    public ProjectProfile {
        description = description == null ? "" : description;
        axes = axes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /** Whether the system is within DS-920's scope. */
    public record Scope(
            /** The system has a text-generating AI component. */
            @NotNull Boolean textGeneration,
            /** The system handles specially designated secrets (特定秘密) or security-sensitive information. */
            @NotNull Boolean specifiedSecrets) {
    }

    /** The model used and who provides it. */
    public record Model(@NotBlank @Size(max = 500) String name, @NotBlank @Size(max = 500) String vendor) {
    }

    /** How the system is procured. */
    public record Procurement(
            @NotNull ProcurementForm form,
            /** The vendor trains or fine-tunes a model for this system. */
            @NotNull Boolean vendorTrainsModel) {
    }
}
