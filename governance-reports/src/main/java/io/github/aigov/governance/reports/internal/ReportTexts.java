package io.github.aigov.governance.reports.internal;

import io.github.aigov.governance.spi.MessageBundleProvider;
import java.util.Locale;
import java.util.ResourceBundle;

/** The papers' texts ({@code reports.*}), rendered by {@link io.github.aigov.governance.Messages}. */
public final class ReportTexts implements MessageBundleProvider {
    /** The bundle's base name. */
    public static final String BUNDLE = "io.github.aigov.governance.reports.messages";

    @Override
    public ResourceBundle bundle(Locale locale) {
        return MessageBundleProvider.properties(BUNDLE, locale, ReportTexts.class.getModule());
    }
}
