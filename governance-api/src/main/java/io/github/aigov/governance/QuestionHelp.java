package io.github.aigov.governance;

import java.util.List;
import java.util.Objects;

/**
 * A question's help: a plain-language explanation and one or two examples.
 *
 * @param explanation what the question asks and why it matters
 * @param examples    examples of answers
 * @param source      where it was written, its provenance and citation
 */
public record QuestionHelp(LocalizedText explanation, List<LocalizedText> examples, SourceRef source) {
    public QuestionHelp {
        Objects.requireNonNull(explanation, "explanation");
        examples = List.copyOf(examples);
        Objects.requireNonNull(source, "source");
    }
}
