package io.github.aigov.governance.reports.internal.doc;

import static io.github.aigov.governance.reports.internal.Html.escape;

import io.github.aigov.governance.reports.internal.Html;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Doc} as one self-contained, printable HTML page, every text escaped. */
public final class HtmlWriter {
    private final StringBuilder out = new StringBuilder(32 * 1024);
    private final Map<String, Integer> notes = new HashMap<>();

    private HtmlWriter() {
    }

    public static String write(Doc doc) {
        return new HtmlWriter().document(doc);
    }

    private String document(Doc doc) {
        for (int i = 0; i < doc.footnotes().size(); i++) {
            notes.put(doc.footnotes().get(i).id(), i + 1);
        }
        out.append("<!DOCTYPE html>\n<html lang=\"").append(escape(doc.lang())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"io.github.aigov governance-reports\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n").append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n<header class=\"doc\"><h1>").append(escape(doc.title()))
                .append("</h1></header>\n");
        for (Block b : doc.blocks()) {
            block(b);
        }
        if (!doc.footnotes().isEmpty()) {
            out.append("<section class=\"footnotes\">\n<ol>\n");
            for (Doc.Footnote f : doc.footnotes()) {
                out.append("<li id=\"fn-").append(escape(f.id())).append("\">").append(inlines(f.text()))
                        .append(" <a href=\"#ref-").append(escape(f.id())).append("\">↩</a></li>\n");
            }
            out.append("</ol>\n</section>\n");
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void block(Block block) {
        if (block instanceof Block.Heading h) {
            out.append("<h").append(h.level()).append('>').append(inlines(h.text())).append("</h").append(h.level())
                    .append(">\n");
        } else if (block instanceof Block.Paragraph p) {
            out.append("<p>").append(inlines(p.text())).append("</p>\n");
        } else if (block instanceof Block.Quote q) {
            out.append("<blockquote>").append(inlines(q.text())).append("</blockquote>\n");
        } else if (block instanceof Block.ItemList l) {
            list(l);
        } else if (block instanceof Block.Table t) {
            table(t);
        }
    }

    private void list(Block.ItemList list) {
        out.append(list.numbered() ? "<ol start=\"" + list.start() + "\">\n" : "<ul>\n");
        for (Block.Entry e : list.entries()) {
            out.append("<li>").append(inlines(e.text()));
            if (!e.more().isEmpty()) {
                out.append("<br>").append(inlines(e.more()));
            }
            out.append("</li>\n");
        }
        out.append(list.numbered() ? "</ol>\n" : "</ul>\n");
    }

    private void table(Block.Table t) {
        out.append("<table>\n<thead><tr>");
        t.header().forEach(h -> out.append("<th>").append(inlines(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<List<Inline>> row : t.rows()) {
            out.append("<tr>");
            row.forEach(c -> out.append("<td>").append(inlines(c)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private String inlines(List<Inline> inlines) {
        StringBuilder b = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Inline.Text t) {
                b.append(escape(t.text()));
            } else if (i instanceof Inline.Strong s) {
                b.append("<strong>").append(escape(s.text())).append("</strong>");
            } else if (i instanceof Inline.Code c) {
                b.append("<code>").append(escape(c.text())).append("</code>");
            } else if (i instanceof Inline.Badge badge) {
                b.append("<span class=\"badge ").append(escape(badge.kind())).append("\">").append(escape(badge.text()))
                        .append("</span>");
            } else if (i instanceof Inline.Blank blank) {
                b.append("<mark class=\"blank\">").append(escape(blank.text())).append("</mark>");
            } else if (i instanceof Inline.NoteRef r) {
                b.append("<sup><a href=\"#fn-").append(escape(r.id())).append("\" id=\"ref-").append(escape(r.id()))
                        .append("\">").append(notes.getOrDefault(r.id(), 0)).append("</a></sup>");
            }
        }
        return b.toString();
    }
}
