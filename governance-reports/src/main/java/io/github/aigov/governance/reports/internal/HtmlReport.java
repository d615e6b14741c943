package io.github.aigov.governance.reports.internal;

import static io.github.aigov.governance.reports.internal.Html.escape;

import io.github.aigov.governance.AxisResult;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.SourceRef;
import io.github.aigov.governance.TraceEvent;
import java.util.List;

/**
 * The assessment report as one self-contained HTML page: the result first, then the project and
 * the definitions, the axes, the checklists, the ministry's own duties, the provenance legend and
 * the folded trace.
 */
public final class HtmlReport {
    private final ReportView v;
    private final Decision d;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport(ReportView view) {
        this.v = view;
        this.d = view.decision();
    }

    public static String render(ReportView view) {
        return new HtmlReport(view).page();
    }

    private String page() {
        String title = v.text("reports.title") + " — " + d.profile().name();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(v.lang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"io.github.aigov governance-reports\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header();
        verdict();
        project();
        if (!v.outOfScope()) {
            axes();
            whatIf();
            checklists();
            duties();
            crosswalks();
        }
        legend();
        trace();
        footer();
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        out.append("<header class=\"doc\">\n<h1>").append(escape(v.text("reports.title"))).append("</h1>\n")
                .append("<p class=\"subtitle\">").append(escape(d.profile().name())).append(" — ")
                .append(escape(v.text("reports.subtitle", v.definitionsTitle(), d.definitions().version())))
                .append("</p>\n</header>\n");
    }

    private void verdict() {
        String cls = d.classification().name();
        out.append("<section class=\"verdict\" id=\"result\">\n");
        out.append("<div class=\"box ").append(cls).append("\" id=\"classification\">\n<h2>")
                .append(escape(v.text("reports.classification"))).append("</h2>\n<p class=\"big\">")
                .append(escape(v.classification(d.classification()))).append("</p>\n<ul class=\"reasons\">");
        reasonItem(d.classificationReason());
        out.append("</ul>\n</div>\n");
        boolean required = d.escalation().required();
        out.append("<div class=\"box ").append(required ? "required" : "not-required").append("\" id=\"escalation\">\n<h2>")
                .append(escape(v.text("reports.escalation"))).append("</h2>\n<p class=\"big\">")
                .append(escape(v.text(required ? "reports.status.REQUIRED" : "reports.escalation.not-required")))
                .append("</p>\n");
        if (required) {
            out.append("<p>").append(escape(v.text("reports.escalation.required"))).append("</p>\n");
        }
        out.append("<ul class=\"reasons\">");
        // The classification's reason is shown beside it; repeat it only when it is the only reason.
        List<Reason> reasons = d.escalation().reasons().stream()
                .filter(r -> !r.ruleId().equals(d.classificationReason().ruleId())).toList();
        for (Reason r : reasons.isEmpty() ? d.escalation().reasons() : reasons) {
            reasonItem(r);
        }
        out.append("</ul>\n</div>\n</section>\n");
        if (v.outOfScope()) {
            out.append("<p class=\"out-of-scope\"><strong>").append(escape(v.text("reports.out-of-scope")))
                    .append("</strong></p>\n");
        }
    }

    private void reasonItem(Reason r) {
        out.append("<li>").append(escape(v.reason(r))).append("<br><span class=\"meta\">")
                .append(escape(v.text("reports.rule", ""))).append("<code>").append(escape(r.ruleId())).append("</code> ");
        badges(r.source());
        citation(r.source());
        out.append("</span></li>");
    }

    /** A source's citation, in the report's language, after its badges. */
    private void citation(SourceRef s) {
        String c = v.citation(s);
        if (!c.isEmpty()) {
            out.append(" ").append(escape(c));
        }
    }

    private void badges(SourceRef s) {
        if (s == null) {
            return;
        }
        badge(s.provenance());
        if (s.overlay() != null) {
            out.append("<span class=\"badge overlay\">").append(escape(v.text("reports.provenance.overlay", s.overlay())))
                    .append("</span>");
        }
    }

    private void badge(Provenance p) {
        out.append("<span class=\"badge prov-").append(p.name()).append("\">").append(escape(v.provenance(p)))
                .append("</span>");
    }

    private void project() {
        ProjectProfile p = d.profile();
        out.append("<section id=\"project\">\n<h2>").append(escape(v.text("reports.project"))).append("</h2>\n")
                .append("<table class=\"facts\">\n");
        fact("reports.project.name", p.name());
        fact("reports.project.id", p.id());
        fact("reports.project.organisation", p.organisation());
        fact("reports.project.description", p.description());
        fact("reports.project.model", p.model().name());
        fact("reports.project.vendor", p.model().vendor());
        fact("reports.project.form", v.text("reports.form." + p.procurement().form().name()));
        fact("reports.project.vendor-trains", v.yesNo(p.procurement().vendorTrainsModel()));
        out.append("</table>\n");

        DefinitionsRef defs = d.definitions();
        out.append("<h3>").append(escape(v.text("reports.definitions"))).append("</h3>\n<table class=\"facts\">\n");
        fact("reports.definitions.set", defs.id() + " — " + v.definitionsTitle());
        fact("reports.definitions.version", defs.version());
        fact("reports.definitions.date", defs.date());
        out.append("<tr><th>").append(escape(v.text("reports.definitions.hash"))).append("</th><td><code>")
                .append(escape(defs.hash())).append("</code></td></tr>\n");
        out.append("<tr><th>").append(escape(v.text("reports.definitions.overlays"))).append("</th><td>");
        if (defs.overlays().isEmpty()) {
            out.append(escape(v.text("reports.definitions.none")));
        }
        for (DefinitionsRef.OverlayRef o : defs.overlays()) {
            out.append("<div class=\"overlay\"><span class=\"badge overlay\">").append(escape(o.id())).append("</span> ")
                    .append(escape(v.overlayTitle(o)))
                    .append(" <span class=\"meta\">").append(escape(o.file())).append(" <code>").append(escape(o.hash()))
                    .append("</code>");
            if (!v.overlayCitation(o).isEmpty()) {
                out.append("<br>").append(escape(v.text("reports.items.citation"))).append(escape(v.colon()))
                        .append(escape(v.overlayCitation(o)));
            }
            out.append("</span></div>");
        }
        out.append("</td></tr>\n</table>\n");

        out.append("<h3>").append(escape(v.text("reports.decision"))).append("</h3>\n<table class=\"facts\">\n");
        out.append("<tr><th>").append(escape(v.text("reports.decision.id"))).append("</th><td><code>")
                .append(escape(d.decisionId())).append("</code></td></tr>\n");
        fact("reports.decision.at", String.valueOf(d.decidedAt()));
        out.append("<tr><th>").append(escape(v.text("reports.decision.profile-hash"))).append("</th><td><code>")
                .append(escape(d.profileHash())).append("</code></td></tr>\n");
        out.append("</table>\n</section>\n");
    }

    private void fact(String labelKey, String value) {
        out.append("<tr><th>").append(escape(v.text(labelKey))).append("</th><td>").append(escape(value))
                .append("</td></tr>\n");
    }

    private void axes() {
        out.append("<section id=\"axes\">\n<h2>").append(escape(v.text("reports.axes"))).append("</h2>\n<table class=\"axes\">\n")
                .append("<colgroup><col class=\"c-axis\"><col class=\"c-option\"><col class=\"c-level\"></colgroup>\n")
                .append("<thead><tr><th>").append(escape(v.text("reports.axes.axis"))).append("</th><th>")
                .append(escape(v.text("reports.axes.option"))).append("</th><th>")
                .append(escape(v.text("reports.axes.level"))).append("</th></tr></thead>\n<tbody>\n");
        for (AxisResult a : d.axes()) {
            out.append("<tr><td>").append(escape(v.title(a.axis()))).append("</td><td>")
                    .append(escape(v.title(a.axis() + "." + a.option()))).append("<br><span class=\"why\">")
                    .append(escape(v.optionReason(a))).append("</span><br><span class=\"meta\"><code>")
                    .append(escape(a.option())).append("</code> ");
            badges(a.reason().source());
            citation(a.reason().source());
            out.append("</span></td><td class=\"status level-").append(a.level().name()).append("\"><strong>")
                    .append(escape(v.level(a.level()))).append("</strong></td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void checklists() {
        for (ReportView.Sheet sheet : v.sheets()) {
            out.append("<section class=\"checklist\" id=\"sheet-").append(escape(sheet.id())).append("\">\n<h2>")
                    .append(escape(sheet.title())).append(" <span class=\"meta\"><code>").append(escape(sheet.id()))
                    .append("</code></span></h2>\n<p class=\"meta\">").append(escape(v.counts(sheet))).append("</p>\n");
            for (ReportView.Group group : sheet.groups()) {
                out.append("<h3>").append(escape(group.title())).append("</h3>\n<table class=\"items\">\n")
                        .append("<colgroup><col class=\"c-num\"><col class=\"c-title\"><col class=\"c-status\">")
                        .append("<col class=\"c-reason\"></colgroup>\n<thead><tr><th>")
                        .append(escape(v.text("reports.items.number"))).append("</th><th>")
                        .append(escape(v.text("reports.items.title"))).append("</th><th>")
                        .append(escape(v.text("reports.items.status"))).append("</th><th>")
                        .append(escape(v.text("reports.items.reason"))).append("</th></tr></thead>\n<tbody>\n");
                for (ReportView.Row row : group.rows()) {
                    item(row);
                }
                out.append("</tbody>\n</table>\n");
            }
            out.append("</section>\n");
        }
    }

    private void item(ReportView.Row row) {
        ItemStatus status = row.status();
        Reason reason = row.item().reason();
        out.append("<tr id=\"item-").append(escape(row.id())).append("\"")
                .append(status == ItemStatus.NOT_APPLICABLE ? " class=\"na\"" : "").append("><td class=\"num\">")
                .append(escape(row.number())).append("</td><td>").append(escape(row.title()))
                .append("<br><span class=\"meta\"><code class=\"id\">").append(escape(row.id())).append("</code> ");
        badges(row.item().source());
        out.append("</span>");
        references(row.id(), status);
        out.append("</td><td class=\"status status-").append(status.name()).append("\">")
                .append(escape(v.status(status))).append("</td><td>").append(escape(v.reason(reason)))
                .append("<br><span class=\"meta\">").append(escape(v.text("reports.rule", ""))).append("<code>")
                .append(escape(reason.ruleId())).append("</code> ");
        badges(reason.source());
        out.append("</span></td></tr>\n");
    }

    /** The ministry's own duties: who acts, when, whether each applies and why. Not clauses of any paper. */
    private void duties() {
        for (ReportView.DutySheet sheet : v.duties()) {
            out.append("<section class=\"duties\" id=\"sheet-").append(escape(sheet.id())).append("\">\n<h2>")
                    .append(escape(sheet.title())).append(" <span class=\"meta\"><code>").append(escape(sheet.id()))
                    .append("</code></span></h2>\n<p>").append(escape(v.text("reports.duties.intro"))).append("</p>\n<p class=\"meta\">")
                    .append(escape(v.counts(sheet))).append("</p>\n");
            for (ReportView.DutyGroup group : sheet.groups()) {
                out.append("<h3>").append(escape(group.title())).append("</h3>\n<table class=\"items duties\">\n")
                        .append("<colgroup><col class=\"c-num\"><col class=\"c-duty\"><col class=\"c-who\"><col class=\"c-when\">")
                        .append("<col class=\"c-status\"><col class=\"c-reason\"></colgroup>\n<thead><tr><th>")
                        .append(escape(v.text("reports.items.number"))).append("</th><th>")
                        .append(escape(v.text("reports.duties.title"))).append("</th><th>")
                        .append(escape(v.text("reports.duties.roles"))).append("</th><th>")
                        .append(escape(v.text("reports.duties.timing"))).append("</th><th>")
                        .append(escape(v.text("reports.items.status"))).append("</th><th>")
                        .append(escape(v.text("reports.items.reason"))).append("</th></tr></thead>\n<tbody>\n");
                for (ReportView.DutyRow row : group.rows()) {
                    duty(row);
                }
                out.append("</tbody>\n</table>\n");
            }
            out.append("</section>\n");
        }
    }

    private void duty(ReportView.DutyRow row) {
        ItemStatus status = row.status();
        Reason reason = row.duty().reason();
        out.append("<tr id=\"duty-").append(escape(row.id())).append("\"")
                .append(status == ItemStatus.NOT_APPLICABLE ? " class=\"na\"" : "").append("><td class=\"num\">")
                .append(escape(row.number())).append("</td><td>").append(escape(row.title()))
                .append("<br><span class=\"meta\"><code class=\"id\">").append(escape(row.id())).append("</code> ");
        badges(row.duty().source());
        if (row.duty().source().citation() != null) {
            out.append(" ").append(escape(v.citation(row.duty().source())));
        }
        out.append("</span>");
        references(row.id(), status);
        out.append("</td><td>").append(escape(v.roles(row.duty().roles()))).append("</td><td>")
                .append(escape(v.timing(row.duty().timing()))).append("</td><td class=\"status status-").append(status.name())
                .append("\">").append(escape(v.status(status))).append("</td><td>").append(escape(v.reason(reason)))
                .append("<br><span class=\"meta\">").append(escape(v.text("reports.rule", ""))).append("<code>")
                .append(escape(reason.ruleId())).append("</code> ");
        badges(reason.source());
        out.append("</span></td></tr>\n");
    }

    /** What would lower the outcome: the what-if's alternatives, each assessed by the same rules. */
    private void whatIf() {
        String intro = WhatIfSection.intro(v);
        if (intro == null) {
            return;
        }
        out.append("<section id=\"what-if\">\n<h2>").append(escape(v.text("reports.whatif"))).append("</h2>\n<p>")
                .append(escape(intro)).append("</p>\n");
        List<WhatIfSection.Line> lines = WhatIfSection.lines(v);
        if (!lines.isEmpty()) {
            out.append("<table class=\"items what-if\">\n<thead><tr><th>").append(escape(v.text("reports.whatif.change")))
                    .append("</th><th>").append(escape(v.text("reports.whatif.result"))).append("</th><th>")
                    .append(escape(v.text("reports.whatif.rule"))).append("</th><th>")
                    .append(escape(v.text("reports.whatif.items"))).append("</th></tr></thead>\n<tbody>\n");
            for (WhatIfSection.Line l : lines) {
                out.append("<tr").append(l.designChoice() ? "" : " class=\"na\"").append("><td>");
                for (int i = 0; i < l.changes().size(); i++) {
                    out.append(i == 0 ? "" : "<br>").append(escape(l.changes().get(i)));
                }
                out.append("</td><td>").append(escape(l.result())).append("</td><td>").append(escape(l.rule()))
                        .append("</td><td>").append(escape(l.items())).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("</section>\n");
    }

    /** A required item's or duty's references in each crosswalk asked for, one line each. */
    private void references(String id, ItemStatus status) {
        for (String line : v.referenceLines(id, status)) {
            out.append("<br><span class=\"meta crosswalk\">").append(escape(line)).append("</span>");
        }
    }

    /** Per crosswalk asked for: the framework, the reading, and what this decision touches and leaves uncovered. */
    private void crosswalks() {
        for (io.github.aigov.governance.Crosswalk c : v.crosswalks()) {
            out.append("<section class=\"crosswalk\" id=\"crosswalk-").append(escape(c.id())).append("\">\n<h2>")
                    .append(escape(v.text("reports.crosswalk.heading", v.in(c.title())))).append("</h2>\n<table class=\"facts\">\n");
            for (CrosswalkSection.Line line : CrosswalkSection.lines(c, v)) {
                out.append("<tr><th>").append(escape(line.label())).append("</th><td>");
                if (line.badge()) {
                    badges(c.source());
                    out.append(" ");
                }
                out.append(escape(line.text())).append("</td></tr>\n");
            }
            out.append("</table>\n");
            if (!d.axes().isEmpty()) {
                out.append("<ul class=\"reasons\">");
                for (AxisResult a : d.axes()) {
                    String refs = v.references(v.targets(c, a));
                    if (!refs.isEmpty()) {
                        out.append("<li>").append(escape(v.title(a.axis()) + v.colon() + v.title(a.axis() + "." + a.option())))
                                .append("<br><span class=\"meta crosswalk\">").append(escape(c.framework().id() + v.colon() + refs))
                                .append("</span></li>");
                    }
                }
                out.append("</ul>\n");
            }
            out.append("</section>\n");
        }
    }

    private void legend() {
        out.append("<section id=\"legend\">\n<h2>").append(escape(v.text("reports.legend"))).append("</h2>\n<dl class=\"legend\">\n");
        for (Provenance p : Provenance.values()) {
            out.append("<dt>");
            badge(p);
            out.append("</dt><dd>").append(escape(v.text("reports.legend." + p.name()))).append("</dd>\n");
        }
        out.append("<dt><span class=\"badge overlay\">").append(escape(v.text("reports.provenance.overlay", "ID")))
                .append("</span></dt><dd>").append(escape(v.text("reports.legend.overlay"))).append("</dd>\n</dl>\n</section>\n");
    }

    private void trace() {
        out.append("<section id=\"trace\">\n<details>\n<summary>")
                .append(escape(v.text("reports.trace.summary", d.trace().size()))).append("</summary>\n")
                .append("<p class=\"meta noprint\">").append(escape(v.text("reports.trace.print"))).append("</p>\n")
                .append("<table class=\"trace\">\n<thead><tr><th>").append(escape(v.text("reports.trace.seq")))
                .append("</th><th>").append(escape(v.text("reports.trace.phase"))).append("</th><th>")
                .append(escape(v.text("reports.trace.rule"))).append("</th><th>")
                .append(escape(v.text("reports.trace.facts"))).append("</th><th>")
                .append(escape(v.text("reports.trace.outcome"))).append("</th><th>")
                .append(escape(v.text("reports.trace.source"))).append("</th></tr></thead>\n<tbody>\n");
        for (TraceEvent e : d.trace()) {
            out.append("<tr><td>").append(e.sequence()).append("</td><td>").append(escape(e.phase())).append("</td><td><code>")
                    .append(escape(e.rule())).append("</code></td><td>").append(escape(e.facts().stream().map(io.github.aigov.governance.TraceFact::text).collect(java.util.stream.Collectors.joining("; "))))
                    .append("</td><td><code>").append(escape(e.outcome())).append("</code></td><td>");
            if (e.source() != null) {
                out.append("<code>").append(escape(e.source().location())).append("</code> ");
                badges(e.source());
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    private void footer() {
        DefinitionsRef defs = d.definitions();
        out.append("<footer>").append(escape(v.text("reports.footer", d.decisionId(), defs.id(), defs.version(),
                defs.hash()))).append("</footer>\n");
    }
}
