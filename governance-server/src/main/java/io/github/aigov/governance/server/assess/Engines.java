package io.github.aigov.governance.server.assess;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.server.problems.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Every engine the service assesses with, compiled once at start: each shipped guideline version,
 * and each named overlay on the version it is written for. Named overlays are the YAML files of the
 * overlays folder ({@code --overlays DIR}, by default {@code DATA/overlays}), each named by its file
 * name without {@code .yaml}. They are read at start, not uploaded: a ministry's reading of the
 * guideline is reviewed like any definition before it is deployed, a broken one stops the start
 * with its problems instead of failing requests, and no request ever compiles rules (a second of
 * CPU each: an easy way to stall a server).
 */
@Component
public class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final List<String> versions;
    private final Map<String, GovernanceEngine> byVersion = new LinkedHashMap<>();
    private final Map<String, NamedOverlay> overlays = new TreeMap<>();

    /** A named overlay: its file, the guideline version it extends, and the engine with it applied. */
    public record NamedOverlay(String name, Path file, String version, GovernanceEngine engine) {
    }

    /** What to assess with: a guideline version and, optionally, a named overlay. */
    public record Choice(String version, String overlay) {
    }

    public Engines(@Value("${governance.overlays-dir:}") String overlaysDir) {
        this.versions = Governance.guidelineVersions();
        for (String v : versions) {
            byVersion.put(v, Governance.builder().guidelineVersion(v).build());
        }
        if (!overlaysDir.isBlank()) {
            load(Path.of(overlaysDir));
        }
        LOG.info("Engines ready: guideline versions {}, overlays {}", versions, overlays.keySet());
    }

    private void load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!NAME.matcher(name).matches()) {
                problems.add(Problem.error(ProblemCode.INVALID_ID, Location.of(file.toString()),
                        Message.of("problem.server.overlay-name", name), Message.of("hint.server.overlay-name")));
                continue;
            }
            NamedOverlay overlay = build(name, file, problems);
            if (overlay != null) {
                overlays.put(name, overlay);
            }
        }
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
    }

    /** The overlay on the latest version it fits, trying the latest first. */
    private NamedOverlay build(String name, Path file, List<Problem> problems) {
        List<String> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        GovernanceException first = null;
        for (String v : newestFirst) {
            try {
                return new NamedOverlay(name, file, v, Governance.builder().guidelineVersion(v).overlay(file).build());
            } catch (GovernanceException e) {
                boolean otherBase = e.problems().stream().allMatch(p -> p.code() == ProblemCode.OVERLAY_BASE_MISMATCH);
                if (first == null || !otherBase) {
                    first = e;
                }
                if (!otherBase) {
                    break;
                }
            }
        }
        problems.addAll(Objects.requireNonNull(first).problems());
        return null;
    }

    /** The shipped guideline versions, oldest first. */
    public List<String> versions() {
        return versions;
    }

    /** The named overlays, by name. */
    public Map<String, NamedOverlay> overlays() {
        return Collections.unmodifiableMap(overlays);
    }

    /**
     * The engine for a choice: no version means the overlay's own, or the latest; an overlay must
     * be one of the named ones and fit the version.
     */
    public GovernanceEngine engine(Choice choice) {
        return engine(choice.version(), choice.overlay());
    }

    public GovernanceEngine engine(String version, String overlay) {
        if (overlay != null) {
            NamedOverlay o = overlays.get(overlay);
            if (o == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.UNKNOWN_REFERENCE, "?overlay",
                        Message.of("problem.server.no-such-overlay", overlay),
                        Message.of("hint.one-of", String.join(", ", overlays.keySet())));
            }
            if (version != null && !version.equals(o.version())) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.OVERLAY_BASE_MISMATCH, "?version",
                        Message.of("problem.server.overlay-version", overlay, o.version(), version), null);
            }
            return o.engine();
        }
        if (version == null) {
            return byVersion.get(versions.get(versions.size() - 1));
        }
        GovernanceEngine engine = byVersion.get(version);
        if (engine == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ProblemCode.UNKNOWN_VERSION, "?version",
                    Message.of("problem.version.unknown", version, String.join(", ", versions)),
                    Message.of("hint.one-of", String.join(", ", versions)));
        }
        return engine;
    }
}
