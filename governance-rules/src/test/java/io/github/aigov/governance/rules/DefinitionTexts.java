package io.github.aigov.governance.rules;

import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.Question;
import io.github.aigov.governance.QuestionOption;
import io.github.aigov.governance.Questionnaire;
import io.github.aigov.governance.QuestionnaireSection;
import io.github.aigov.governance.rules.internal.model.Definitions;
import io.github.aigov.governance.rules.internal.model.Meta;
import io.github.aigov.governance.rules.internal.model.Rules.Rule;
import io.github.aigov.governance.rules.internal.model.Sheets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The texts of a definition set, for tests that read every one of them. */
final class DefinitionTexts {
    private DefinitionTexts() {
    }

    /** Every text of a definition set, by where it is: titles, questions, reasons, option reasons, citations. */
    static Map<String, LocalizedText> of(Definitions defs) {
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        out.put("set.title", defs.set().title());
        out.put("set.citation", defs.set().citation());
        Sheets.RiskSheet risk = defs.risk();
        meta(out, risk.meta());
        for (Sheets.Axis a : risk.axes()) {
            meta(out, a.meta());
            out.put(a.meta().id() + ".question", a.question());
            for (Sheets.Option o : a.options()) {
                meta(out, o.meta().withId(o.key()));
                out.put(o.key() + ".reason", o.reason());
            }
        }
        Stream.of(risk.scope(), risk.combination(), risk.escalation()).flatMap(List::stream).forEach(r -> rule(out, r));
        for (Sheets.Checklist c : defs.checklists()) {
            meta(out, c.meta());
            for (Sheets.Group g : c.groups()) {
                meta(out, g.meta());
                g.items().forEach(i -> meta(out, i.meta()));
            }
            c.applicability().forEach(r -> rule(out, r));
        }
        if (defs.questionnaire() != null) {
            questionnaire(out, defs.questionnaire());
        }
        defs.overlays().forEach(o -> {
            out.put(o.id() + ".overlay.title", o.title());
            out.put(o.id() + ".overlay.citation", o.citation());
        });
        out.values().removeIf(v -> v == null);
        return out;
    }

    /** Every text an officer reads in the questionnaire: questions, help, answers, and their citations. */
    private static void questionnaire(Map<String, LocalizedText> out, Questionnaire q) {
        String p = "questionnaire.";
        out.put(p + "title", q.title());
        out.put(p + "citation", q.source().citation());
        for (QuestionnaireSection s : q.sections()) {
            out.put(p + s.id() + ".title", s.title());
            out.put(p + s.id() + ".citation", s.source().citation());
        }
        for (Question question : q.questions()) {
            String k = p + question.id();
            out.put(k + ".question", question.text());
            out.put(k + ".citation", question.source().citation());
            out.put(k + ".help.explanation", question.help().explanation());
            out.put(k + ".help.citation", question.help().source().citation());
            for (int i = 0; i < question.help().examples().size(); i++) {
                out.put(k + ".help.example" + (i + 1), question.help().examples().get(i));
            }
            for (QuestionOption o : question.options()) {
                String ok = k + "." + o.value();
                out.put(ok + ".meaning", o.meaning());
                out.put(ok + ".change", o.change());
                out.put(ok + ".citation", o.source().citation());
                for (int i = 0; i < o.examples().size(); i++) {
                    out.put(ok + ".example" + (i + 1), o.examples().get(i));
                }
            }
        }
    }

    private static void rule(Map<String, LocalizedText> out, Rule r) {
        meta(out, r.meta());
        out.put(r.meta().id() + ".reason", r.reason());
    }

    private static void meta(Map<String, LocalizedText> out, Meta m) {
        out.put(m.id() + ".title", m.title());
        out.put(m.id() + ".citation", m.citation());
    }
}
