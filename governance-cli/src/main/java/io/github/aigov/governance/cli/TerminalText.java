package io.github.aigov.governance.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What a command prints reaches a terminal through here, so text from a profile or a definition
 * can never drive the terminal: every C0 control but line feed and tab (ESC, BEL, a lone carriage
 * return that would overwrite a line …), DEL, every C1 control, and the Unicode bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that reorder what a line shows
 * are written as a visible escape, <code>&#92;u001B</code> (ESC). A carriage return directly before a line feed
 * (a Windows line end) is kept.
 *
 * <p>The escape is JSON's own: a decision printed as JSON on standard output stays the same JSON
 * value (Jackson already escapes C0 controls; the others become the escape of the same character).
 * Files written with {@code --out} are not filtered: they are the papers, byte for byte.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** Whether a character would control the terminal rather than be shown. */
    static boolean controls(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The text with every control written as <code>&#92;uXXXX</code>; a carriage return before a line feed kept. */
    static String escape(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (controls(c) && !crlf) {
                if (s == null) {
                    s = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                s.append(String.format("\\u%04X", (int) c));
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }

    /** A writer that escapes as {@link #escape} on its way to {@code out}; flushes as {@code out} does. */
    static PrintWriter printWriter(PrintWriter out) {
        return new PrintWriter(new Escaping(out), true);
    }

    /** Holds back a carriage return until the next character says whether it ends a line. */
    private static final class Escaping extends FilterWriter {
        private boolean pendingReturn;

        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (pendingReturn) {
                pendingReturn = false;
                out.write(c == '\n' ? "\r" : "\\u000D");
            }
            if (c == '\r') {
                pendingReturn = true;
            } else if (controls((char) c)) {
                out.write(String.format("\\u%04X", c));
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            write(new String(buffer, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            int end = offset + length;
            int run = offset;
            for (int i = offset; i < end; i++) {
                char c = text.charAt(i);
                if (controls(c) || pendingReturn) {
                    out.write(text, run, i - run); // the plain text before it, in one piece
                    write(c);
                    run = i + 1;
                }
            }
            out.write(text, run, end - run);
        }

        @Override
        public void flush() throws IOException {
            if (pendingReturn) {
                // A line's end is written as one call by println: a return still held here stands alone.
                pendingReturn = false;
                out.write("\\u000D");
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
