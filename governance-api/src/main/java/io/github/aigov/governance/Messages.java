package io.github.aigov.governance;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import io.github.aigov.governance.spi.MessageBundleProvider;

/**
 * Renders message keys in Japanese or English. The library's own keys (problems, hints, labels, the
 * diff, the audit trail) are in its {@code messages} bundle; each module that shows text to people
 * owns its keys in its own bundle, found through {@link MessageBundleProvider} (the papers'
 * {@code reports.*}, the command line's {@code cli.*} and {@code report.*}, the service's). A key
 * lives in one bundle. Definition texts (titles, reasons) are rendered by
 * {@link GovernanceEngine#render}, which falls back to this class for message keys.
 */
public final class Messages {
    /** The bundle's base name. */
    public static final String BUNDLE = "io.github.aigov.governance.messages";

    private Messages() {
    }

    /** The modules' bundles, found once; the library's own comes first. */
    private static final List<MessageBundleProvider> PROVIDERS = providers();

    /** Whether a bundle (the library's or a module's on the class path) has this key. */
    public static boolean has(String key, Locale locale) {
        return lookup(key, locale) != null;
    }

    /** Every key of the library's bundle and the modules' bundles on the class path, in this locale. */
    public static Set<String> keys(Locale locale) {
        Set<String> keys = new LinkedHashSet<>();
        for (MessageBundleProvider p : PROVIDERS) {
            keys.addAll(p.bundle(locale).keySet());
        }
        return keys;
    }

    /** Renders a library message; an unknown key renders as the key itself, so nothing is lost. */
    public static String render(Message message, Locale locale) {
        String template = lookup(message.key(), locale);
        if (template == null) {
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

    private static String lookup(String key, Locale locale) {
        for (MessageBundleProvider p : PROVIDERS) {
            ResourceBundle bundle = p.bundle(locale);
            if (bundle.containsKey(key)) {
                try {
                    return bundle.getString(key);
                } catch (MissingResourceException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<MessageBundleProvider> providers() {
        List<MessageBundleProvider> found = new ArrayList<>();
        found.add(locale -> MessageBundleProvider.properties(BUNDLE, locale, Messages.class.getModule()));
        List<MessageBundleProvider> modules = new ArrayList<>();
        ServiceLoader.load(MessageBundleProvider.class, Messages.class.getClassLoader()).forEach(modules::add);
        modules.sort(Comparator.comparing(p -> p.getClass().getName()));
        found.addAll(modules);
        return List.copyOf(found);
    }
}
