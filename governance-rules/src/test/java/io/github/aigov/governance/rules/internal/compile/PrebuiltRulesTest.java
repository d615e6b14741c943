package io.github.aigov.governance.rules.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProcurementForm;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.EverySet;
import io.github.aigov.governance.rules.internal.engine.DroolsEngine;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.model.Definitions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules compiled when the library is built: every shipped set starts from them, they decide
 * exactly as the same DRL compiled at run time does, and nothing else is ever taken for them.
 */
class PrebuiltRulesTest {
    private static final DefinitionLoader LOADER = new DefinitionLoader(InputLimits.DEFAULT);

    @Test
    void everyShippedSetStartsFromRulesCompiledWhenTheLibraryWasBuilt() {
        List<String> versions = List.copyOf(LOADER.shipped().versions().keySet());
        assertThat(versions).isNotEmpty();
        for (String version : versions) {
            assertThat(new RuleCompiler().prebuilt(LOADER.loadShipped(version))).as("DS-920 " + version).isTrue();
        }
    }

    @Test
    void aSetWhoseRulesDifferIsCompiledWhenItsEngineIsBuilt() {
        Definitions overlaid = new OverlayLoader(InputLimits.DEFAULT).apply(LOADER.loadShipped("2.0"),
                Path.of("../examples/overlays/example-ministry-overlay.yaml"));
        assertThat(new RuleCompiler().prebuilt(overlaid)).isFalse();
        assertThat(RuleCompiler.compilingEverySet().prebuilt(LOADER.loadShipped("2.0"))).isFalse();
    }

    /**
     * Every answer with every procurement form and vendor-training answer; out of scope (the scope rules read
     * only the flags), each flag combination with every form and vendor-training answer.
     */
    @ParameterizedTest(name = "DS-920 {0}")
    @ValueSource(strings = {"1.0", "2.0"})
    void theStoredRulesDecideEveryAnswerExactlyAsTheRulesCompiledNow(String version) {
        Definitions defs = LOADER.loadShipped(version);
        DroolsEngine stored = new DroolsEngine(new RuleCompiler().compile(defs), Clock.systemUTC());
        DroolsEngine compiledNow = new DroolsEngine(RuleCompiler.compilingEverySet().compile(defs), Clock.systemUTC());
        assertThat(stored.drl()).isEqualTo(compiledNow.drl());

        List<ProjectProfile> profiles = new ArrayList<>();
        List<Map<String, String>> space = EverySet.answers(stored.catalog().axes());
        for (Map<String, String> answers : space) {
            for (ProcurementForm form : ProcurementForm.values()) {
                for (boolean trains : new boolean[] {false, true}) {
                    profiles.add(EverySet.profile(answers, form, trains));
                    if (answers == space.get(0)) {
                        profiles.add(EverySet.profile(answers, form, trains, false, false));
                        profiles.add(EverySet.profile(answers, form, trains, false, true));
                        profiles.add(EverySet.profile(answers, form, trains, true, true));
                    }
                }
            }
        }
        List<String> differences = new ArrayList<>();
        for (ProjectProfile p : profiles) {
            Decision a = withoutIdAndTime(stored.assess(p));
            Decision b = withoutIdAndTime(compiledNow.assess(p));
            if (!a.equals(b)) {
                differences.add(p.axes() + " " + p.procurement() + " " + p.scope());
            }
        }
        assertThat(profiles).hasSize(space.size() * ProcurementForm.values().length * 2 * 4 - (space.size() - 1) * ProcurementForm.values().length * 2 * 3);
        assertThat(differences).isEmpty();
    }

    @Test
    void storedPackagesAreFoundOnlyUnderTheKeyOfTheirOwnRules(@TempDir Path dir) throws IOException {
        String drl = new RuleCompiler().drl(LOADER.loadShipped("2.0"));
        byte[] bytes = stored(drl);
        store(dir, PrebuiltRules.key(drl), bytes);
        try (URLClassLoader loader = loader(dir)) {
            assertThat(PrebuiltRules.find(drl, loader)).isPresent();
            assertThat(PrebuiltRules.find(drl + "\n", loader)).isEmpty();
            assertThat(PrebuiltRules.find(new RuleCompiler().drl(LOADER.loadShipped("1.0")), loader)).isEmpty();
        }
    }

    @Test
    void aDamagedStoredPackageIsCompiledAgainInstead(@TempDir Path dir) throws IOException {
        String drl = new RuleCompiler().drl(LOADER.loadShipped("1.0"));
        byte[] bytes = stored(drl);
        store(dir, PrebuiltRules.key(drl), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (URLClassLoader loader = loader(dir)) {
            assertThat(PrebuiltRules.find(drl, loader)).isEmpty();
        }
        assertThat(PrebuiltRules.find(drl)).as("the library's own").isPresent();
    }

    @Test
    void aStoredObjectOfAnyOtherKindIsRefusedBeforeItIsMade(@TempDir Path dir) throws Exception {
        String drl = "rule text that no package was compiled from";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            // Serializable, harmless, and outside what a compiled package is made of.
            out.writeObject(new ArrayList<>(List.of(new javax.management.ObjectName("governance:type=test"))));
        }
        store(dir, PrebuiltRules.key(drl), bytes.toByteArray());
        try (URLClassLoader loader = loader(dir)) {
            assertThat(PrebuiltRules.find(drl, loader)).isEmpty();
            assertThatThrownBy(() -> PrebuiltRules.read(bytes.toByteArray(), loader))
                    .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("REJECTED");
        }
    }

    /** What the build stored for this DRL, as it is in the library. */
    private static byte[] stored(String drl) throws IOException {
        try (java.io.InputStream in = PrebuiltRulesTest.class.getClassLoader()
                .getResourceAsStream(PrebuiltRules.DIRECTORY + PrebuiltRules.key(drl) + PrebuiltRules.SUFFIX)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void store(Path dir, String key, byte[] bytes) throws IOException {
        Path file = dir.resolve(PrebuiltRules.DIRECTORY + key + PrebuiltRules.SUFFIX);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** A class path of the directory alone, over this library's classes. */
    private static URLClassLoader loader(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                return Class.forName(name, resolve, PrebuiltRulesTest.class.getClassLoader());
            }
        };
    }

    private static Decision withoutIdAndTime(Decision d) {
        return new Decision(d.schemaVersion(), "-", Instant.EPOCH, d.definitions(), d.profileHash(), d.profile(),
                d.classification(), d.classificationReason(), d.axes(), d.escalation(), d.items(), d.obligations(), d.trace());
    }
}
