package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The questions an officer answers to write a project profile, as data: sections in the order they
 * are answered, each question with the profile field its answer sets, a plain-language explanation,
 * examples and, for a yes/no or choice question, its answers. A front end renders it without knowing
 * the guideline: everything it shows is here, in Japanese and English, with its provenance. An
 * overlay may reword questions, help and answers; the reworded ones name the overlay in their
 * {@link SourceRef#overlay() source}.
 *
 * @param id               the questionnaire's id, e.g. {@code DS-920-QUESTIONNAIRE}
 * @param guidelineVersion the version of the definitions whose profile it writes
 * @param title            its title
 * @param sections         the sections, in the order an officer answers them
 * @param source           where it was written, its provenance and citation
 */
public record Questionnaire(String id, String guidelineVersion, LocalizedText title, List<QuestionnaireSection> sections,
                            SourceRef source) {
    public Questionnaire {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guidelineVersion, "guidelineVersion");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
        Objects.requireNonNull(source, "source");
    }

    /** Every question of every section, in the order they are asked. */
    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    /** The question with this id. */
    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The question whose answer sets this profile field ({@code procurement.form}, {@code axes.users}, ...). */
    public Optional<Question> questionFor(String profileField) {
        return questions().stream().filter(q -> q.sets().equals(profileField)).findFirst();
    }
}
