package io.github.aigov.governance.cli;

import java.util.Locale;
import java.util.Optional;

/** The languages a report and its error messages can be printed in. Lower case: they are the option's values. */
enum Language {
    ja(Locale.JAPANESE), en(Locale.ENGLISH);

    /** The option that chooses the language. */
    static final String OPTION = "--lang";

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

    /**
     * The language the arguments ask for ({@code --lang ja} or {@code --lang=ja}; the last one wins), read
     * from the raw arguments so that it holds even when they could not be parsed (a usage error) or parsing
     * stopped at {@code --help}. Empty when none is asked for, or the value is not a language.
     */
    static Optional<Language> requested(String[] args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a == null || a.equals("--")) {
                break; // what follows is not options
            }
            if (a.equals(OPTION) && i + 1 < args.length) {
                value = args[++i];
            } else if (a.startsWith(OPTION + "=")) {
                value = a.substring(OPTION.length() + 1);
            }
        }
        for (Language l : values()) {
            if (l.name().equals(value)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The language asked for in the arguments, else the default locale's. */
    static Language of(String[] args) {
        return requested(args).orElseGet(Language::ofDefaultLocale);
    }
}
