package io.github.aigov.governance.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which definitions a command uses: a shipped DS-920 version (or a set on disk), and overlays in order. */
final class DefinitionsOptions {

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
}
