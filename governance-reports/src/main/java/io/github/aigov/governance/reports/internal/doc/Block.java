package io.github.aigov.governance.reports.internal.doc;

import java.util.List;

/** A block of a {@link Doc}. */
public sealed interface Block {

    /** A heading below the title: level 2 (section) to 4. */
    record Heading(int level, List<Inline> text) implements Block {
        public Heading {
            if (level < 2 || level > 4) {
                throw new IllegalArgumentException("heading level " + level);
            }
            text = List.copyOf(text);
        }
    }

    record Paragraph(List<Inline> text) implements Block {
        public Paragraph {
            text = List.copyOf(text);
        }
    }

    /** A set-off note (a blockquote). */
    record Quote(List<Inline> text) implements Block {
        public Quote {
            text = List.copyOf(text);
        }
    }

    /**
     * A list; numbered lists start at {@code start} (numbering continues across groups). An entry may
     * carry a second line, e.g. a blank to fill in under a clause.
     */
    record ItemList(boolean numbered, int start, List<Entry> entries) implements Block {
        public ItemList {
            entries = List.copyOf(entries);
        }
    }

    /** One list entry: its text, and an optional continuation line (empty list for none). */
    record Entry(List<Inline> text, List<Inline> more) {
        public Entry {
            text = List.copyOf(text);
            more = List.copyOf(more);
        }

        public static Entry of(Inline... text) {
            return new Entry(List.of(text), List.of());
        }
    }

    /** A table: a header row and body rows, each cell a run of inlines. */
    record Table(List<List<Inline>> header, List<List<List<Inline>>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
