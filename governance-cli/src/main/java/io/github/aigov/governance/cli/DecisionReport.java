package io.github.aigov.governance.cli;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.ItemResult;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ObligationResult;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import io.github.aigov.governance.TraceFact;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A decision as the procurement officer reads it: the project and the definitions that decided,
 * the classification, the escalation, the four axes, each checklist's items by status, the
 * ministry's own duties (who acts, when), the trace, and what each provenance means. Every heading and label is a message key; every definition text
 * is the definition's own, in the report's language.
 */
final class DecisionReport {
    private static final String NL = System.lineSeparator();
    /** Strongest first: what the specifications and the contract must do, then what they may. */
    private static final List<ItemStatus> STATUS_ORDER =
            List.of(ItemStatus.REQUIRED, ItemStatus.RECOMMENDED, ItemStatus.NOT_APPLICABLE);

    private final GovernanceEngine engine;
    private final Locale locale;
    private final StringBuilder out = new StringBuilder();

    private final List<io.github.aigov.governance.Crosswalk> crosswalks;

    DecisionReport(GovernanceEngine engine, Locale locale) {
        this(engine, locale, List.of());
    }

    /** The report with each required item's and duty's references in these crosswalks, and what each leaves uncovered. */
    DecisionReport(GovernanceEngine engine, Locale locale, List<io.github.aigov.governance.Crosswalk> crosswalks) {
        this.engine = engine;
        this.locale = locale;
        this.crosswalks = List.copyOf(crosswalks);
    }

    /** Under a required item or duty, its references in each crosswalk asked for. */
    private void references(String id, ItemStatus status, int indent) {
        if (status != ItemStatus.REQUIRED) {
            return;
        }
        for (io.github.aigov.governance.Crosswalk c : crosswalks) {
            String refs = Crosswalks.line(c, id, engine, locale);
            if (!refs.isEmpty()) {
                line(" ".repeat(indent) + "→ " + refs);
            }
        }
    }

    /** Per crosswalk asked for: the framework and the references this decision touches and leaves uncovered. */
    private void crosswalkSummary(Decision d) {
        for (io.github.aigov.governance.Crosswalk c : crosswalks) {
            io.github.aigov.governance.Crosswalk.Coverage coverage = c.coverage(d);
            line(text("reports.crosswalk.heading", c.title().in(locale)));
            line("  " + text("reports.crosswalk.covered") + ": " + text("reports.crosswalk.covered.text", coverage.covered().size(),
                    coverage.covered().size() + coverage.uncovered().size()));
            line("  " + text("reports.crosswalk.uncovered") + ": " + (coverage.uncovered().isEmpty() ? text("reports.crosswalk.none")
                    : coverage.uncovered().stream().map(io.github.aigov.governance.Crosswalk.Reference::label)
                    .collect(java.util.stream.Collectors.joining(", "))));
            line("  " + text("reports.crosswalk.reading") + ": " + text("reports.crosswalk.reading.text",
                    c.source().citation() == null ? "" : c.source().citation().in(locale), c.source().file()));
            line("");
        }
    }

    String render(Decision decision) {
        out.setLength(0);
        String title = text("report.title");
        line(title);
        line("=".repeat(DisplayWidth.of(title)));
        line("");
        // One block of labelled rows, so that all the values line up.
        List<String[]> rows = new ArrayList<>(header(decision));
        rows.add(new String[] {"", ""});
        rows.addAll(outcome(decision));
        labelled(rows);
        line("");
        axes(decision);
        for (DefinitionCatalog.Checklist checklist : engine.catalog().checklists()) {
            line("");
            checklist(checklist, decision);
        }
        for (DefinitionCatalog.ObligationSheet sheet : engine.catalog().obligationSheets()) {
            line("");
            duties(sheet, decision);
        }
        line("");
        crosswalkSummary(decision);
        citations(decision);
        line("");
        trace(decision.trace());
        line("");
        legend();
        return out.toString();
    }

    /** The decision in brief: the project, the classification and escalation with their reasons, the four axes. */
    String summary(Decision decision) {
        out.setLength(0);
        String title = text("report.title");
        line(title);
        line("=".repeat(DisplayWidth.of(title)));
        line("");
        List<String[]> rows = new ArrayList<>(header(decision));
        rows.add(new String[] {"", ""});
        rows.addAll(outcome(decision));
        labelled(rows);
        line("");
        axes(decision);
        return out.toString();
    }

    private List<String[]> header(Decision d) {
        ProjectProfile p = d.profile();
        DefinitionsRef defs = d.definitions();
        List<String[]> rows = new ArrayList<>();
        rows.add(row("report.project", text("report.project.value", p.name(), p.id())));
        rows.add(row("report.organisation", p.organisation()));
        if (!p.description().isBlank()) {
            // One line: a YAML block scalar may span several.
            rows.add(row("report.description", p.description().strip().replaceAll("\\s+", " ")));
        }
        rows.add(row("report.definitions", text("report.definitions.value", defs.id(), defs.version(), defs.date(), defs.hash())));
        rows.add(new String[] {"", render(Message.of(defs.id() + ".title"))});
        for (DefinitionsRef.OverlayRef overlay : defs.overlays()) {
            rows.add(row("report.overlay", text("report.overlay.value", overlay.id(), overlay.file(), overlay.hash())));
            // the overlay's own title and citation (a record of schema 1 did not keep them)
            if (overlay.title() != null) {
                rows.add(new String[] {"", overlay.title().in(locale)});
            }
            if (overlay.citation() != null) {
                rows.add(new String[] {"", text("report.citation", overlay.citation().in(locale))});
            }
        }
        rows.add(row("report.decision", text("report.decision.value", d.decisionId(),
                d.decidedAt().truncatedTo(ChronoUnit.SECONDS))));
        rows.add(row("report.profile-hash", d.profileHash()));
        return rows;
    }

    private List<String[]> outcome(Decision d) {
        List<String[]> rows = new ArrayList<>();
        Classification c = d.classification();
        rows.add(row("report.classification", c == Classification.OUT_OF_SCOPE
                ? text("report.classification.out-of-scope")
                : text("report.classification.level", c.name(), text("report.level." + c.name()))));
        rows.add(new String[] {"", reason(d.classificationReason())});
        rows.add(row("report.escalation", text(d.escalation().required()
                ? "report.escalation.required" : "report.escalation.not-required")));
        for (Reason r : d.escalation().reasons()) {
            rows.add(new String[] {"", "- " + reason(r)});
        }
        return rows;
    }

    private void axes(Decision d) {
        line(text("report.axes"));
        if (d.axes().isEmpty()) {
            line("  " + text("report.axes.out-of-scope"));
            return;
        }
        int width = Stream.of(RiskLevel.values()).mapToInt(l -> DisplayWidth.of(level(l))).max().orElse(0);
        for (AxisResult a : d.axes()) {
            String option = a.axis() + "." + a.option();
            line("  " + render(Message.of(a.axis() + ".title")));
            line("      " + DisplayWidth.pad(level(a.level()), width) + "  " + a.option() + " — "
                    + render(Message.of(option + ".title")) + "  " + reference(a.reason()));
            // why the option has its level (definitions written before options had reasons show the title only)
            if (a.reason().message().key().equals(option + ".reason")) {
                line("      " + " ".repeat(width) + "  " + render(a.reason().message()));
            }
        }
    }

    private void checklist(DefinitionCatalog.Checklist checklist, Decision d) {
        line(render(Message.of(checklist.id() + ".title")));
        Map<String, String> numbers = new HashMap<>();
        checklist.groups().forEach(g -> g.items().forEach(i -> numbers.put(i.id(), i.number())));
        List<ItemResult> items = d.items().stream().filter(i -> i.sheet().equals(checklist.id())).toList();
        byStatus(items, numbers, ItemResult::id, ItemResult::status, ItemResult::reason, i -> "");
    }

    /**
     * Rows of a sheet by status, each with its id, number, title, what {@code after} adds, and the rule's
     * reason: a rule that decides many rows gives them one reason, written out for the first and referred
     * to after.
     */
    private <R> void byStatus(List<R> rows, Map<String, String> numbers, Function<R, String> id,
                              Function<R, ItemStatus> status, Function<R, Reason> reason, Function<R, String> after) {
        int idWidth = rows.stream().mapToInt(r -> DisplayWidth.of(id.apply(r))).max().orElse(0);
        int numberWidth = rows.stream().mapToInt(r -> DisplayWidth.of(numbers.getOrDefault(id.apply(r), ""))).max().orElse(0);
        for (ItemStatus st : STATUS_ORDER) {
            List<R> withStatus = rows.stream().filter(r -> status.apply(r) == st).toList();
            if (withStatus.isEmpty()) {
                continue;
            }
            line("  " + text("report.status." + st.name(), withStatus.size()));
            Map<String, String> firstByRule = new HashMap<>();
            for (R r : withStatus) {
                String first = firstByRule.putIfAbsent(reason.apply(r).ruleId(), id.apply(r));
                String why = first == null ? reason(reason.apply(r)) : text("report.reason.same", first) + " " + reference(reason.apply(r));
                line("    " + DisplayWidth.pad(id.apply(r), idWidth) + " " + DisplayWidth.pad(numbers.getOrDefault(id.apply(r), ""), numberWidth)
                        + " " + render(Message.of(id.apply(r) + ".title")) + after.apply(r) + " — " + why);
                references(id.apply(r), st, 6 + idWidth);
            }
        }
    }

    /**
     * An obligation sheet: the ministry's own duties, by status, each with who acts and when, and the
     * rule that decided it applies (a rule's reason written once, then referred to).
     */
    private void duties(DefinitionCatalog.ObligationSheet sheet, Decision d) {
        line(render(Message.of(sheet.id() + ".title")));
        line("  " + text("report.duties.intro"));
        Map<String, String> numbers = new HashMap<>();
        sheet.groups().forEach(g -> g.obligations().forEach(o -> numbers.put(o.id(), o.number() == null ? "" : o.number())));
        List<ObligationResult> duties = d.obligations().stream().filter(o -> o.sheet().equals(sheet.id())).toList();
        byStatus(duties, numbers, ObligationResult::id, ObligationResult::status, ObligationResult::reason,
                o -> " — " + text("report.duties.who-when", roles(o.roles()),
                        o.timing() == null ? "-" : text("label.timing." + o.timing().name())));
    }

    private String roles(List<Role> roles) {
        return roles.stream().map(r -> text("label.role." + r.name()))
                .collect(java.util.stream.Collectors.joining("ja".equals(locale.getLanguage()) ? "、" : ", "));
    }

    /**
     * Where each rule and option that decided comes from, once each, in the order the report names them:
     * its citation in the report's language.
     */
    private void citations(Decision d) {
        Map<String, SourceRef> sources = new LinkedHashMap<>();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(d.classificationReason());
        reasons.addAll(d.escalation().reasons());
        d.axes().forEach(a -> reasons.add(a.reason()));
        d.items().forEach(i -> reasons.add(i.reason()));
        d.obligations().forEach(o -> reasons.add(o.reason()));
        for (Reason r : reasons) {
            if (r.source() != null && r.source().citation() != null) {
                sources.putIfAbsent(r.ruleId(), r.source());
            }
        }
        line(text("report.citations", sources.size()));
        int width = sources.keySet().stream().mapToInt(DisplayWidth::of).max().orElse(0);
        sources.forEach((id, s) -> line("  " + DisplayWidth.pad(id, width) + "  " + s.citation().in(locale)));
    }

    private void trace(List<TraceEvent> trace) {
        line(text("report.trace", trace.size()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {text("report.trace.sequence"), text("report.trace.rule"), text("report.trace.outcome"),
                text("report.trace.source"), text("report.trace.provenance"), text("report.trace.facts")});
        for (TraceEvent e : trace) {
            SourceRef s = e.source();
            rows.add(new String[] {String.valueOf(e.sequence()), e.rule(), e.outcome(),
                    s == null ? "-" : s.file() + ":" + s.line(), s == null ? "-" : provenance(s.provenance()),
                    String.join(", ", facts(e))});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(r[i]));
            }
        }
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder("  ").append(DisplayWidth.padLeft(r[0], widths[0]));
            for (int i = 1; i < r.length; i++) {
                s.append("  ").append(i == r.length - 1 ? r[i] : DisplayWidth.pad(r[i], widths[i]));
            }
            line(s.toString().stripTrailing());
        }
    }

    /**
     * The facts a firing matched, each once. Drools's own initial fact is left out: it is engine
     * plumbing, not a fact about the project (the JSON record keeps the trace as the engine gave it).
     */
    private static List<String> facts(TraceEvent e) {
        return List.copyOf(e.facts().stream().map(TraceFact::text)
                .filter(f -> !f.startsWith("org.drools."))
                .collect(LinkedHashSet<String>::new, LinkedHashSet::add, LinkedHashSet::addAll));
    }

    private void legend() {
        line(text("report.provenance"));
        List<String[]> rows = Stream.of(Provenance.values())
                .map(p -> new String[] {provenance(p), text("report.provenance." + p.name() + ".legend")})
                .toList();
        int width = rows.stream().mapToInt(r -> DisplayWidth.of(r[0])).max().orElse(0);
        rows.forEach(r -> line("  " + DisplayWidth.pad(r[0], width) + "  " + r[1]));
    }

    /** Rows of label and value, the values aligned; a row with an empty label continues the one above. */
    private void labelled(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> DisplayWidth.of(r[0])).max().orElse(0) + 2;
        rows.forEach(r -> line((DisplayWidth.pad(r[0], width) + r[1]).stripTrailing()));
    }

    private String[] row(String labelKey, String value) {
        return new String[] {text(labelKey), value};
    }

    private String reason(Reason r) {
        return render(r.message()) + " " + reference(r);
    }

    /** {@code [rule id, provenance]}: which definition decided, and whether it is the guideline's or a reading of it. */
    private String reference(Reason r) {
        return text("report.reference", r.ruleId(), provenance(r.source().provenance()));
    }

    /** An axis answer's level: 低, 中, 高 (not the overall result, 高リスク). */
    private String level(RiskLevel level) {
        return text("report.axis.level." + level.name());
    }

    private String provenance(Provenance p) {
        return text("report.provenance." + p.name());
    }

    private String text(String key, Object... args) {
        return render(Message.of(key, args));
    }

    private String render(Message message) {
        return engine.render(message, locale);
    }

    private void line(String s) {
        out.append(s).append(NL);
    }
}
