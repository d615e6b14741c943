package io.github.aigov.governance.reports;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The shipped sample projects, assessed once per test run with engines built once. */
final class Samples {
    static final Path PROJECTS = Path.of("../examples/projects");
    static final Path OVERLAY = Path.of("../examples/overlays/example-ministry-overlay.yaml");

    static final GovernanceEngine V2 = Governance.builder().guidelineVersion("2.0").build();

    private static final Map<String, Decision> DECISIONS = new ConcurrentHashMap<>();

    private Samples() {
    }

    /** The sample names (file names without {@code .yaml}), sorted. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(PROJECTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's decision under DS-920 v2.0. */
    static Decision decision(String name) {
        return DECISIONS.computeIfAbsent(name, n -> V2.assess(Governance.readProfile(PROJECTS.resolve(n + ".yaml"))));
    }

    /** Lazily built: only the tests that need them pay for compiling them. */
    static final class Other {
        static final GovernanceEngine V1 = Governance.builder().guidelineVersion("1.0").build();
        static final GovernanceEngine MINISTRY = Governance.builder().guidelineVersion("2.0").overlay(OVERLAY).build();

        private Other() {
        }
    }
}
