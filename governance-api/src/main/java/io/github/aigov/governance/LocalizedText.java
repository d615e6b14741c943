package io.github.aigov.governance;

import java.util.Locale;
import java.util.Objects;

/**
 * A text as a definition writes it, in Japanese and English: a citation, an overlay's title.
 *
 * @param ja the Japanese text
 * @param en the English text
 */
public record LocalizedText(String ja, String en) {
    public LocalizedText {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    /**
     * The same text in both languages: what a text written in one language only gives, such as a
     * citation in a decision record of schema 1 or in a definition written before citations were
     * bilingual.
     */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, text);
    }

    /** The Japanese text for a Japanese locale, the English text for any other. */
    public String in(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? ja : en;
    }
}
