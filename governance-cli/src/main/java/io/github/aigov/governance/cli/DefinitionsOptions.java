package io.github.aigov.governance.cli;

import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.SourceRef;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Which definitions a command uses: a shipped DS-920 version (or a set on disk), and overlays in
 * order. Once built, the sheet files of a set on disk are among the files the command reads.
 */
final class DefinitionsOptions implements ReadsFiles {

    @Option(names = "--guideline-version", paramLabel = "VERSION", descriptionKey = "definitions.guideline-version",
            converter = ShippedVersions.class, completionCandidates = ShippedVersions.class)
    String guidelineVersion;

    @Option(names = "--definitions", paramLabel = "DEFINITION-SET.yaml", descriptionKey = "definitions.definitions")
    Path definitions;

    @Option(names = "--overlay", paramLabel = "OVERLAY.yaml", descriptionKey = "definitions.overlay")
    List<Path> overlays = new ArrayList<>();

    /** The engine these options name. */
    GovernanceCli.EngineSpec spec() {
        return new GovernanceCli.EngineSpec(guidelineVersion, definitions, overlays);
    }

    /** Whether the definitions were named ({@code --guideline-version} or {@code --definitions}), not left to a default. */
    boolean named() {
        return guidelineVersion != null || definitions != null;
    }

    /** The engine for a shipped version ({@code null}: the latest), with these overlays. */
    GovernanceCli.EngineSpec spec(String version) {
        return new GovernanceCli.EngineSpec(version, null, overlays);
    }

    private final Map<Path, String> sheets = new LinkedHashMap<>();

    /** An engine was built from {@code spec}: a set on disk adds its sheet files to what the command reads. */
    void built(GovernanceCli.EngineSpec spec, GovernanceEngine engine) {
        if (spec.definitions() != null) {
            sheetsOf(engine.catalog()).forEach(s -> sheets.putIfAbsent(s, "--definitions"));
            engine.questionnaire().map(q -> q.source().file()).filter(f -> f != null && !f.startsWith("classpath:"))
                    .ifPresent(f -> {
                        try {
                            sheets.putIfAbsent(Path.of(f), "--definitions");
                        } catch (InvalidPathException e) {
                            // not a file on disk
                        }
                    });
        }
    }

    /** The files on disk the set's definitions were declared in (the shipped ones are in a jar). */
    private static List<Path> sheetsOf(DefinitionCatalog catalog) {
        Stream<SourceRef> sources = Stream.concat(
                catalog.axes().stream().flatMap(a -> Stream.concat(Stream.of(a.source()),
                        a.options().stream().map(DefinitionCatalog.Option::source))),
                catalog.checklists().stream().flatMap(c -> Stream.concat(Stream.of(c.source()),
                        c.groups().stream().flatMap(g -> Stream.concat(Stream.of(g.source()),
                                g.items().stream().map(DefinitionCatalog.Item::source))))));
        List<Path> files = new ArrayList<>();
        sources.filter(java.util.Objects::nonNull).map(SourceRef::file).distinct().filter(f -> f != null && !f.startsWith("classpath:")).forEach(f -> {
            try {
                files.add(Path.of(f));
            } catch (InvalidPathException e) {
                // not a file on disk: nothing an output could overwrite
            }
        });
        return files;
    }

    @Override
    public Map<Path, String> filesRead() {
        return sheets;
    }
}
