package io.github.aigov.governance.spi;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A module's own user-facing texts, found with {@link java.util.ServiceLoader} and rendered by
 * {@link io.github.aigov.governance.Messages} beside the library's. Each module that shows text to
 * people (the papers, the command line, the service) owns its keys in its own bundle and registers
 * it in {@code META-INF/services/io.github.aigov.governance.spi.MessageBundleProvider}. A key lives in
 * exactly one bundle.
 */
public interface MessageBundleProvider {

    /**
     * The module's bundle in this language, without falling back to another language (so that a
     * missing translation is found by the module's tests, not hidden).
     */
    ResourceBundle bundle(Locale locale);

    /**
     * The usual implementation: the properties bundle of this base name, loaded by the module that
     * names it (so it works on the class path and the module path alike).
     */
    static ResourceBundle properties(String baseName, Locale locale, Module caller) {
        return ResourceBundle.getBundle(baseName, locale, caller.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
