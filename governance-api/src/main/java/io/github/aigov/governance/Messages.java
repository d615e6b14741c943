package io.github.aigov.governance;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Renders the library's own message keys from {@code messages_ja} / {@code messages_en} bundles.
 * Definition texts (titles, reasons) are rendered by {@link GovernanceEngine#render}, which falls
 * back to this class for library keys.
 */
public final class Messages {
    /** The bundle's base name. */
    public static final String BUNDLE = "io.github.aigov.governance.messages";

    private Messages() {
    }

    /** Whether the library's bundle has this key. */
    public static boolean has(String key, Locale locale) {
        return bundle(locale).containsKey(key);
    }

    /** Every key of the library's bundle in this locale. */
    public static Set<String> keys(Locale locale) {
        return bundle(locale).keySet();
    }

    /** Renders a library message; an unknown key renders as the key itself, so nothing is lost. */
    public static String render(Message message, Locale locale) {
        String template;
        try {
            template = bundle(locale).getString(message.key());
        } catch (MissingResourceException e) {
            return message.key() + (message.args().isEmpty() ? "" : " " + message.args());
        }
        return format(template, locale, message.args().toArray());
    }

    /** {@code GOV-nnnn location: message (hint)}, one line. */
    public static String format(Problem problem, Locale locale) {
        StringBuilder s = new StringBuilder()
                .append(problem.location()).append(": ")
                .append(problem.severity() == Severity.WARNING ? render(Message.of("label.warning"), locale) + " " : "")
                .append(problem.code().id()).append(' ')
                .append(render(problem.message(), locale));
        if (problem.hint() != null) {
            s.append(" — ").append(render(problem.hint(), locale));
        }
        return s.toString();
    }

    static String format(String template, Locale locale, Object... args) {
        return args.length == 0 ? template.replace("''", "'") : new MessageFormat(template, locale).format(args);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
