package io.github.aigov.governance.server.questionnaire;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.server.assess.Engines;
import io.github.aigov.governance.server.pages.Texts;
import io.github.aigov.governance.server.systems.DecisionView;
import io.github.aigov.governance.server.systems.ProfileYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The registration questionnaire: the library's questions for the chosen definitions, the officer's
 * answers (by question id, as the form sends them), and what they come to. An unanswered question is
 * named and nothing is assessed until every question that is not optional has an answer: a
 * classification is never computed from a guess. The answers become a profile by the same reader as
 * an uploaded file, so a refused answer (an id in the wrong form) is the library's problem, named.
 */
@Service
public class QuestionnaireService {
    private final Engines engines;
    private final Texts texts;

    public QuestionnaireService(Engines engines, Texts texts) {
        this.engines = engines;
        this.texts = texts;
    }

    /** The questionnaire of the chosen definitions, with its engine. */
    public record Chosen(GovernanceEngine engine, Questionnaire questionnaire) {
    }

    public Chosen chosen(Engines.Choice choice) {
        GovernanceEngine engine = engines.engine(choice);
        Questionnaire q = engine.questionnaire().orElseThrow(() -> new IllegalStateException(
                "the definitions " + engine.definitions().version() + " carry no questionnaire"));
        return new Chosen(engine, q);
    }

    /** What the answers come to: the questions not answered, or the library's problems, or the profile and its decision. */
    public record Outcome(List<Question> unanswered, List<Texts.ProblemView> problems, String yaml, ProjectProfile profile,
                          DecisionView decision) {
        public boolean complete() {
            return profile != null;
        }
    }

    /** Checks the answers: names what is unanswered; otherwise reads them as a profile and assesses it (nothing is stored). */
    public Outcome check(Chosen chosen, Map<String, String> answers, Locale locale) {
        List<Question> unanswered = new ArrayList<>();
        for (Question q : chosen.questionnaire().questions()) {
            String a = answers.get(q.id());
            boolean given = a != null && !a.isBlank() && (q.type() == Question.Type.TEXT || q.option(a).isPresent());
            if (!given && !q.optional()) {
                unanswered.add(q);
            }
        }
        if (!unanswered.isEmpty()) {
            return new Outcome(unanswered, List.of(), null, null, null);
        }
        String yaml = yaml(chosen.questionnaire(), answers);
        ProjectProfile profile;
        try {
            profile = Governance.parseProfile(yaml, "questionnaire.yaml");
        } catch (GovernanceException e) {
            return new Outcome(List.of(), e.problems().stream().map(texts::problem).toList(), yaml, null, null);
        }
        Decision d = chosen.engine().assess(profile);
        return new Outcome(List.of(), List.of(), yaml, profile, DecisionView.of(d, chosen.engine(), locale));
    }

    /**
     * The answers as a profile in YAML, each at the field its question sets ({@code axes.users} under
     * {@code axes}); texts quoted, yes/no and choices as their values. Only what was answered is written.
     */
    static String yaml(Questionnaire questionnaire, Map<String, String> answers) {
        Map<String, Map<String, String>> nested = new LinkedHashMap<>();
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=project-profile.schema.json\n");
        y.append("# Written from the answers to the questionnaire ").append(questionnaire.id()).append(' ')
                .append(questionnaire.guidelineVersion()).append(".\n");
        for (Question q : questionnaire.questions()) {
            String a = answers.get(q.id());
            if (a == null || a.isBlank()) {
                continue;
            }
            String value = q.type() == Question.Type.TEXT ? ProfileYaml.quoted(a.strip()) : a.strip();
            int dot = q.sets().indexOf('.');
            if (dot < 0) {
                y.append(q.sets()).append(": ").append(value).append('\n');
            } else {
                nested.computeIfAbsent(q.sets().substring(0, dot), k -> new LinkedHashMap<>())
                        .put(q.sets().substring(dot + 1), value);
            }
        }
        nested.forEach((group, fields) -> {
            y.append(group).append(":\n");
            fields.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
        });
        return y.toString();
    }

    /** The answers a profile gives, by question id (what an uploaded profile fills in). */
    public static Map<String, String> answers(Questionnaire questionnaire, ProjectProfile p) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            String v = switch (q.sets()) {
                case "id" -> p.id();
                case "name" -> p.name();
                case "organisation" -> p.organisation();
                case "description" -> p.description();
                case "scope.textGeneration" -> String.valueOf(p.scope().textGeneration());
                case "scope.specifiedSecrets" -> String.valueOf(p.scope().specifiedSecrets());
                case "model.name" -> p.model().name();
                case "model.vendor" -> p.model().vendor();
                case "procurement.form" -> p.procurement().form().name();
                case "procurement.vendorTrainsModel" -> String.valueOf(p.procurement().vendorTrainsModel());
                default -> q.sets().startsWith("axes.") ? p.axes().get(q.sets().substring("axes.".length())) : null;
            };
            if (v != null) {
                answers.put(q.id(), v);
            }
        }
        return answers;
    }

    /** A text of the questionnaire in the request's language. */
    static String in(LocalizedText t, Locale locale) {
        return t == null ? "" : t.in(locale);
    }
}
