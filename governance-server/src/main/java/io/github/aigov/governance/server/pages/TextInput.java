package io.github.aigov.governance.server.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** What a form's text and date fields hold once read: text kept as text, dates as the ministry's dates. */
public final class TextInput {
    /** The ministry's time zone: a date entered or shown is a date in Japan. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private TextInput() {
    }

    /**
     * The text as typed, without what no one types: line breaks made {@code \n}, control characters
     * other than line break and tab removed, surrounding white space stripped. Markup stays as it
     * is; the pages show it as text.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\n' || c == '\t' || !(Character.isISOControl(c) || c == 0x2028 || c == 0x2029))
                .forEach(b::appendCodePoint);
        return b.toString().strip();
    }

    /** A date in ISO form ({@code 2026-04-01}, as a date field sends it), or {@code null}. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A moment as a page shows it: the date and minute in Japan, {@code 2026-04-01 09:30}. */
    public static String shown(java.time.Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(ZONE));
    }

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** Today in Japan. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
