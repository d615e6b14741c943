package io.github.aigov.governance.rules.internal.model;

import java.util.Locale;

/** A text in Japanese and English, as written in a definition. */
public record LocalizedText(String ja, String en) {
    public String in(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? ja : en;
    }
}
