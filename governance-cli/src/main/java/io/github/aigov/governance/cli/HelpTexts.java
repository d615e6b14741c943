package io.github.aigov.governance.cli;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Rendered once per language: the texts never change while the process runs. */
    private static final Map<Locale, HelpTexts> BY_LOCALE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final Map<String, String> texts = new LinkedHashMap<>();

    /** A command's exit codes: {@code <command>.usage.exitCodeList.N}, N from 0. */
    private static final String EXIT_CODES = "usage.exitCodeList.";
    /** What codes 2 and 3 mean, the same for every command: added after each command's own codes. */
    static final List<String> COMMON_EXIT_CODES = List.of("cli.help.exit.usage", "cli.help.exit.internal");

    private HelpTexts(Locale locale) {
        this.locale = locale;
        for (String key : Messages.keys(locale)) {
            if (key.startsWith(PREFIX)) {
                texts.put(key.substring(PREFIX.length()), Messages.render(Message.of(key), locale));
            }
        }
        List<String> lists = texts.keySet().stream().filter(k -> k.endsWith(EXIT_CODES + "0"))
                .map(k -> k.substring(0, k.length() - 1)).toList();
        for (String list : lists) {
            int next = 0;
            while (texts.containsKey(list + next)) {
                next++;
            }
            for (String common : COMMON_EXIT_CODES) {
                texts.put(list + next++, texts.get(common.substring(PREFIX.length())));
            }
        }
    }

    static HelpTexts of(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, HelpTexts::new);
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
     * Gives a whole command tree (this command, its subcommands, theirs) the help texts in this language:
     * picocli reads the usage help from each command's bundle when it prints it.
     */
    static void localize(CommandLine command, Locale locale) {
        command.getCommandSpec().resourceBundle(of(locale));
        command.getSubcommands().values().forEach(sub -> localize(sub, locale));
    }

    /**
     * Gives a command (and its subcommands) the help texts in the default locale's language, when
     * picocli builds it: so {@code new CommandLine(new GovernanceCli())} is complete on its own.
     * {@link GovernanceCli#commandLine} then switches them to the language the arguments ask for.
     */
    public static final class Installer implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return spec.resourceBundle(of(Language.ofDefaultLocale().locale()));
        }
    }
}
