package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.reports.internal.doc.Doc;
import io.github.aigov.governance.reports.internal.doc.Inline;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The closing section of a paper asked for with crosswalks: per framework, what it is (edition, publisher,
 * scope), that every mapping is this project's reading, and which of its references the decision touches
 * and which it leaves uncovered.
 */
final class CrosswalkSection {
    private CrosswalkSection() {
    }

    static void add(Doc.Builder doc, ReportView v, int level) {
        for (Crosswalk c : v.crosswalks()) {
            doc.heading(level, Inline.text(v.text("reports.crosswalk.heading", v.in(c.title()))));
            for (Line line : lines(c, v)) {
                List<Inline> text = new ArrayList<>(List.of(Inline.strong(line.label()), Inline.text(v.colon() + line.text())));
                if (line.badge()) {
                    text.add(Inline.text(" "));
                    SpecificationText.badges(text, c.source(), v);
                }
                doc.paragraph(text.toArray(Inline[]::new));
            }
        }
    }

    /** One labelled line of a crosswalk's section. */
    record Line(String label, String text, boolean badge) {
    }

    static List<Line> lines(Crosswalk c, ReportView v) {
        Crosswalk.Framework f = c.framework();
        Crosswalk.Coverage coverage = c.coverage(v.decision());
        int total = coverage.covered().size() + coverage.uncovered().size();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(v.text("reports.crosswalk.framework"), v.in(f.title()) + v.comma() + f.version() + v.comma()
                + f.date() + v.comma() + v.in(f.publisher()), false));
        lines.add(new Line(v.text("reports.crosswalk.scope"), v.in(f.scope()), false));
        lines.add(new Line(v.text("reports.crosswalk.reading"), v.text("reports.crosswalk.reading.text", v.in(c.source().citation()),
                c.source().file()), true));
        lines.add(new Line(v.text("reports.crosswalk.covered"), v.text("reports.crosswalk.covered.text", coverage.covered().size(),
                total), false));
        lines.add(new Line(v.text("reports.crosswalk.uncovered"), coverage.uncovered().isEmpty() ? v.text("reports.crosswalk.none")
                : coverage.uncovered().stream().map(Crosswalk.Reference::label).collect(Collectors.joining(v.comma())), false));
        return lines;
    }
}
