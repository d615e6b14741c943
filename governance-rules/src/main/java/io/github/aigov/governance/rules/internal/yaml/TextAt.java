package io.github.aigov.governance.rules.internal.yaml;

/** What a text holds at a position: for problems that say where a text stops being well formed, in its own words. */
public final class TextAt {
    /** At most this many characters are shown. */
    static final int SHOWN = 24;

    private TextAt() {
    }

    /**
     * The text from a position to the end of its line, at most {@value #SHOWN} characters, its control
     * characters shown as {@code \\uXXXX}; {@code null} when nothing but white space follows (the text ended
     * before it was complete).
     *
     * @param line   1-based
     * @param column 1-based, in code points
     */
    public static String position(String text, int line, int column) {
        int i = 0;
        for (int l = 1; l < line && i >= 0; l++) {
            i = text.indexOf('\n', i);
            i = i < 0 ? -1 : i + 1;
        }
        if (i < 0) {
            return null;
        }
        for (int c = 1; c < column && i < text.length() && text.charAt(i) != '\n'; c++) {
            i = text.offsetByCodePoints(i, 1);
        }
        if (text.substring(i).isBlank()) {
            return null;
        }
        int end = text.indexOf('\n', i);
        String rest = (end < 0 ? text.substring(i) : text.substring(i, end)).stripTrailing();
        if (rest.isEmpty()) {
            return "\\n"; // the line ends here
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0, shown = 0; k < rest.length() && shown < SHOWN; shown++) {
            int cp = rest.codePointAt(k);
            out.append(Character.isISOControl(cp) || cp == 0xFEFF ? String.format("\\u%04x", cp) : Character.toString(cp));
            k += Character.charCount(cp);
        }
        return out.toString();
    }
}
