package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aigov.governance.Decision;
import io.github.aigov.governance.DefinitionCatalog;
import io.github.aigov.governance.DefinitionDiff;
import io.github.aigov.governance.DefinitionsRef;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.engine.DroolsEngineBuilder;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.spi.EngineBuilder;
import io.github.aigov.governance.spi.EngineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An alternative engine supplies only {@link EngineBuilder}: the library reads the definitions, and its JSON,
 * records, replay, golden cases and diff work over that engine as over its own, none of them asking which
 * engine it is.
 */
class AlternativeEngineTest {

    /** Another engine, as far as the library can tell: its own class, deciding by the Drools engine inside. */
    private record Other(GovernanceEngine inside) implements GovernanceEngine {
        @Override
        public Decision assess(ProjectProfile profile) {
            return inside.assess(profile);
        }

        @Override
        public DefinitionsRef definitions() {
            return inside.definitions();
        }

        @Override
        public DefinitionCatalog catalog() {
            return inside.catalog();
        }

        @Override
        public List<Problem> warnings() {
            return inside.warnings();
        }

        @Override
        public String render(Message message, Locale locale) {
            return inside.render(message, locale);
        }
    }

    private static final class OtherBuilder implements EngineBuilder {
        final List<Definitions> given = new ArrayList<>();

        @Override
        public String name() {
            return "other";
        }

        @Override
        public GovernanceEngine build(Definitions definitions) {
            given.add(definitions);
            return new Other(new DroolsEngineBuilder().build(definitions));
        }
    }

    private static EngineOptions version(String v) {
        return new EngineOptions(v, null, List.of(), InputLimits.DEFAULT);
    }

    @Test
    void theLibraryDoesEverythingButDecideOverAnEngineThatOnlyBuilds() {
        OtherBuilder builder = new OtherBuilder();
        GovernanceLibrary library = new GovernanceLibrary(builder);
        GovernanceEngine v1 = library.build(version("1.0"));
        GovernanceEngine v2 = library.build(version("2.0"));
        assertThat(v2).isInstanceOf(Other.class);
        assertThat(builder.given).extracting(d -> d.set().version()).containsExactly("1.0", "2.0");

        ProjectProfile profile = Governance.readProfile(Path.of("../examples/projects/benefits-eligibility-chatbot.yaml"));
        Decision d = v2.assess(profile);
        assertThat(library.fromJson(library.toJson(d))).isEqualTo(d);
        String record = library.toRecord(d, Set.of("description"));
        assertThat(library.replay(record, v2).identical()).isTrue();
        assertThat(library.runCases(v2, Path.of("../checklists/src/main/resources/ds920/v2.0/cases")))
                .isNotEmpty().allSatisfy(c -> assertThat(c.passed()).as(c.file() + " " + c.differences()).isTrue());

        DefinitionDiff other = library.diff(v1, v2, List.of(profile));
        DefinitionDiff drools = Governance.diff(Governance.builder().guidelineVersion("1.0").build(),
                Governance.builder().guidelineVersion("2.0").build(), List.of(profile));
        assertThat(other).isEqualTo(drools);
        assertThat(other.changes()).isNotEmpty();
    }

    @Test
    void anEngineTheLibraryDidNotBuildCannotBeCompared() {
        GovernanceLibrary library = new GovernanceLibrary(new OtherBuilder());
        GovernanceEngine v2 = library.build(version("2.0"));
        GovernanceEngine stranger = new Other(v2);

        assertThatThrownBy(() -> library.diff(stranger, v2, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an engine built by Governance.builder()");
    }

    @Test
    void theEngineIsDroolsUnlessExactlyOneOtherIsProvided() {
        EngineBuilder drools = new DroolsEngineBuilder();
        EngineBuilder other = new OtherBuilder();
        assertThat(GovernanceLibrary.engineBuilder(List.of(drools)).name()).isEqualTo("drools");
        assertThat(GovernanceLibrary.engineBuilder(List.of()).name()).isEqualTo("drools");
        assertThat(GovernanceLibrary.engineBuilder(List.of(drools, other))).isSameAs(other);
        assertThatThrownBy(() -> GovernanceLibrary.engineBuilder(List.of(other, new OtherBuilder())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than one engine");
    }
}
