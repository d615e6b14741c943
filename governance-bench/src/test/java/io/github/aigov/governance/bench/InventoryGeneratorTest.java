package io.github.aigov.governance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.ProjectProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryGeneratorTest {
    static final GovernanceEngine ENGINE = Governance.builder().guidelineVersion("2.0").build();

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        new InventoryGenerator(7, 2_000, 0.01).write(InventoryGenerator.Format.JSONL, a);
        new InventoryGenerator(7, 2_000, 0.01).write(InventoryGenerator.Format.JSONL, b);
        new InventoryGenerator(8, 2_000, 0.01).write(InventoryGenerator.Format.JSONL, c);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));

        new InventoryGenerator(7, 50, 0.1).write(InventoryGenerator.Format.YAML_DIR, dir.resolve("y1"));
        new InventoryGenerator(7, 50, 0.1).write(InventoryGenerator.Format.YAML_DIR, dir.resolve("y2"));
        for (String name : names(dir.resolve("y1"))) {
            assertThat(Files.readAllBytes(dir.resolve("y2").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("y1").resolve(name)));
        }
        assertThat(names(dir.resolve("y2"))).isEqualTo(names(dir.resolve("y1")));
    }

    @Test
    void theCountIsRespected() throws IOException {
        Path out = dir.resolve("n.jsonl");
        assertThat(new InventoryGenerator(1, 1_234, 0.005).write(InventoryGenerator.Format.JSONL, out).count()).isEqualTo(1_234);
        assertThat(Files.readAllLines(out)).hasSize(1_234).doesNotHaveDuplicates();
        assertThat(new InventoryGenerator(1, 0, 0.005).write(InventoryGenerator.Format.JSONL, dir.resolve("empty.jsonl")).count())
                .isZero();
        assertThat(Files.size(dir.resolve("empty.jsonl"))).isZero();
        new InventoryGenerator(1, 37, 0.005).write(InventoryGenerator.Format.YAML_DIR, dir.resolve("yaml"));
        assertThat(names(dir.resolve("yaml"))).hasSize(37).allMatch(n -> n.endsWith(".yaml"));
    }

    /**
     * The engine is the judge: it refuses exactly the profiles the generator spoiled (each with a
     * problem code), reads every other one from JSON Lines and from YAML, and their rate is near the
     * configured one.
     */
    @Test
    void theEngineRefusesExactlyTheDeliberatelyInvalidProfilesAtRoughlyTheConfiguredRate() throws IOException {
        Path out = dir.resolve("inventory.jsonl");
        int count = 3_000;
        InventoryGenerator.Summary summary = new InventoryGenerator(42, count, 0.05).write(InventoryGenerator.Format.JSONL, out);
        long refused = 0;
        Map<Classification, Integer> classes = new EnumMap<>(Classification.class);
        Set<String> codes = new java.util.TreeSet<>();
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < lines.size(); i++) {
            try {
                ProjectProfile p = Governance.parseProfile(lines.get(i), "inventory.jsonl:" + (i + 1));
                classes.merge(ENGINE.assess(p).classification(), 1, Integer::sum);
            } catch (GovernanceException e) {
                refused++;
                e.problems().forEach(pr -> codes.add(pr.code().id()));
            }
        }
        assertThat(refused).isEqualTo(summary.invalid());
        // 5% of 3,000 is 150; the binomial standard deviation is about 12.
        assertThat(refused).isBetween(100L, 200L);
        assertThat(codes).contains("GOV-0003", "GOV-0007", "GOV-0012", "GOV-0013");
        // A realistic inventory has every outcome, and mostly low and medium ones.
        assertThat(classes.keySet()).containsExactlyInAnyOrder(Classification.values());
        assertThat(classes.get(Classification.LOW) + classes.get(Classification.MEDIUM))
                .isGreaterThan(classes.get(Classification.HIGH));

        Path yaml = dir.resolve("yaml");
        InventoryGenerator.Summary ys = new InventoryGenerator(42, 200, 0.05).write(InventoryGenerator.Format.YAML_DIR, yaml);
        long yamlRefused = 0;
        for (String name : names(yaml)) {
            try {
                ENGINE.assess(Governance.readProfile(yaml.resolve(name)));
            } catch (GovernanceException e) {
                yamlRefused++;
            }
        }
        assertThat(yamlRefused).isEqualTo(ys.invalid());
    }

    @Test
    void theAnswersAreTheShippedDefinitionsVocabulary() {
        Map<String, Set<String>> shipped = ENGINE.catalog().axes().stream().collect(Collectors.toMap(DefinitionCatalog.Axis::id,
                a -> a.options().stream().map(DefinitionCatalog.Option::id).collect(Collectors.toSet())));
        assertThat(shipped).containsOnlyKeys("users", "work", "data", "judgement");
        assertThat(shipped.get("users")).containsExactlyInAnyOrder(InventoryGenerator.USERS);
        assertThat(shipped.get("work")).containsExactlyInAnyOrder(InventoryGenerator.WORK);
        assertThat(shipped.get("data")).containsExactlyInAnyOrder(InventoryGenerator.DATA);
        assertThat(shipped.get("judgement")).containsExactlyInAnyOrder(InventoryGenerator.JUDGEMENT);
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
