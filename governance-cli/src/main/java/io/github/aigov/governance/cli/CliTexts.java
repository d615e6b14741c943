package io.github.aigov.governance.cli;

import io.github.aigov.governance.spi.MessageBundleProvider;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's texts ({@code cli.*}, the text report's {@code report.*}), rendered by {@link io.github.aigov.governance.Messages}. */
public final class CliTexts implements MessageBundleProvider {
    /** The bundle's base name. */
    public static final String BUNDLE = "io.github.aigov.governance.cli.messages";

    @Override
    public ResourceBundle bundle(Locale locale) {
        return MessageBundleProvider.properties(BUNDLE, locale, CliTexts.class.getModule());
    }
}
