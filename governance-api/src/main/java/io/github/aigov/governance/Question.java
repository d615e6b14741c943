package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a {@link Questionnaire}.
 *
 * @param id       the question's id, unique in its questionnaire
 * @param sets     the profile field its answer sets, as a path: {@code id}, {@code name},
 *                 {@code organisation}, {@code description}, {@code scope.textGeneration},
 *                 {@code scope.specifiedSecrets}, {@code model.name}, {@code model.vendor},
 *                 {@code procurement.form}, {@code procurement.vendorTrainsModel} or {@code axes.<axis id>}
 * @param type     how it is answered
 * @param axis     for a question that answers an axis, the axis id; else {@code null}
 * @param optional whether the profile may leave the field out
 * @param text     the question as asked
 * @param help     what the officer sees on request: an explanation and examples
 * @param options  the answers, in order: for {@link Type#BOOLEAN} {@code true} then {@code false}, for
 *                 {@link Type#CHOICE} the option ids; empty for {@link Type#TEXT}
 * @param source   where it was written (or reworded), its provenance and citation
 */
public record Question(String id, String sets, Type type, String axis, boolean optional, LocalizedText text,
                       QuestionHelp help, List<QuestionOption> options, SourceRef source) {

    /** How a question is answered. */
    public enum Type {
        /** A free text. */
        TEXT,
        /** Yes or no: the options {@code true} and {@code false}. */
        BOOLEAN,
        /** One of the options, by its value (the option id the profile holds). */
        CHOICE
    }

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(help, "help");
        options = List.copyOf(options);
        Objects.requireNonNull(source, "source");
    }

    /** The answer with this value ({@code true}/{@code false}, or an option id). */
    public Optional<QuestionOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
