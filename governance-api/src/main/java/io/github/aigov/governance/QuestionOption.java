package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;

/**
 * An answer to a yes/no or choice {@link Question}.
 *
 * @param value        what the profile holds when this answer is chosen: an option id, or {@code true} / {@code false}
 * @param meaning      what choosing it says about the system
 * @param examples     examples of systems that answer so (may be empty for an option an overlay added to an axis
 *                     without rewording the question)
 * @param designChoice whether moving to this answer is a design decision the ministry can take; {@code false}
 *                     when it describes a fact the ministry cannot change when it is the system's purpose
 * @param change       what moving to this answer means in the world, as an instruction to the planner
 * @param source       where it was written (or reworded), its provenance and citation
 */
public record QuestionOption(String value, LocalizedText meaning, List<LocalizedText> examples, boolean designChoice,
                             LocalizedText change, SourceRef source) {
    public QuestionOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(meaning, "meaning");
        examples = List.copyOf(examples);
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(source, "source");
    }
}
