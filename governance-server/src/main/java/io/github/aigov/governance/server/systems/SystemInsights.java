package io.github.aigov.governance.server.systems;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.WhatIf;
import io.github.aigov.governance.server.problems.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the system's page shows beside its decision, as the library computes it: the what-if
 * suggestions (the smallest changes of the answers that lower the outcome) and, on request, a
 * crosswalk's references for each required item with the framework's coverage. Nothing is decided
 * here: each is one call into the library, rendered in the page's language.
 */
@Service
public class SystemInsights {

    /** The alternatives the library found, in its order; none when nothing of up to two answers lowers the outcome. */
    public record WhatIfView(int distance, List<Suggestion> suggestions) {
    }

    /**
     * One alternative: what to change, and what it would be decided.
     *
     * @param changes      each change in plain words (the questionnaire's text for the new answer)
     * @param fields       each change as the profile writes it, {@code axes.judgement: NONE → EVERY_OUTPUT}
     * @param designChoice whether every change is one the ministry can make
     * @param added        the checklist items and duties it would newly require, with their titles, in one line (empty: none)
     * @param removed      those it would no longer require, likewise
     */
    public record Suggestion(List<String> changes, List<String> fields, boolean designChoice, DecisionView.Label classification,
                             boolean escalation, String rule, String added, String removed) {
    }

    /** A crosswalk the engine offers: its id and title in the page's language. */
    public record Choice(String id, String title) {
    }

    /**
     * A crosswalk's references for each required item of the decision (items without a mapping left out),
     * and how many of the framework's references the decision touches and leaves uncovered.
     *
     * @param framework       the framework's title in the page's language (EU AI法)
     * @param uncoveredLabels the references left uncovered, in one line (empty: none)
     */
    public record CrosswalkView(String id, String title, String framework, List<ItemReferences> items, int touched,
                                int uncovered, String uncoveredLabels) {
    }

    /** A required item and its references, {@code Art. 14（直接）、Art. 26（部分）}. */
    public record ItemReferences(String id, String title, String references) {
    }

    /** The what-if of the revision's profile, by the engine the revision was assessed with. */
    public WhatIfView whatIf(Decision decision, GovernanceEngine engine, Locale locale) {
        DecisionView.Render r = new DecisionView.Render(engine, locale);
        WhatIf w = engine.whatIf(decision.profile());
        List<Suggestion> suggestions = w.alternatives().stream().map(a -> new Suggestion(
                a.changes().stream().map(c -> c.meaning().in(locale)).toList(),
                a.changes().stream().map(c -> c.field() + ": " + c.from() + " → " + c.to()).toList(),
                a.designChoice(), r.classification(a.decision().classification()), a.decision().escalation().required(),
                a.decidedBy() == null ? "" : a.decidedBy().ruleId(),
                titled(a.itemsAdded(), a.dutiesAdded(), r), titled(a.itemsRemoved(), a.dutiesRemoved(), r))).toList();
        return new WhatIfView(w.distance(), suggestions);
    }

    private static String titled(List<String> items, List<String> duties, DecisionView.Render r) {
        return java.util.stream.Stream.concat(items.stream(), duties.stream()).map(id -> id + " " + r.title(id))
                .collect(Collectors.joining(r.comma()));
    }

    /** The crosswalks the engine offers, for the page's form. */
    public List<Choice> choices(GovernanceEngine engine, Locale locale) {
        return engine.crosswalks().stream().map(c -> new Choice(c.id(), c.title() == null ? c.id() : c.title().in(locale))).toList();
    }

    /**
     * The crosswalk asked for, or {@code null} when none is; an id the engine does not have is refused
     * (400) with the ids it has.
     */
    public CrosswalkView crosswalk(Decision decision, GovernanceEngine engine, String id, Locale locale) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Crosswalk c = require(engine, id);
        DecisionView.Render r = new DecisionView.Render(engine, locale);
        List<ItemReferences> items = decision.items(ItemStatus.REQUIRED).stream().map(ItemResult::id)
                .map(item -> new ItemReferences(item, r.title(item), references(c, item, r))).filter(i -> !i.references().isEmpty())
                .toList();
        Crosswalk.Coverage coverage = c.coverage(decision);
        String framework = c.framework().title() == null ? c.framework().id() : c.framework().title().in(locale);
        return new CrosswalkView(c.id(), c.title() == null ? c.id() : c.title().in(locale), framework, items,
                coverage.covered().size(), coverage.uncovered().size(),
                coverage.uncovered().stream().map(Crosswalk.Reference::label).collect(Collectors.joining(r.comma())));
    }

    /** The engine's crosswalk with this id, or a 400 naming the ones it has. */
    public static Crosswalk require(GovernanceEngine engine, String id) {
        return engine.crosswalk(id).orElseThrow(() -> ApiProblem.badParameter("crosswalk", id,
                engine.crosswalks().stream().map(Crosswalk::id).collect(Collectors.joining(", "))));
    }

    private static String references(Crosswalk c, String item, DecisionView.Render r) {
        Map<String, Crosswalk.Target> targets = new LinkedHashMap<>();
        for (Crosswalk.Mapping m : c.mappingsOf(item)) {
            m.targets().forEach(t -> targets.putIfAbsent(t.reference().id(), t));
        }
        boolean ja = "ja".equals(r.locale().getLanguage());
        return targets.values().stream().map(t -> t.reference().label() + (ja ? "（" : " (")
                + r.text("reports.crosswalk.strength." + t.strength().name()) + (ja ? "）" : ")")).collect(Collectors.joining(r.comma()));
    }
}
