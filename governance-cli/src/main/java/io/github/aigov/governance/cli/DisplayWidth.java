package io.github.aigov.governance.cli;

/**
 * How many terminal columns a text takes: two for East Asian wide characters (kanji, kana,
 * full-width forms), one otherwise. Enough to align Japanese labels in a report; characters of
 * ambiguous width (①, —) count as one, as most terminals outside East Asian locales show them.
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(String text) {
        return text.codePoints().map(DisplayWidth::columns).sum();
    }

    /** The text followed by spaces up to {@code width} columns (the text itself when it is wider). */
    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - of(text)));
    }

    /** The text preceded by spaces up to {@code width} columns. */
    static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - of(text))) + text;
    }

    private static int columns(int cp) {
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
