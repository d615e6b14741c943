package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.WhatIf;
import io.github.aigov.governance.reports.internal.doc.Block;
import io.github.aigov.governance.reports.internal.doc.Doc;
import io.github.aigov.governance.reports.internal.doc.Inline;
import java.util.ArrayList;
import java.util.List;

/**
 * What would lower the outcome, as a paper shows it: the what-if's alternatives, each with the answers it
 * changes and what that means for the system, the classification and escalation it gets, the rule that
 * decides it, and the items it adds or no longer requires. Shown when the decision can be lowered (in
 * scope, and above LOW or escalated).
 */
final class WhatIfSection {
    private WhatIfSection() {
    }

    /** One alternative as text lines, in the report's language. */
    record Line(List<String> changes, String result, String rule, String items, boolean designChoice) {
    }

    /** The section's intro, or {@code null} when the decision cannot be lowered (no section). */
    static String intro(ReportView v) {
        WhatIf w = v.whatIf();
        if (w == null) {
            return null;
        }
        if (w.alternatives().isEmpty()) {
            return v.text("reports.whatif.none");
        }
        return v.text("reports.whatif.intro", v.text("reports.whatif.distance." + w.distance()));
    }

    static List<Line> lines(ReportView v) {
        WhatIf w = v.whatIf();
        List<Line> out = new ArrayList<>();
        if (w == null) {
            return out;
        }
        for (WhatIf.Alternative a : w.alternatives()) {
            List<String> changes = new ArrayList<>();
            for (WhatIf.Change c : a.changes()) {
                String to = answer(v, c, c.to());
                String meaning = v.in(c.meaning());
                String line = label(v, c) + v.colon() + answer(v, c, c.from()) + " → " + to;
                if (!meaning.equals(to)) {
                    line += " — " + meaning;
                }
                if (!c.designChoice()) {
                    line += " (" + v.text("reports.whatif.fact") + ")";
                }
                changes.add(line);
            }
            String result = v.classification(a.decision().classification()) + v.comma()
                    + v.text(a.decision().escalation().required() ? "reports.whatif.escalation.required"
                    : "reports.whatif.escalation.not-required");
            List<String> items = new ArrayList<>();
            if (!a.itemsRemoved().isEmpty()) {
                items.add(v.text("reports.whatif.removed", String.join(", ", a.itemsRemoved())));
            }
            if (!a.itemsAdded().isEmpty()) {
                items.add(v.text("reports.whatif.added", String.join(", ", a.itemsAdded())));
            }
            out.add(new Line(changes, result, a.decidedBy().ruleId() + v.colon() + v.reason(a.decidedBy()),
                    items.isEmpty() ? v.text("reports.whatif.items.same") : String.join(v.japanese() ? "。" : "; ", items),
                    a.designChoice()));
        }
        return out;
    }

    private static String label(ReportView v, WhatIf.Change c) {
        if (c.axis() != null) {
            return v.title(c.axis());
        }
        return v.text(c.field().equals(WhatIf.FORM) ? "reports.project.form" : "reports.project.vendor-trains");
    }

    private static String answer(ReportView v, WhatIf.Change c, String answer) {
        if (c.axis() != null) {
            return v.title(c.axis() + "." + answer);
        }
        if (c.field().equals(WhatIf.FORM)) {
            return v.text("reports.form." + ProcurementForm.valueOf(answer).name());
        }
        return v.yesNo(Boolean.parseBoolean(answer));
    }

    /** The section in a document (the board-report draft, within its risk section), as a list: one entry per alternative. */
    static void add(Doc.Builder doc, ReportView v, String heading) {
        String intro = intro(v);
        if (intro == null) {
            return;
        }
        doc.heading(3, Inline.text(heading));
        doc.paragraph(Inline.text(intro));
        List<Block.Entry> entries = new ArrayList<>();
        for (Line l : lines(v)) {
            List<Inline> more = List.of(Inline.text(v.text("reports.whatif.result") + v.colon() + l.result() + " — "
                    + v.text("reports.whatif.rule") + v.colon() + l.rule() + " — " + l.items()));
            entries.add(new Block.Entry(List.of(Inline.strong(String.join(" + ", l.changes()))), more));
        }
        if (!entries.isEmpty()) {
            doc.add(new Block.ItemList(true, 1, entries));
        }
    }
}
