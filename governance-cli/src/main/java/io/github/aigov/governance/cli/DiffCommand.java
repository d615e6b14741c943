package io.github.aigov.governance.cli;

import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.ProjectProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code governance diff --from 1.0 --to 2.0 [PROFILES…]}: what a guideline revision (or an overlay)
 * changes — the definitions added, removed and changed, and whose decision changes and why.
 */
@Command(name = "diff", modelTransformer = HelpTexts.Installer.class, abbreviateSynopsis = true,
        sortOptions = false, usageHelpAutoWidth = true)
final class DiffCommand extends GovernanceCommand {

    @Option(names = "--from", paramLabel = "VERSION", descriptionKey = "diff.from",
            converter = ShippedVersions.class, completionCandidates = ShippedVersions.class)
    private String from;

    @Option(names = "--to", paramLabel = "VERSION", descriptionKey = "diff.to",
            converter = ShippedVersions.class, completionCandidates = ShippedVersions.class)
    private String to;

    @Option(names = "--from-overlay", paramLabel = "OVERLAY.yaml", descriptionKey = "diff.from-overlay")
    private List<Path> fromOverlays = new ArrayList<>();

    @Option(names = "--to-overlay", paramLabel = "OVERLAY.yaml", descriptionKey = "diff.to-overlay")
    private List<Path> toOverlays = new ArrayList<>();

    @Parameters(paramLabel = "PROFILE.yaml", arity = "0..*", descriptionKey = "diff.profiles")
    private List<Path> profiles = new ArrayList<>();

    @Override
    int execute() throws Exception {
        List<ProjectProfile> read = new ArrayList<>();
        for (Path p : profiles) {
            read.add(Governance.readProfile(p));
        }
        GovernanceEngine a = engine(new GovernanceCli.EngineSpec(from, null, fromOverlays));
        GovernanceEngine b = engine(new GovernanceCli.EngineSpec(to, null, toOverlays));
        print(Governance.diff(a, b, read), b, support.locale(), spec.commandLine().getOut());
        return GovernanceCli.DECIDED;
    }

    private void print(DefinitionDiff diff, GovernanceEngine engine, Locale locale, PrintWriter out) {
        out.println(text(engine, locale, "cli.diff.title", describe(diff.from()), describe(diff.to())));
        out.println();
        out.println(text(engine, locale, "cli.diff.definitions", diff.changes().size()));
        if (diff.changes().isEmpty()) {
            out.println("  " + text(engine, locale, "cli.diff.none"));
        }
        for (DefinitionDiff.Change c : diff.changes()) {
            String mark = switch (c.kind()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CHANGED -> "~";
            };
            String details = c.details().stream().map(m -> engine.render(m, locale)).reduce((x, y) -> x + "; " + y)
                    .map(s -> ": " + s).orElse("");
            out.println("  " + mark + " " + text(engine, locale, "diff.category." + c.category()) + " " + c.id() + details);
        }
        if (!profiles.isEmpty()) {
            out.println();
            long changed = diff.impacts().stream().filter(DefinitionDiff.ProfileImpact::changed).count();
            out.println(text(engine, locale, "cli.diff.profiles", diff.impacts().size(), changed));
            for (int i = 0; i < diff.impacts().size(); i++) {
                DefinitionDiff.ProfileImpact impact = diff.impacts().get(i);
                String head = "  " + impact.profileId() + " (" + profiles.get(i) + "): ";
                if (!impact.changed()) {
                    out.println(head + text(engine, locale, "cli.diff.unchanged", impact.fromClassification()));
                    continue;
                }
                out.println(head + impact.fromClassification() + " → " + impact.toClassification());
                impact.differences().forEach(m -> out.println("    - " + engine.render(m, locale)));
            }
        }
    }

    private static String describe(DefinitionsRef ref) {
        StringBuilder s = new StringBuilder(ref.id() + " " + ref.version() + " (" + ref.date() + ", " + ref.hash() + ")");
        ref.overlays().forEach(o -> s.append(" + ").append(o.id()));
        return s.toString();
    }

    private static String text(GovernanceEngine engine, Locale locale, String key, Object... args) {
        return engine.render(Message.of(key, args), locale);
    }
}
