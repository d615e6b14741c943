package io.github.aigov.governance.rules.internal.engine;

import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.LocalizedText;
import io.github.aigov.governance.rules.model.Meta;
import io.github.aigov.governance.rules.model.Rules;
import io.github.aigov.governance.rules.model.Rules.Rule;
import io.github.aigov.governance.rules.model.Sheets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The texts of a definition set, addressable as message keys: {@code ID.title}, a rule's
 * {@code ID.reason}, an axis's {@code axis.question}, and an option's {@code axis.OPTION.title} and
 * {@code axis.OPTION.reason} (why it has its level).
 */
final class Texts {
    private final Map<String, LocalizedText> texts = new HashMap<>();

    Texts(Definitions defs) {
        put(Rules.titleKey(defs.set().id()), defs.set().title());
        Sheets.RiskSheet risk = defs.risk();
        meta(risk.meta());
        for (Sheets.Axis a : risk.axes()) {
            meta(a.meta());
            put(a.meta().id() + ".question", a.question());
            for (Sheets.Option o : a.options()) {
                put(Rules.titleKey(o.key()), o.meta().title());
                put(Rules.reasonKey(o.key()), o.reason());
            }
        }
        Stream.of(risk.scope(), risk.combination(), risk.escalation()).flatMap(l -> l.stream()).forEach(this::rule);
        for (Sheets.Checklist c : defs.checklists()) {
            meta(c.meta());
            for (Sheets.Group g : c.groups()) {
                meta(g.meta());
                g.items().forEach(i -> meta(i.meta()));
            }
            c.applicability().forEach(this::rule);
        }
    }

    private void rule(Rule r) {
        put(r.reasonKey(), r.reason());
    }

    private void meta(Meta m) {
        put(Rules.titleKey(m.id()), m.title());
    }

    private void put(String key, LocalizedText text) {
        if (text != null) {
            texts.put(key, text);
        }
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    String render(Message message, Locale locale) {
        LocalizedText t = texts.get(message.key());
        return t != null ? t.in(locale) : Messages.render(message, locale);
    }
}
