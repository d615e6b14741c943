package io.github.aigov.governance.reports.internal.doc;

/** A run of text inside a block. Every variant carries plain text; the writers escape it. */
public sealed interface Inline {

    record Text(String text) implements Inline {
    }

    record Strong(String text) implements Inline {
    }

    /** An identifier or hash, set in monospace. */
    record Code(String text) implements Inline {
    }

    /** A provenance label (seed, public, interpretation, overlay): a badge in HTML. */
    record Badge(String text, String kind) implements Inline {
    }

    /** A blank for the reader to complete, e.g. 【記入してください：予算】: highlighted. */
    record Blank(String text) implements Inline {
    }

    /** A reference to a footnote of the document. */
    record NoteRef(String id) implements Inline {
    }

    static Inline text(String s) {
        return new Text(s);
    }

    static Inline strong(String s) {
        return new Strong(s);
    }

    static Inline code(String s) {
        return new Code(s);
    }
}
