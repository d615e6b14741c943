package io.github.aigov.governance.server;

import io.github.aigov.governance.spi.MessageBundleProvider;
import java.util.Locale;
import java.util.ResourceBundle;

/** The service's texts: its pages' (through Spring's message source) and its command line's and status titles' (through {@link io.github.aigov.governance.Messages}). */
public final class ServerTexts implements MessageBundleProvider {
    /** The bundle's base name. */
    public static final String BUNDLE = "io.github.aigov.governance.server.messages";

    @Override
    public ResourceBundle bundle(Locale locale) {
        return MessageBundleProvider.properties(BUNDLE, locale, ServerTexts.class.getModule());
    }
}
