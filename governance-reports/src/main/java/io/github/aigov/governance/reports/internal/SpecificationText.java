package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.reports.internal.doc.Block;
import io.github.aigov.governance.reports.internal.doc.Doc;
import io.github.aigov.governance.reports.internal.doc.Inline;
import java.util.ArrayList;
import java.util.List;

/**
 * The specification (仕様書) and contract text a decision calls for: the procurement checklist's
 * applicable items as numbered specification clauses, the contract checklist's as contract
 * articles, and the board report's headings when one is required. Recommended items are marked and
 * worded as "endeavour to" (努めること); every clause has a footnote with its provenance. After
 * them, set apart as not clauses, the ministry's own duties: who acts, when, and on what.
 */
public final class SpecificationText {
    private final ReportView v;
    private final Decision d;
    private final Doc.Builder doc;

    private SpecificationText(ReportView view) {
        this.v = view;
        this.d = view.decision();
        this.doc = new Doc.Builder(view.lang(), view.text("reports.spec.title"));
    }

    public static Doc build(ReportView view) {
        return new SpecificationText(view).document();
    }

    private Doc document() {
        doc.note(Inline.text(v.text("reports.spec.intro")));
        header(v, d, doc);
        if (v.outOfScope()) {
            doc.paragraph(Inline.strong(v.text("reports.spec.out-of-scope")));
            doc.paragraph(Inline.text(v.reason(d.classificationReason()) + " "), Inline.code(d.classificationReason().ruleId()));
            return doc.build();
        }
        for (ReportView.Sheet sheet : v.sheets()) {
            boolean any = sheet.rows().stream().anyMatch(r -> r.status() != ItemStatus.NOT_APPLICABLE);
            switch (sheet.id()) {
                case ReportView.PROCUREMENT -> {
                    doc.heading(2, Inline.text(v.text("reports.spec.procurement", sheet.title())));
                    procurement(sheet);
                }
                case ReportView.CONTRACT -> {
                    doc.heading(2, Inline.text(v.text("reports.spec.contract", sheet.title())));
                    contract(sheet);
                }
                case ReportView.BOARD_REPORT -> {
                    if (!any) {
                        continue; // nothing to report: the section would only say so
                    }
                    doc.heading(2, Inline.text(v.text("reports.spec.board", sheet.title())));
                    board(sheet);
                }
                default -> {
                    doc.heading(2, Inline.text(v.text("reports.spec.other", sheet.title())));
                    other(sheet);
                }
            }
            if (!any) {
                doc.paragraph(Inline.text(v.text("reports.spec.none")));
            }
            notApplicable(sheet);
        }
        for (ReportView.DutySheet sheet : v.duties()) {
            duties(sheet);
        }
        CrosswalkSection.add(doc, v, 2);
        return doc.build();
    }

    /**
     * The ministry's own duties, after the clauses and apart from them: not text for the specification
     * or the contract, but what the ministry, the planner, the provider, the users and the board do
     * themselves; each line says who acts and when, with a footnote of its source and deciding rule.
     */
    private void duties(ReportView.DutySheet sheet) {
        doc.heading(2, Inline.text(v.text("reports.spec.duties", sheet.title())));
        doc.note(Inline.text(v.text("reports.spec.duties.intro")));
        for (ReportView.DutyGroup group : sheet.groups()) {
            List<Block.Entry> lines = new ArrayList<>();
            for (ReportView.DutyRow row : group.rows()) {
                if (row.status() == ItemStatus.NOT_APPLICABLE) {
                    continue;
                }
                List<Inline> text = new ArrayList<>(marker(row.status() == ItemStatus.REQUIRED));
                text.add(Inline.text(v.text("reports.duties.line", v.roles(row.duty().roles()), v.timing(row.duty().timing()),
                        row.title()) + (v.japanese() ? "（" + row.id() + "）" : " (" + row.id() + ")")));
                text.add(note(row.id(), row.duty().source(), row.duty().reason(), row.status()));
                lines.add(new Block.Entry(text, List.of()));
            }
            if (!lines.isEmpty()) {
                doc.heading(3, Inline.text(group.title()));
                doc.add(new Block.ItemList(false, 1, lines));
            }
        }
        List<Block.Entry> aside = new ArrayList<>();
        for (ReportView.DutyRow row : sheet.rows()) {
            if (row.status() == ItemStatus.NOT_APPLICABLE) {
                aside.add(Block.Entry.of(Inline.text(row.title() + (v.japanese() ? "（" + row.id() + "）" : " (" + row.id() + ")")
                        + " — " + v.reason(row.duty().reason()) + " "), Inline.code(row.duty().reason().ruleId())));
            }
        }
        if (!aside.isEmpty()) {
            doc.heading(3, Inline.text(v.text("reports.duties.not-applicable")));
            doc.add(new Block.ItemList(false, 1, aside));
        }
    }

    /** The project, the definitions and the decision, as a short list under the title. */
    static void header(ReportView v, Decision d, Doc.Builder doc) {
        DefinitionsRef defs = d.definitions();
        List<Block.Entry> lines = new ArrayList<>();
        lines.add(new Block.Entry(List.of(Inline.strong(v.text("reports.project")), Inline.text(v.colon()),
                Inline.text(d.profile().name() + " — " + d.profile().organisation() + " "), Inline.code(d.profile().id())),
                List.of()));
        List<Inline> definitions = new ArrayList<>(List.of(Inline.strong(v.text("reports.definitions")), Inline.text(v.colon()),
                Inline.text(v.text("reports.subtitle", v.definitionsTitle(), defs.version()) + ", " + defs.date() + " "),
                Inline.code(defs.id()), Inline.text(" "), Inline.code(defs.hash())));
        lines.add(new Block.Entry(definitions, List.of()));
        for (DefinitionsRef.OverlayRef o : defs.overlays()) {
            lines.add(new Block.Entry(overlay(v, o), List.of()));
        }
        lines.add(new Block.Entry(List.of(Inline.strong(v.text("reports.decision")), Inline.text(v.colon()), Inline.code(d.decisionId()),
                Inline.text(" " + d.decidedAt() + " — " + v.text("reports.classification") + v.colon()
                        + v.classification(d.classification()) + v.comma() + v.text("reports.escalation") + v.colon()
                        + v.text(d.escalation().required() ? "reports.status.REQUIRED" : "reports.escalation.not-required"))),
                List.of()));
        doc.add(new Block.ItemList(false, 1, lines));
    }

    /** An overlay on the definitions: its id, title, hash and, when the decision kept it, its citation. */
    static List<Inline> overlay(ReportView v, DefinitionsRef.OverlayRef o) {
        List<Inline> line = new ArrayList<>(List.of(Inline.strong(v.text("reports.definitions.overlays")), Inline.text(v.colon()),
                Inline.code(o.id()), Inline.text(" " + v.overlayTitle(o) + " "), Inline.code(o.hash())));
        if (!v.overlayCitation(o).isEmpty()) {
            line.add(Inline.text(" — " + v.text("reports.items.citation") + v.colon() + v.overlayCitation(o)));
        }
        return line;
    }

    private void procurement(ReportView.Sheet sheet) {
        int n = 1;
        for (ReportView.Group group : sheet.groups()) {
            List<Block.Entry> clauses = new ArrayList<>();
            for (ReportView.Row row : applicable(group)) {
                boolean required = row.status() == ItemStatus.REQUIRED;
                List<Inline> text = new ArrayList<>(marker(required));
                text.add(Inline.text(v.text(required ? "reports.spec.clause.required" : "reports.spec.clause.recommended",
                        row.title()) + ref(row)));
                text.add(note(row));
                clauses.add(new Block.Entry(text, List.of()));
            }
            if (!clauses.isEmpty()) {
                doc.heading(3, Inline.text(group.title()));
                doc.add(new Block.ItemList(true, n, clauses));
                n += clauses.size();
            }
        }
    }

    private void contract(ReportView.Sheet sheet) {
        int article = 1;
        for (ReportView.Group group : sheet.groups()) {
            List<ReportView.Row> rows = applicable(group);
            if (rows.isEmpty()) {
                continue;
            }
            doc.heading(3, Inline.text(group.title()));
            for (ReportView.Row row : rows) {
                boolean required = row.status() == ItemStatus.REQUIRED;
                List<Inline> text = new ArrayList<>(marker(required));
                text.add(Inline.text(v.text(required ? "reports.spec.article.required" : "reports.spec.article.recommended",
                        article++, row.title()) + ref(row)));
                text.add(note(row));
                doc.add(new Block.Paragraph(text));
                doc.add(new Block.Quote(List.of(new Inline.Blank(v.blank("reports.spec.terms")))));
            }
        }
    }

    private void board(ReportView.Sheet sheet) {
        List<Block.Entry> headings = new ArrayList<>();
        for (ReportView.Row row : sheet.rows()) {
            if (row.status() == ItemStatus.NOT_APPLICABLE) {
                continue;
            }
            List<Inline> text = new ArrayList<>(marker(row.status() == ItemStatus.REQUIRED));
            text.add(Inline.strong(row.title()));
            text.add(Inline.text(ref(row)));
            text.add(note(row));
            headings.add(new Block.Entry(text, List.of(new Inline.Blank(v.blank("reports.spec.section")))));
        }
        doc.add(new Block.ItemList(true, 1, headings));
        doc.note(Inline.text(v.text("reports.spec.board.see")));
    }

    private void other(ReportView.Sheet sheet) {
        for (ReportView.Group group : sheet.groups()) {
            List<Block.Entry> lines = new ArrayList<>();
            for (ReportView.Row row : applicable(group)) {
                boolean required = row.status() == ItemStatus.REQUIRED;
                List<Inline> text = new ArrayList<>(marker(required));
                text.add(Inline.text(v.text(required ? "reports.spec.item.required" : "reports.spec.item.recommended",
                        row.title()) + ref(row)));
                text.add(note(row));
                lines.add(new Block.Entry(text, List.of()));
            }
            if (!lines.isEmpty()) {
                doc.heading(3, Inline.text(group.title()));
                doc.add(new Block.ItemList(false, 1, lines));
            }
        }
    }

    private void notApplicable(ReportView.Sheet sheet) {
        List<Block.Entry> lines = new ArrayList<>();
        for (ReportView.Row row : sheet.rows()) {
            if (row.status() == ItemStatus.NOT_APPLICABLE) {
                lines.add(Block.Entry.of(Inline.text(row.title() + ref(row) + " — "
                        + v.reason(row.item().reason()) + " "), Inline.code(row.item().reason().ruleId())));
            }
        }
        if (!lines.isEmpty()) {
            doc.heading(3, Inline.text(v.text("reports.spec.not-applicable")));
            doc.add(new Block.ItemList(false, 1, lines));
        }
    }

    private static List<ReportView.Row> applicable(ReportView.Group group) {
        return group.rows().stream().filter(r -> r.status() != ItemStatus.NOT_APPLICABLE).toList();
    }

    private List<Inline> marker(boolean required) {
        return required ? List.of() : List.of(Inline.strong(v.text("reports.spec.recommended")), Inline.text(" "));
    }

    /**
     * The item's number on the guideline's sheet and its id, e.g. （⑫ PROC-12）; only the id outside
     * the procurement checklist, whose clauses are numbered as articles or headings instead.
     */
    private String ref(ReportView.Row row) {
        boolean numbered = row.item().sheet().equals(ReportView.PROCUREMENT) && !row.number().isEmpty();
        String what = numbered ? row.number() + " " + row.id() : row.id();
        return v.japanese() ? "（" + what + "）" : " (" + what + ")";
    }

    /** The footnote of an item: its provenance and citation, and the rule that decided it with its own. */
    private Inline note(ReportView.Row row) {
        return note(row.id(), row.item().source(), row.item().reason(), row.status());
    }

    /** The footnote of an item or a duty: its provenance and citation, and the rule that decided it with its own. */
    private Inline note(String id, SourceRef source, Reason reason, ItemStatus status) {
        List<Inline> text = new ArrayList<>();
        text.add(Inline.code(id));
        text.add(Inline.text(" "));
        provenance(text, source);
        text.add(Inline.text(" — " + v.text("reports.items.rule") + v.colon()));
        text.add(Inline.code(reason.ruleId()));
        text.add(Inline.text(" "));
        badges(text, reason.source(), v);
        text.add(Inline.text(v.colon() + v.reason(reason)));
        for (String line : v.referenceLines(id, status)) {
            text.add(Inline.text(" — " + line));
        }
        return doc.footnote(id, text.toArray(Inline[]::new));
    }

    /** Badges for a source's provenance and the overlay that contributed it. */
    static void badges(List<Inline> text, SourceRef source, ReportView v) {
        text.add(new Inline.Badge(v.provenance(source.provenance()), "prov-" + source.provenance().name()));
        if (source.overlay() != null) {
            text.add(Inline.text(" "));
            text.add(new Inline.Badge(v.text("reports.provenance.overlay", source.overlay()), "overlay"));
        }
    }

    /** Badges for a source's provenance and overlay, then its citation. */
    static void provenance(List<Inline> text, SourceRef source, ReportView v) {
        badges(text, source, v);
        String citation = v.citation(source);
        if (!citation.isBlank()) {
            text.add(Inline.text(" " + citation));
        }
    }

    private void provenance(List<Inline> text, SourceRef source) {
        provenance(text, source, v);
    }
}
