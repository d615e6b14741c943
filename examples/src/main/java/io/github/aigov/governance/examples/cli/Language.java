package io.github.aigov.governance.examples.cli;

import java.util.Locale;

/** The languages a report and its error messages can be printed in. Lower case: they are the option's values. */
enum Language {
    ja(Locale.JAPANESE), en(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    /** Japanese if the JVM's default locale is Japanese, else English. */
    static Language ofDefaultLocale() {
        return "ja".equals(Locale.getDefault().getLanguage()) ? ja : en;
    }
}
