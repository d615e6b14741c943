package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The usage help's texts, taken from the library's message bundles: the keys under
 * {@code cli.help.}, seen by picocli without that prefix ({@code usage.exitCodeList.0},
 * {@code governance.assess.usage.description}, an option's {@code descriptionKey}, ...).
 * One place for every user-facing text, in Japanese and English.
 */
final class HelpTexts extends ResourceBundle {
    static final String PREFIX = "cli.help.";

    private final Locale locale;
    private final Map<String, String> texts = new LinkedHashMap<>();

    HelpTexts(Locale locale) {
        this.locale = locale;
        for (String key : Messages.keys(locale)) {
            if (key.startsWith(PREFIX)) {
                texts.put(key.substring(PREFIX.length()), Messages.render(Message.of(key), locale));
            }
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    /**
     * Gives a command (and its subcommands) the help texts in the default locale's language, when
     * picocli builds it: so {@code new CommandLine(new GovernanceCli())} is complete on its own.
     */
    public static final class Installer implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return spec.resourceBundle(new HelpTexts(Language.ofDefaultLocale().locale()));
        }
    }
}
