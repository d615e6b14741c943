package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;

/**
 * A section of a {@link Questionnaire}: questions about one part of the project.
 *
 * @param id        the section's id, e.g. {@code procurement}
 * @param title     its title
 * @param questions its questions, in the order they are asked
 * @param source    where it was written, its provenance and citation
 */
public record QuestionnaireSection(String id, LocalizedText title, List<Question> questions, SourceRef source) {
    public QuestionnaireSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(questions);
        Objects.requireNonNull(source, "source");
    }
}
