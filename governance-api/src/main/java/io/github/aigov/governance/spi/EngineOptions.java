package io.github.aigov.governance.spi;

import io.github.aigov.governance.InputLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * What an engine is built from.
 *
 * @param guidelineVersion a shipped version, or {@code null} for the latest
 * @param definitions      a {@code definition-set.yaml} on disk, or {@code null} for the shipped set
 * @param overlays         overlay files, applied in order
 */
public record EngineOptions(String guidelineVersion, Path definitions, List<Path> overlays, InputLimits limits) {
    public EngineOptions {
        overlays = List.copyOf(overlays);
    }
}
