package io.github.aigov.governance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aigov.governance.Crosswalk;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code governance crosswalk [ID [PROFILE.yaml]]}: the crosswalks the definitions have; or one framework's
 * coverage: which of its references DS-920's axes and required items touch (every item the definitions can
 * require, or, with a profile, those its decision requires) and which they leave uncovered.
 */
@Command(name = "crosswalk", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class CrosswalkCommand extends GovernanceCommand {

    /** The formats coverage is written in. */
    enum CoverageFormat { text, json }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", descriptionKey = "crosswalk.id")
    private String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROFILE.yaml", descriptionKey = "crosswalk.profile")
    private Path profileFile;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "crosswalk.format")
    private CoverageFormat format;

    @Output
    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "assess.out")
    private Path out;

    @Mixin
    private DefinitionsOptions definitions;

    @Override
    int execute() throws Exception {
        var profile = profileFile == null ? null : Governance.readProfile(profileFile);
        GovernanceEngine engine = engine(definitions.spec());
        OutputFile file = out == null ? null : output(out, "--out");
        Locale locale = support.locale();
        String nl = System.lineSeparator();
        if (id == null) {
            StringBuilder list = new StringBuilder();
            for (Crosswalk c : engine.crosswalks()) {
                list.append(c.id()).append("  ").append(c.title().in(locale)).append(nl);
            }
            if (engine.crosswalks().isEmpty()) {
                list.append(render(engine, locale, "cli.crosswalk.none")).append(nl);
            }
            Papers.write(list.toString(), file, spec.commandLine().getOut(), locale);
            return GovernanceCli.DECIDED;
        }
        Crosswalk c = Crosswalks.resolve(engine, List.of(id)).get(0);
        Decision decision = profile == null ? null : engine.assess(profile);
        Crosswalk.Coverage coverage = decision == null ? c.coverage(engine.catalog()) : c.coverage(decision);
        String text = format == CoverageFormat.json ? json(c, coverage, decision, locale) : text(c, coverage, decision, engine, locale);
        Papers.write(text, file, spec.commandLine().getOut(), locale);
        return GovernanceCli.DECIDED;
    }

    private static String text(Crosswalk c, Crosswalk.Coverage coverage, Decision decision, GovernanceEngine engine, Locale locale) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        String title = render(engine, locale, "reports.crosswalk.heading", c.title().in(locale));
        out.append(title).append(nl).append("=".repeat(DisplayWidth.of(title))).append(nl).append(nl);
        Crosswalk.Framework f = c.framework();
        out.append(render(engine, locale, "reports.crosswalk.framework")).append(": ").append(f.title().in(locale)).append(", ")
                .append(f.version()).append(", ").append(f.date()).append(nl);
        out.append(render(engine, locale, "reports.crosswalk.scope")).append(": ").append(f.scope().in(locale)).append(nl);
        out.append(render(engine, locale, "reports.crosswalk.reading")).append(": ").append(render(engine, locale,
                "reports.crosswalk.reading.text", c.source().citation() == null ? "" : c.source().citation().in(locale),
                c.source().file())).append(nl).append(nl);
        int total = coverage.covered().size() + coverage.uncovered().size();
        out.append(decision == null
                ? render(engine, locale, "cli.crosswalk.by-definitions", coverage.covered().size(), total)
                : render(engine, locale, "cli.crosswalk.by-decision", coverage.covered().size(), total, decision.profile().id(),
                decision.classification().name())).append(nl);
        for (Crosswalk.Covered x : coverage.covered()) {
            out.append("  ").append(x.reference().label()).append("  ").append(x.reference().title().in(locale)).append(nl)
                    .append("      ← ").append(String.join(", ", x.by())).append(" (")
                    .append(render(engine, locale, "reports.crosswalk.strength." + x.strongest().name())).append(")").append(nl);
        }
        out.append(nl).append(render(engine, locale, "cli.crosswalk.uncovered", coverage.uncovered().size(), total)).append(nl);
        for (Crosswalk.Reference r : coverage.uncovered()) {
            out.append("  ").append(r.label()).append("  ").append(r.title().in(locale)).append(nl);
        }
        if (coverage.uncovered().isEmpty()) {
            out.append("  ").append(render(engine, locale, "reports.crosswalk.none")).append(nl);
        }
        return out.toString();
    }

    private static String json(Crosswalk c, Crosswalk.Coverage coverage, Decision decision, Locale locale) throws java.io.IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("crosswalk", c.id());
        root.put("framework", c.framework().id());
        root.put("frameworkVersion", c.framework().version());
        root.put("by", decision == null ? "definitions" : "decision");
        if (decision != null) {
            root.put("profile", decision.profile().id());
            root.put("classification", decision.classification().name());
        }
        ArrayNode covered = root.putArray("covered");
        for (Crosswalk.Covered x : coverage.covered()) {
            ObjectNode n = covered.addObject();
            n.put("id", x.reference().id());
            n.put("label", x.reference().label());
            n.put("title", x.reference().title().in(locale));
            n.put("strongest", x.strongest().name().toLowerCase(Locale.ROOT));
            ArrayNode by = n.putArray("by");
            x.by().forEach(by::add);
        }
        ArrayNode uncovered = root.putArray("uncovered");
        for (Crosswalk.Reference r : coverage.uncovered()) {
            ObjectNode n = uncovered.addObject();
            n.put("id", r.id());
            n.put("label", r.label());
            n.put("title", r.title().in(locale));
        }
        return mapper.writeValueAsString(root);
    }

    private static String render(GovernanceEngine engine, Locale locale, String key, Object... args) {
        return engine.render(Message.of(key, args), locale);
    }
}
