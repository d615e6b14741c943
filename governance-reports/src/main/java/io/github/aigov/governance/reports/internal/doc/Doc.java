package io.github.aigov.governance.reports.internal.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A small document: headings, paragraphs, lists, tables and footnotes, with plain text inside.
 * The papers that exist both as Markdown and as HTML are built once as a {@code Doc}; each writer
 * escapes the text for its format, so no builder ever writes markup.
 *
 * @param lang      {@code ja} or {@code en}
 * @param title     the document's title (its first heading)
 * @param blocks    the body, in order
 * @param footnotes notes referred to by {@link Inline.NoteRef}, in order
 */
public record Doc(String lang, String title, List<Block> blocks, List<Footnote> footnotes) {
    public Doc {
        blocks = List.copyOf(blocks);
        footnotes = List.copyOf(footnotes);
    }

    /** A footnote: an id (its label) and its text. */
    public record Footnote(String id, List<Inline> text) {
        public Footnote {
            text = List.copyOf(text);
        }
    }

    /** Builds a document block by block. */
    public static final class Builder {
        private final String lang;
        private final String title;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Footnote> footnotes = new ArrayList<>();

        public Builder(String lang, String title) {
            this.lang = lang;
            this.title = title;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder heading(int level, Inline... text) {
            return add(new Block.Heading(level, List.of(text)));
        }

        public Builder paragraph(Inline... text) {
            return add(new Block.Paragraph(List.of(text)));
        }

        public Builder note(Inline... text) {
            return add(new Block.Quote(List.of(text)));
        }

        /** Adds a footnote and returns the reference to place in the text. */
        public Inline footnote(String id, Inline... text) {
            footnotes.add(new Footnote(id, List.of(text)));
            return new Inline.NoteRef(id);
        }

        public Doc build() {
            return new Doc(lang, title, blocks, footnotes);
        }
    }
}
