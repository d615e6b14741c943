package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.FixtureSets.FIXTURES;
import static io.github.aigov.governance.rules.WellFormedProblems.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.model.Definitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No document can exhaust memory or time, and none can make the reader build an object: every
 * loader (definition sheet, overlay, profile) refuses oversize, deep, alias-bombed and tagged
 * documents quickly, with a located problem and a message that says what was exceeded.
 */
class InputLimitsTest {
    static final Definitions BASE = new DefinitionLoader(InputLimits.DEFAULT).loadShipped("2.0");

    @TempDir
    Path dir;

    /** Constructed only if a YAML tag could instantiate a class: it must never be. */
    public static final class Canary {
        static final AtomicBoolean CONSTRUCTED = new AtomicBoolean();

        public Canary() {
            CONSTRUCTED.set(true);
        }
    }

    @BeforeAll
    static void warmUp() {
        // class loading is not what the timings below measure
        Governance.readProfile(FIXTURES.resolve("profile/valid-profile.yaml")).getClass();
    }

    /** Each input read by each of the three loaders. */
    static Stream<Arguments> everyLoader(String fixture) {
        return Stream.of(Arguments.of(fixture, "definition sheet"), Arguments.of(fixture, "overlay"),
                Arguments.of(fixture, "profile"));
    }

    static Stream<Arguments> bombs() {
        return Stream.of("billion-laughs.yaml", "alias-expansion-under-the-alias-limit.yaml", "deep-nesting.yaml",
                "recursive-alias.yaml").flatMap(InputLimitsTest::everyLoader);
    }

    @ParameterizedTest(name = "{0} as a {1}")
    @MethodSource("bombs")
    void anAliasBombOrADeepDocumentIsRefusedInWellUnderASecond(String fixture, String loader) {
        long start = System.nanoTime();
        GovernanceException e = refused(fixture, loader);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("milliseconds to refuse %s", fixture).isLessThan(500);
        assertWellFormed(e);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("GOV-0010");
            assertThat(p.location().file()).isNotBlank();
            assertThat(p.hint().key()).isEqualTo("hint.limits");
            String expected = switch (fixture) {
                case "billion-laughs.yaml" -> "problem.limit.aliases";
                case "alias-expansion-under-the-alias-limit.yaml" -> "problem.limit.nodes";
                default -> "problem.limit.depth";
            };
            assertThat(p.message().key()).isEqualTo(expected);
        });
    }

    @Test
    void theMessagesSayWhichLimitAndHowToRaiseIt() {
        Problem aliases = refused("billion-laughs.yaml", "profile").problems().get(0);
        assertThat(Messages.format(aliases, Locale.ENGLISH))
                .contains("GOV-0010", "more than 50 aliases", "raise the limits in InputLimits only for trusted input");
        assertThat(Messages.format(aliases, Locale.JAPANESE)).contains("GOV-0010", "エイリアス", "50");
        Problem nodes = refused("alias-expansion-under-the-alias-limit.yaml", "profile").problems().get(0);
        assertThat(Messages.format(nodes, Locale.ENGLISH)).contains("more than 100000 nodes");
        Problem depth = refused("deep-nesting.yaml", "profile").problems().get(0);
        assertThat(Messages.format(depth, Locale.ENGLISH)).contains("deeper than the limit of 64 levels");
    }

    @Test
    void anOversizeDocumentIsRefusedBeforeItIsParsed() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "id: big\ndescription: \"" + "x".repeat(InputLimits.DEFAULT.maxDocumentBytes()) + "\"\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Governance.readProfile(big)).isInstanceOfSatisfying(GovernanceException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.code().id()).isEqualTo("GOV-0010");
                assertThat(p.message().key()).isEqualTo("problem.limit.size");
                assertThat(p.message().args()).containsExactly(String.valueOf(Files.size(big)), "1048576");
                assertThat(p.location().file()).isEqualTo(big.toString());
            });
        });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    static Stream<Arguments> tags() {
        return Stream.of("java-runtime-tag.yaml", "script-engine-tag.yaml", "canary-tag.yaml", "local-tag-on-a-key.yaml")
                .flatMap(InputLimitsTest::everyLoader);
    }

    @ParameterizedTest(name = "{0} as a {1}")
    @MethodSource("tags")
    void aCustomTagIsRefusedWhereItIsWrittenAndNeverInstantiated(String fixture, String loader) {
        GovernanceException e = refused(fixture, loader);
        assertWellFormed(e);
        assertThat(e.problems()).filteredOn(p -> p.code().id().equals("GOV-0019")).singleElement().satisfies(p -> {
            assertThat(p.message().key()).isEqualTo("problem.yaml.tag");
            assertThat(p.location().line()).isEqualTo(fixture.equals("local-tag-on-a-key.yaml") ? 2 : 3);
            assertThat(p.location().column()).isPositive();
        });
        assertThat(Canary.CONSTRUCTED).isFalse();
    }

    @Test
    void theTagItselfIsNamedInTheMessage() {
        Problem p = refused("java-runtime-tag.yaml", "overlay").problems().stream()
                .filter(x -> x.code().id().equals("GOV-0019")).findFirst().orElseThrow();
        assertThat(Messages.format(p, Locale.ENGLISH)).contains("java.lang.Runtime").contains(":3:5");
    }

    @Test
    void theBuildersLimitsApplyToTheDefinitionsAndTheOverlays() {
        InputLimits small = new InputLimits(8 * 1024, 64, 50, 100_000);
        assertThatThrownBy(() -> Governance.builder().guidelineVersion("2.0").limits(small).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.code().id()).isEqualTo("GOV-0010"))
                        .extracting(p -> p.location().file()).contains("classpath:ds920/v2.0/risk-assessment.yaml"));
        InputLimits shallow = new InputLimits(1 << 20, 3, 50, 100_000);
        assertThatThrownBy(() -> Governance.builder().limits(shallow).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.message().key()).contains("problem.limit.depth"));
        // the defaults refuse the overlay, not the shipped set it is applied to
        assertThatThrownBy(() -> Governance.builder().overlay(FIXTURES.resolve("billion-laughs.yaml")).build())
                .isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.location().file()).endsWith("billion-laughs.yaml")));
    }

    @Test
    void aProfileCanBeReadWithinTheCallersLimits() {
        Path profile = FIXTURES.resolve("profile/valid-profile.yaml");
        assertThat(Governance.readProfile(profile).id()).isEqualTo("fixture-profile");
        assertThat(Governance.readProfile(profile, InputLimits.DEFAULT).id()).isEqualTo("fixture-profile");
        assertRefused(() -> Governance.readProfile(profile, new InputLimits(100, 64, 50, 100_000)),
                p -> assertThat(p.message().key()).isEqualTo("problem.limit.size"));
        assertRefused(() -> Governance.readProfile(profile, new InputLimits(1 << 20, 64, 50, 10)),
                p -> assertThat(p.message().key()).isEqualTo("problem.limit.nodes"));
        assertRefused(() -> Governance.readProfile(profile, new InputLimits(1 << 20, 1, 50, 100_000)),
                p -> assertThat(p.message().key()).isEqualTo("problem.limit.depth"));
        // raised limits accept what the defaults refuse
        Path deep = FIXTURES.resolve("deep-nesting.yaml");
        assertRefused(() -> Governance.readProfile(deep, new InputLimits(1 << 20, 300, 50, 100_000)),
                p -> assertThat(p.code().id()).isNotEqualTo("GOV-0010"));
    }

    private static void assertRefused(Runnable read, Consumer<Problem> first) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(GovernanceException.class, e -> {
            assertWellFormed(e);
            first.accept(e.problems().get(0));
        });
    }

    /** Reads a shared fixture with one loader; it must be refused. */
    private static GovernanceException refused(String fixture, String loader) {
        Path file = FIXTURES.resolve(fixture);
        try {
            switch (loader) {
                case "definition sheet" -> FixtureSets.loadWithSheet(Files.readAllBytes(file), InputLimits.DEFAULT);
                case "overlay" -> new OverlayLoader(InputLimits.DEFAULT).apply(BASE, file);
                default -> Governance.readProfile(file);
            }
        } catch (GovernanceException e) {
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(fixture + " was not refused as a " + loader);
    }
}
