package io.github.aigov.governance.examples.cli;

import io.github.aigov.governance.GovernanceEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which definitions a command uses: a shipped DS-920 version (or a set on disk), and overlays in order. */
final class DefinitionsOptions {

    @Option(names = "--guideline-version", paramLabel = "VERSION", descriptionKey = "definitions.guideline-version")
    String guidelineVersion;

    @Option(names = "--definitions", paramLabel = "DEFINITION-SET.yaml", descriptionKey = "definitions.definitions")
    Path definitions;

    @Option(names = "--overlay", paramLabel = "OVERLAY.yaml", descriptionKey = "definitions.overlay")
    List<Path> overlays = new ArrayList<>();

    GovernanceEngine build(GovernanceCli.EngineSource engines) {
        return engines.build(new GovernanceCli.EngineSpec(guidelineVersion, definitions, overlays));
    }
}
