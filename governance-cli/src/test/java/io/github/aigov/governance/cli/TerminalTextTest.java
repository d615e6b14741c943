package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TerminalText}: which characters are escaped, over every UTF-16 unit, and the writer agrees with the function. */
class TerminalTextTest {

    /** The controls, as the issue lists them: C0 but LF and TAB, DEL, C1, and the bidirectional controls. */
    private static boolean listed(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    @Test
    void everyCharacterIsEscapedExactlyWhenItIsAControl() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = "a" + (char) c + "b";
            String expected = listed(c) ? "a" + String.format("\\u%04X", c) + "b" : one;
            assertThat(TerminalText.escape(one)).as("U+%04X", c).isEqualTo(expected);
        }
    }

    @Test
    void aWindowsLineEndStaysALoneCarriageReturnDoesNot() {
        assertThat(TerminalText.escape("LOW\r\nnext")).isEqualTo("LOW\r\nnext");
        assertThat(TerminalText.escape("LOW\rHIGH")).isEqualTo("LOW\\u000DHIGH");
        assertThat(TerminalText.escape("end\r")).isEqualTo("end\\u000D");
        assertThat(TerminalText.escape("給付金\u202Eチャット\u001B[2J")).isEqualTo("給付金\\u202Eチャット\\u001B[2J");
    }

    @Test
    void theWriterWritesWhatTheFunctionReturnsHoweverTheTextIsSplit() {
        char[] alphabet = {'a', '給', '\n', '\r', '\t', '\u001B', '\u0007', '\u009B', '\u202E', '\u2066', '\u007F', ' '};
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            StringWriter sink = new StringWriter();
            PrintWriter writer = TerminalText.printWriter(new PrintWriter(sink));
            String s = text.toString();
            for (int at = 0; at < s.length(); ) {
                int n = 1 + random.nextInt(Math.min(5, s.length() - at));
                switch (random.nextInt(3)) {
                    case 0 -> writer.write(s, at, n);
                    case 1 -> writer.write(s.substring(at, at + n).toCharArray());
                    default -> s.substring(at, at + n).chars().forEach(writer::write);
                }
                at += n;
            }
            writer.flush();
            assertThat(sink.toString()).as("%s", s.chars().mapToObj(c -> String.format("%04X", c)).toList())
                    .isEqualTo(TerminalText.escape(s));
        }
    }
}
