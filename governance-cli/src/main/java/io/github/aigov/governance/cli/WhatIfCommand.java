package io.github.aigov.governance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.Reason;
import io.github.aigov.governance.WhatIf;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code governance what-if PROFILE.yaml}: the smallest changes of the profile's answers that lower its
 * classification or remove its escalation, each assessed by the same rules; as text, or as JSON (the changed
 * answers and each alternative's whole decision).
 */
@Command(name = "what-if", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class WhatIfCommand extends GovernanceCommand {

    /** The formats a what-if is written in. */
    enum WhatIfFormat { text, json }

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", descriptionKey = "assess.profile")
    private Path profileFile;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "what-if.format")
    private WhatIfFormat format;

    @Output
    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "assess.out")
    private Path out;

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() throws Exception {
        ProjectProfile profile = Governance.readProfile(profileFile);
        GovernanceEngine engine = engine(definitions.spec());
        OutputFile file = out == null ? null : output(out, "--out");
        WhatIf w = engine.whatIf(profile);
        Locale locale = support.locale();
        String text = format == WhatIfFormat.json ? json(w, engine, locale) : text(w, engine, locale);
        Papers.write(text, file, spec.commandLine().getOut(), locale);
        return GovernanceCli.DECIDED;
    }

    static String text(WhatIf w, GovernanceEngine engine, Locale locale) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        Decision d = w.decision();
        String title = render(engine, locale, "cli.what-if.title", d.profile().name());
        out.append(title).append(nl).append("=".repeat(DisplayWidth.of(title))).append(nl).append(nl);
        out.append(render(engine, locale, "cli.what-if.decision", outcome(d, engine, locale), rule(decidedBy(d), engine, locale)))
                .append(nl).append(nl);
        if (d.classification() == io.github.aigov.governance.Classification.OUT_OF_SCOPE) {
            out.append(render(engine, locale, "cli.what-if.out-of-scope")).append(nl);
            return out.toString();
        }
        if (d.classification() == io.github.aigov.governance.Classification.LOW && !d.escalation().required()) {
            out.append(render(engine, locale, "cli.what-if.lowest")).append(nl);
            return out.toString();
        }
        if (w.alternatives().isEmpty()) {
            out.append(render(engine, locale, "reports.whatif.none")).append(nl);
            return out.toString();
        }
        out.append(render(engine, locale, "reports.whatif.intro", render(engine, locale, "reports.whatif.distance." + w.distance())))
                .append(nl).append(nl);
        int n = 1;
        for (WhatIf.Alternative a : w.alternatives()) {
            String marker = n++ + ". ";
            String pad = " ".repeat(marker.length());
            for (int i = 0; i < a.changes().size(); i++) {
                WhatIf.Change c = a.changes().get(i);
                String to = answer(c, c.to(), engine, locale);
                String meaning = c.meaning().in(locale);
                out.append(i == 0 ? marker : pad).append(label(c, engine, locale)).append(": ")
                        .append(answer(c, c.from(), engine, locale)).append(" → ").append(to);
                if (!meaning.equals(to)) {
                    out.append(" — ").append(meaning);
                }
                if (!c.designChoice()) {
                    out.append(" (").append(render(engine, locale, "reports.whatif.fact")).append(")");
                }
                out.append(nl);
            }
            out.append(pad).append("→ ").append(outcome(a.decision(), engine, locale)).append(" — ")
                    .append(rule(a.decidedBy(), engine, locale)).append(nl);
            if (!a.itemsRemoved().isEmpty()) {
                out.append(pad).append(render(engine, locale, "reports.whatif.removed", String.join(", ", a.itemsRemoved()))).append(nl);
            }
            if (!a.itemsAdded().isEmpty()) {
                out.append(pad).append(render(engine, locale, "reports.whatif.added", String.join(", ", a.itemsAdded()))).append(nl);
            }
        }
        return out.toString();
    }

    private static Reason decidedBy(Decision d) {
        return d.classificationReason();
    }

    private static String outcome(Decision d, GovernanceEngine engine, Locale locale) {
        return render(engine, locale, "reports.classification." + d.classification().name()) + ("ja".equals(locale.getLanguage())
                ? "、" : ", ") + render(engine, locale, d.escalation().required() ? "reports.whatif.escalation.required"
                : "reports.whatif.escalation.not-required");
    }

    private static String rule(Reason r, GovernanceEngine engine, Locale locale) {
        return r.ruleId() + ": " + engine.render(r.message(), locale);
    }

    private static String label(WhatIf.Change c, GovernanceEngine engine, Locale locale) {
        if (c.axis() != null) {
            return engine.render(Message.of(c.axis() + ".title"), locale);
        }
        return render(engine, locale, c.field().equals(WhatIf.FORM) ? "reports.project.form" : "reports.project.vendor-trains");
    }

    private static String answer(WhatIf.Change c, String answer, GovernanceEngine engine, Locale locale) {
        if (c.axis() != null) {
            return engine.render(Message.of(c.axis() + "." + answer + ".title"), locale) + " (" + answer + ")";
        }
        if (c.field().equals(WhatIf.FORM)) {
            return render(engine, locale, "reports.form." + ProcurementForm.valueOf(answer).name());
        }
        return render(engine, locale, Boolean.parseBoolean(answer) ? "reports.yes" : "reports.no");
    }

    private static String render(GovernanceEngine engine, Locale locale, String key, Object... args) {
        return engine.render(Message.of(key, args), locale);
    }

    /** The alternatives as data: each change (field, from, to, what it means, whether a design choice) and each decision whole. */
    static String json(WhatIf w, GovernanceEngine engine, Locale locale) throws java.io.IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("profile", w.decision().profile().id());
        root.put("classification", w.decision().classification().name());
        root.put("escalationRequired", w.decision().escalation().required());
        root.put("distance", w.distance());
        ArrayNode alternatives = root.putArray("alternatives");
        for (WhatIf.Alternative a : w.alternatives()) {
            ObjectNode alt = alternatives.addObject();
            ArrayNode changes = alt.putArray("changes");
            for (WhatIf.Change c : a.changes()) {
                ObjectNode change = changes.addObject();
                change.put("field", c.field());
                change.put("from", c.from());
                change.put("to", c.to());
                change.put("meaning", c.meaning().in(locale));
                change.put("designChoice", c.designChoice());
            }
            alt.put("classification", a.decision().classification().name());
            alt.put("escalationRequired", a.decision().escalation().required());
            alt.put("decidedBy", a.decidedBy().ruleId());
            strings(alt.putArray("itemsAdded"), a.itemsAdded());
            strings(alt.putArray("itemsRemoved"), a.itemsRemoved());
            strings(alt.putArray("dutiesAdded"), a.dutiesAdded());
            strings(alt.putArray("dutiesRemoved"), a.dutiesRemoved());
            alt.set("decision", mapper.readTree(Governance.toJson(a.decision())));
        }
        root.set("decision", mapper.readTree(Governance.toJson(w.decision())));
        return mapper.writeValueAsString(root);
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
