package io.github.aigov.governance.reports.internal.doc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link Doc} as GitHub-flavoured Markdown (tables, footnotes). Text is escaped so that
 * nothing from a profile or a definition can become markup, a link or raw HTML.
 */
public final class MarkdownWriter {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])");

    private final StringBuilder out = new StringBuilder(16 * 1024);

    private MarkdownWriter() {
    }

    public static String write(Doc doc) {
        return new MarkdownWriter().document(doc);
    }

    private String document(Doc doc) {
        out.append("# ").append(escape(doc.title())).append("\n");
        for (Block b : doc.blocks()) {
            out.append('\n');
            block(b);
        }
        if (!doc.footnotes().isEmpty()) {
            out.append('\n');
            for (Doc.Footnote f : doc.footnotes()) {
                out.append("[^").append(label(f.id())).append("]: ").append(inlines(f.text())).append('\n');
            }
        }
        return out.toString();
    }

    private void block(Block block) {
        if (block instanceof Block.Heading h) {
            out.append("#".repeat(h.level())).append(' ').append(inlines(h.text())).append('\n');
        } else if (block instanceof Block.Paragraph p) {
            out.append(lineStart(inlines(p.text()))).append('\n');
        } else if (block instanceof Block.Quote q) {
            out.append("> ").append(lineStart(inlines(q.text()))).append('\n');
        } else if (block instanceof Block.ItemList l) {
            list(l);
        } else if (block instanceof Block.Table t) {
            table(t);
        }
    }

    private void list(Block.ItemList list) {
        int n = list.start();
        for (Block.Entry e : list.entries()) {
            String marker = list.numbered() ? (n++) + ". " : "- ";
            out.append(marker).append(lineStart(inlines(e.text())));
            if (!e.more().isEmpty()) {
                // A backslash at the end of a line is a hard line break; the indent keeps it in the entry.
                out.append("\\\n").append(" ".repeat(marker.length())).append(lineStart(inlines(e.more())));
            }
            out.append('\n');
        }
    }

    private void table(Block.Table t) {
        out.append('|');
        t.header().forEach(h -> out.append(' ').append(cell(h)).append(" |"));
        out.append("\n|");
        t.header().forEach(h -> out.append("---|"));
        out.append('\n');
        for (List<List<Inline>> row : t.rows()) {
            out.append('|');
            row.forEach(c -> out.append(' ').append(cell(c)).append(" |"));
            out.append('\n');
        }
    }

    private static String cell(List<Inline> cell) {
        return inlines(cell);
    }

    private static String inlines(List<Inline> inlines) {
        StringBuilder b = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Inline.Text t) {
                b.append(escape(t.text()));
            } else if (i instanceof Inline.Strong s) {
                b.append(delimited("**", escape(s.text())));
            } else if (i instanceof Inline.Code c) {
                b.append(code(c.text()));
            } else if (i instanceof Inline.Badge badge) {
                b.append(delimited("*", escape(badge.text())));
            } else if (i instanceof Inline.Blank blank) {
                // The blank's words are the library's own; its brackets stay readable when pasted.
                b.append(delimited("**", escape(blank.text(), false)));
            } else if (i instanceof Inline.NoteRef r) {
                b.append("[^").append(label(r.id())).append(']');
            }
        }
        return b.toString();
    }

    /**
     * Emphasis around text, with the text's outer spaces moved outside the delimiters: {@code **a: **}
     * is not bold in CommonMark, {@code **a:** } is.
     */
    private static String delimited(String delimiter, String text) {
        String core = text.strip();
        if (core.isEmpty()) {
            return text;
        }
        int start = text.indexOf(core);
        return text.substring(0, start) + delimiter + core + delimiter + text.substring(start + core.length());
    }

    private static String code(String s) {
        String flat = flatten(s);
        if (flat.isEmpty() || flat.contains("`")) {
            return escape(flat);
        }
        return "`" + flat + "`";
    }

    /** A footnote label: letters, digits, hyphen, underscore and dot only. */
    private static String label(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Escapes Markdown's inline syntax, and raw HTML, in plain text; collapses line breaks to spaces. */
    static String escape(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean brackets) {
        String flat = flatten(s);
        StringBuilder b = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '<', '>', '|', '~', '&', '#' -> b.append('\\').append(c);
                case '[', ']', '!' -> {
                    if (brackets) {
                        b.append('\\');
                    }
                    b.append(c);
                }
                default -> b.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static String flatten(String s) {
        return s == null ? "" : LINE_BREAKS.matcher(s).replaceAll(" ");
    }

    /** Keeps a line's text from opening a block: a list marker, a heading, a thematic break. */
    private static String lineStart(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = line.charAt(0);
        if (c == '-' || c == '+' || c == '=') {
            return "\\" + line;
        }
        var m = ORDERED_START.matcher(line);
        if (m.find()) {
            return m.group(1) + "\\" + line.substring(m.group(1).length());
        }
        return line;
    }
}
