package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.reports.internal.doc.Block;
import io.github.aigov.governance.reports.internal.doc.Doc;
import io.github.aigov.governance.reports.internal.doc.Inline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The draft report to the Advanced AI Utilization Advisory Board for an escalated decision, filled in
 * from the profile and the decision, its sections titled by the definitions' own board-report
 * contents (v1.0 as publicly reported: purpose, risk mitigation, quality assurance including during
 * operation; v2.0: project details, objectives, mitigation measures, quality-assurance plans), then
 * what follows the board's advice: the ministry's own duties that continue. What they do not say is
 * a marked blank; nothing is invented.
 */
public final class BoardReportDraft {
    /** The BOARD-REPORT sheet's items that have a section of their own here. */
    private static final String DETAILS = "BOARD-PROJECT-DETAILS";
    private static final String OBJECTIVES = "BOARD-OBJECTIVES";
    private static final String MITIGATION = "BOARD-MITIGATION";
    private static final String QA_PLAN = "BOARD-QA-PLAN";

    /**
     * Checklist items related to each quality-assurance heading, shown when the decision has them.
     * Which item relates to which heading is this library's reading (the headings are a proposal too).
     */
    private static final List<QaHeading> QA = List.of(
            new QaHeading("before", List.of("PROC-07", "PROC-12", "PROC-13", "PROC-14", "PROC-19", "PROC-21")),
            new QaHeading("operation", List.of("PROC-06", "PROC-13", "PROC-15", "PROC-17", "PROC-18")),
            new QaHeading("incidents", List.of("PROC-04", "CONT-INCIDENT")),
            new QaHeading("updates", List.of("PROC-03", "PROC-09", "PROC-20")),
            new QaHeading("review", List.of()));

    private record QaHeading(String key, List<String> related) {
    }

    private final ReportView v;
    private final Decision d;
    private final Doc.Builder doc;
    private final Map<String, ReportView.Row> rows = new HashMap<>();
    private final Set<String> covered = new HashSet<>(Set.of(DETAILS, OBJECTIVES, MITIGATION, QA_PLAN));
    private int section;

    private BoardReportDraft(ReportView view) {
        this.v = view;
        this.d = view.decision();
        this.doc = new Doc.Builder(view.lang(), view.text("reports.board.title"));
        view.sheets().forEach(s -> s.rows().forEach(r -> rows.put(r.id(), r)));
    }

    /**
     * The draft, or a refusal (GOV-0025) when the decision does not require escalation: there is
     * nothing to report to the board.
     */
    public static Doc build(ReportView view) {
        Decision d = view.decision();
        if (!d.escalation().required()) {
            Reason decidedBy = d.escalation().reasons().isEmpty() ? d.classificationReason() : d.escalation().reasons().get(0);
            throw new GovernanceException(List.of(Problem.error(ProblemCode.BOARD_REPORT_NOT_REQUIRED,
                    Location.of("<decision " + d.decisionId() + ">"),
                    Message.of("reports.problem.not-escalated", d.decisionId(), d.classification(), decidedBy.ruleId()),
                    Message.of("reports.hint.not-escalated"))));
        }
        return new BoardReportDraft(view).document();
    }

    private Doc document() {
        doc.note(Inline.text(v.text("reports.board.intro", d.decisionId())));
        doc.add(table(List.of(
                row(v.text("reports.board.to"), Inline.text(v.text("reports.board.to.value"))),
                row(v.text("reports.board.from"), Inline.text(v.text("reports.board.from.value", d.profile().organisation()))),
                row(v.text("reports.board.date"), new Inline.Blank(v.blank("reports.board.date.blank"))))));
        details();
        objectives();
        risk();
        WhatIfSection.add(doc, v, v.text("reports.whatif"));
        mitigation();
        qualityAssurance();
        duties();
        others();
        basis();
        CrosswalkSection.add(doc, v, 2);
        return doc.build();
    }

    private void details() {
        heading(DETAILS, "reports.board.details");
        ProjectProfile p = d.profile();
        doc.add(table(List.of(
                row(v.text("reports.project.name"), Inline.text(p.name())),
                row(v.text("reports.project.id"), Inline.code(p.id())),
                row(v.text("reports.project.organisation"), Inline.text(p.organisation())),
                row(v.text("reports.project.description"), p.description().isBlank()
                        ? new Inline.Blank(v.blank("reports.board.description.blank")) : Inline.text(p.description())),
                row(v.text("reports.project.model"), Inline.text(p.model().name())),
                row(v.text("reports.project.vendor"), Inline.text(p.model().vendor())),
                row(v.text("reports.project.form"), Inline.text(v.text("reports.form." + p.procurement().form().name()))),
                row(v.text("reports.project.vendor-trains"), Inline.text(v.yesNo(p.procurement().vendorTrainsModel()))),
                row(v.text("reports.board.scale"), new Inline.Blank(v.blank("reports.board.scale.blank"))),
                row(v.text("reports.board.budget"), new Inline.Blank(v.blank("reports.board.budget.blank"))),
                row(v.text("reports.board.contact"), new Inline.Blank(v.blank("reports.board.contact.blank"))))));
    }

    private void objectives() {
        heading(OBJECTIVES, "reports.board.objectives");
        doc.paragraph(new Inline.Blank(v.blank("reports.board.objectives.blank")));
        if (!d.profile().description().isBlank()) {
            doc.note(Inline.text(v.text("reports.board.objectives.profile") + " " + d.profile().description()));
        }
    }

    private void risk() {
        section++;
        doc.heading(2, Inline.text(section + ". " + v.text("reports.board.risk")));
        doc.heading(3, Inline.text(v.text("reports.board.risk.axes")));
        List<List<List<Inline>>> body = new ArrayList<>();
        for (AxisResult a : d.axes()) {
            List<Inline> option = new ArrayList<>(List.of(Inline.text(v.title(a.axis() + "." + a.option()) + " "),
                    Inline.code(a.option()), Inline.text(" ")));
            badges(option, a.reason().source());
            option.add(Inline.text(" " + v.optionReason(a)));
            body.add(List.of(List.of(Inline.text(v.title(a.axis()))), option, List.of(Inline.strong(v.level(a.level())))));
        }
        doc.add(new Block.Table(List.of(List.of(Inline.text(v.text("reports.axes.axis"))),
                List.of(Inline.text(v.text("reports.axes.option"))), List.of(Inline.text(v.text("reports.axes.level")))), body));

        doc.heading(3, Inline.text(v.text("reports.board.risk.why", v.classification(d.classification()))));
        List<Block.Entry> why = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(d.classificationReason());
        d.escalation().reasons().stream().filter(r -> !r.ruleId().equals(d.classificationReason().ruleId())).forEach(reasons::add);
        for (Reason r : reasons) {
            List<Inline> line = new ArrayList<>(List.of(Inline.text(v.reason(r) + " "), Inline.text(v.text("reports.rule", "")),
                    Inline.code(r.ruleId()), Inline.text(" ")));
            badges(line, r.source());
            why.add(new Block.Entry(line, List.of()));
        }
        doc.add(new Block.ItemList(false, 1, why));
        boolean interpreted = reasons.stream().anyMatch(r -> r.source().provenance() == Provenance.INTERPRETATION)
                || d.axes().stream().anyMatch(a -> a.reason().source().provenance() == Provenance.INTERPRETATION);
        if (interpreted) {
            doc.note(Inline.text(v.text("reports.board.risk.interpretation")));
        }
    }

    private void mitigation() {
        heading(MITIGATION, "reports.board.mitigation");
        doc.paragraph(Inline.text(v.text("reports.board.mitigation.intro")));
        for (ReportView.Sheet sheet : v.sheets()) {
            String key = switch (sheet.id()) {
                case ReportView.PROCUREMENT -> "reports.board.mitigation.procurement";
                case ReportView.CONTRACT -> "reports.board.mitigation.contract";
                default -> null;
            };
            List<ReportView.Row> required = sheet.rows().stream().filter(r -> r.status() == ItemStatus.REQUIRED).toList();
            if (key == null || required.isEmpty()) {
                continue;
            }
            doc.heading(3, Inline.text(v.text(key, sheet.title())));
            List<Block.Entry> lines = new ArrayList<>();
            for (ReportView.Row r : required) {
                List<Inline> line = new ArrayList<>(List.of(Inline.text(label(r) + v.colon())));
                line.add(new Inline.Blank(v.blank("reports.board.mitigation.measure")));
                List<String> refs = v.referenceLines(r.id(), r.status());
                lines.add(new Block.Entry(line, refs.isEmpty() ? List.of()
                        : List.of(Inline.text(v.text("reports.crosswalk.references") + v.colon() + String.join("; ", refs)))));
            }
            doc.add(new Block.ItemList(false, 1, lines));
        }
        doc.heading(3, Inline.text(v.text("reports.board.mitigation.other")));
        doc.paragraph(new Inline.Blank(v.blank("reports.board.mitigation.other.blank")));
    }

    private void qualityAssurance() {
        heading(QA_PLAN, "reports.board.qa");
        doc.note(Inline.text(v.text("reports.board.qa.note")));
        int n = 1;
        for (QaHeading h : QA) {
            doc.heading(3, Inline.text(section + "." + (n++) + " " + v.text("reports.board.qa." + h.key())));
            doc.paragraph(new Inline.Blank(v.blank("reports.board.qa." + h.key() + ".blank")));
            List<String> related = h.related().stream().map(rows::get)
                    .filter(r -> r != null && r.status() != ItemStatus.NOT_APPLICABLE).map(this::label).toList();
            if (!related.isEmpty()) {
                doc.paragraph(Inline.text(v.text("reports.board.qa.related", String.join(v.japanese() ? "、" : "; ", related))));
            }
        }
    }

    /**
     * What follows the board's advice: the ministry's own duties that apply, each with who acts and when,
     * its provenance, and a blank for how it is carried out in this project.
     */
    private void duties() {
        List<ReportView.DutyRow> apply = v.duties().stream().flatMap(sheet -> sheet.rows().stream())
                .filter(r -> r.status() != ItemStatus.NOT_APPLICABLE).toList();
        if (apply.isEmpty()) {
            return;
        }
        section++;
        doc.heading(2, Inline.text(section + ". " + v.text("reports.board.duties")));
        doc.paragraph(Inline.text(v.text("reports.board.duties.intro")));
        List<Block.Entry> lines = new ArrayList<>();
        for (ReportView.DutyRow r : apply) {
            List<Inline> line = new ArrayList<>();
            if (r.status() != ItemStatus.REQUIRED) {
                line.add(Inline.strong(v.text("reports.spec.recommended")));
                line.add(Inline.text(" "));
            }
            line.add(Inline.text(v.text("reports.duties.line", v.roles(r.duty().roles()), v.timing(r.duty().timing()), r.title())
                    + (v.japanese() ? "（" + r.id() + "）" : " (" + r.id() + ")") + " "));
            badges(line, r.duty().source());
            line.add(Inline.text(v.colon()));
            line.add(new Inline.Blank(v.blank("reports.board.duties.how")));
            lines.add(new Block.Entry(line, List.of()));
        }
        doc.add(new Block.ItemList(false, 1, lines));
    }

    /** Board-report items the definitions require beyond the four above (e.g. added by an overlay). */
    private void others() {
        List<ReportView.Row> more = v.sheets().stream().filter(s -> s.id().equals(ReportView.BOARD_REPORT))
                .flatMap(s -> s.rows().stream())
                .filter(r -> r.status() != ItemStatus.NOT_APPLICABLE && !covered.contains(r.id())).toList();
        if (more.isEmpty()) {
            return;
        }
        section++;
        doc.heading(2, Inline.text(section + ". " + v.text("reports.board.other")));
        for (ReportView.Row r : more) {
            List<Inline> title = new ArrayList<>(List.of(Inline.text(r.title() + " ")));
            badges(title, r.item().source());
            doc.add(new Block.Heading(3, title));
            doc.paragraph(new Inline.Blank(v.blank("reports.spec.section")));
        }
    }

    private void basis() {
        doc.heading(2, Inline.text(v.text("reports.board.basis")));
        DefinitionsRef defs = d.definitions();
        List<Block.Entry> lines = new ArrayList<>();
        lines.add(Block.Entry.of(Inline.text(v.text("reports.decision.id") + v.colon()), Inline.code(d.decisionId()),
                Inline.text(" (" + d.decidedAt() + ")")));
        lines.add(Block.Entry.of(Inline.text(v.text("reports.definitions") + v.colon()
                + v.text("reports.subtitle", v.definitionsTitle(), defs.version()) + ", " + defs.date() + " "),
                Inline.code(defs.hash())));
        for (DefinitionsRef.OverlayRef o : defs.overlays()) {
            lines.add(new Block.Entry(SpecificationText.overlay(v, o), List.of()));
        }
        lines.add(Block.Entry.of(Inline.text(v.text("reports.decision.profile-hash") + v.colon()), Inline.code(d.profileHash())));
        doc.add(new Block.ItemList(false, 1, lines));
        doc.heading(3, Inline.text(v.text("reports.legend")));
        List<Block.Entry> legend = new ArrayList<>();
        for (Provenance p : Provenance.values()) {
            legend.add(Block.Entry.of(new Inline.Badge(v.provenance(p), "prov-" + p.name()),
                    Inline.text(" " + v.text("reports.legend." + p.name()))));
        }
        legend.add(Block.Entry.of(new Inline.Badge(v.text("reports.provenance.overlay", "ID"), "overlay"),
                Inline.text(" " + v.text("reports.legend.overlay"))));
        doc.add(new Block.ItemList(false, 1, legend));
    }

    /** A numbered section heading: the definitions' title for the item when they have it, with its provenance. */
    private void heading(String itemId, String fallbackKey) {
        section++;
        Optional<ReportView.Row> row = Optional.ofNullable(rows.get(itemId));
        List<Inline> text = new ArrayList<>();
        text.add(Inline.text(section + ". " + row.map(ReportView.Row::title).orElse(v.text(fallbackKey))));
        row.ifPresent(r -> {
            text.add(Inline.text(" "));
            badges(text, r.item().source());
        });
        doc.add(new Block.Heading(2, text));
    }

    /** {@code ⑫ 有害情報の出力制御措置（PROC-12）}. */
    private String label(ReportView.Row r) {
        String number = r.number().isEmpty() ? "" : r.number() + " ";
        return number + r.title() + (v.japanese() ? "（" + r.id() + "）" : " (" + r.id() + ")");
    }

    private void badges(List<Inline> text, SourceRef source) {
        text.add(new Inline.Badge(v.provenance(source.provenance()), "prov-" + source.provenance().name()));
        if (source.overlay() != null) {
            text.add(Inline.text(" "));
            text.add(new Inline.Badge(v.text("reports.provenance.overlay", source.overlay()), "overlay"));
        }
    }

    private static List<List<Inline>> row(String label, Inline value) {
        return List.of(List.of(Inline.strong(label)), List.of(value));
    }

    private Block.Table table(List<List<List<Inline>>> rows) {
        return new Block.Table(List.of(List.of(Inline.text(v.text("reports.board.field"))),
                List.of(Inline.text(v.text("reports.board.value")))), rows);
    }
}
