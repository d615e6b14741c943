package io.github.aigov.governance.cli;

import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the interview needs beyond the terminal: the questionnaire of an engine, how an answer is read
 * (a number or an option's value; a text within the profile's constraints), and the profile written
 * from the answers, as YAML with the question above each answer.
 */
final class Interview {
    /** The longest text of a name, an organisation, a model's name or vendor (the profile's constraint). */
    static final int MAX_NAME = 500;
    /** The longest description (the profile's constraint). */
    static final int MAX_DESCRIPTION = 20_000;

    private Interview() {
    }

    /** The engine's questionnaire, or a problem saying the definitions have none. */
    static Questionnaire questionnaire(GovernanceEngine engine) {
        return engine.questionnaire().orElseThrow(() -> new GovernanceException(List.of(Problem.error(
                ProblemCode.MISSING_FIELD, new Location("definition-set.yaml", 0, 0, "questionnaire"),
                Message.of("cli.interview.no-questionnaire", engine.definitions().id(), engine.definitions().version()),
                Message.of("cli.hint.interview.no-questionnaire")))));
    }

    /** A text on one line: line breaks (a definition may wrap) become spaces. */
    static String oneLine(LocalizedText text, Locale locale) {
        return text.in(locale).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** The answer a line gives to a yes/no or choice question: its number (from 1), or its value (any case). */
    static Optional<QuestionOption> choose(Question question, String line) {
        String answer = line.strip();
        List<QuestionOption> options = question.options();
        if (answer.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(answer);
            return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1)) : Optional.empty();
        }
        return options.stream().filter(o -> o.value().equalsIgnoreCase(answer)).findFirst();
    }

    /**
     * Why a text answer is refused ({@code null}: accepted), as a message: blank where the profile needs a
     * value, too long, or an id outside the identifier pattern.
     */
    static Message refusal(Question question, String answer) {
        if (answer.isBlank()) {
            return question.optional() ? null : Message.of("cli.interview.blank");
        }
        int max = question.sets().equals("description") ? MAX_DESCRIPTION : MAX_NAME;
        if (question.sets().equals("id") && !answer.matches(ProjectProfile.ID_PATTERN)) {
            return Message.of("cli.interview.id");
        }
        if (answer.length() > max) {
            return Message.of("cli.interview.long", answer.length(), max);
        }
        return null;
    }

    /** An answer as the profile holds it, with the question it answers (for the comment above it). */
    record Answer(Question question, String value) {
    }

    /**
     * The profile as YAML: each answer under its field ({@code scope.textGeneration} under {@code scope}),
     * in the order asked, with the question as a comment above it and a choice's meaning beside it. Texts
     * are double-quoted with escapes, so any answer reads back exactly; an optional answer left empty is left out.
     */
    static String yaml(Questionnaire q, String definitions, List<Answer> answers, Locale locale) {
        Map<String, List<Answer>> groups = new LinkedHashMap<>();
        for (Answer a : answers) {
            if (a.question().type() == Question.Type.TEXT && a.value().isEmpty()) {
                continue;
            }
            int dot = a.question().sets().indexOf('.');
            String group = dot < 0 ? "" + a.question().sets() : a.question().sets().substring(0, dot);
            groups.computeIfAbsent(dot < 0 ? "\u0000" + group : group, k -> new ArrayList<>()).add(a);
        }
        StringBuilder y = new StringBuilder();
        y.append("# ").append(comment(io.github.aigov.governance.Messages.render(
                Message.of("cli.interview.header", definitions, q.id()), locale))).append('\n');
        for (Map.Entry<String, List<Answer>> g : groups.entrySet()) {
            boolean nested = !g.getKey().startsWith("\u0000");
            if (nested) {
                y.append(g.getKey()).append(":\n");
            }
            String indent = nested ? "  " : "";
            for (Answer a : g.getValue()) {
                Question question = a.question();
                String key = nested ? question.sets().substring(g.getKey().length() + 1) : question.sets();
                y.append(indent).append("# ").append(comment(oneLine(question.text(), locale))).append('\n');
                y.append(indent).append(key).append(": ");
                if (question.type() == Question.Type.TEXT) {
                    y.append(quoted(a.value()));
                } else {
                    y.append(a.value());
                    question.option(a.value()).ifPresent(o -> y.append("  # ").append(comment(oneLine(o.meaning(), locale))));
                }
                y.append('\n');
            }
        }
        return y.toString();
    }

    /** A comment's text: never a line break, which would end the comment. */
    private static String comment(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }

    /** A YAML double-quoted scalar: backslash, quote and every control character escaped. */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                q.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                q.append(String.format("\\u%04X", c));
            } else {
                q.appendCodePoint(c);
            }
        });
        return q.append('"').toString();
    }
}
