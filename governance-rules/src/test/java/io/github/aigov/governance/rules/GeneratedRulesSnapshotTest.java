package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.spi.EngineOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules each shipped definition set compiles to are committed beside the tests ({@code drl/v1.0.drl},
 * {@code drl/v2.0.drl}), so that a change in the generated rules shows in review: this test fails until the
 * snapshot is refreshed with the change. To refresh after an intended change, run
 * <pre>mvn -B -ntp -o -pl governance-rules -am test -Dtest=GeneratedRulesSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dgovernance.refreshRules=true</pre>
 * and commit the snapshots with the change that made them.
 */
class GeneratedRulesSnapshotTest {
    static final Path DIR = Path.of("src/test/resources/io/github/aigov/governance/rules/drl");
    private static final String REFRESH = "mvn -B -ntp -o -pl governance-rules -am test -Dtest=GeneratedRulesSnapshotTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dgovernance.refreshRules=true";

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void theShippedSetsRulesAreTheCommittedSnapshot(String version) throws IOException {
        GeneratedRules rules = RuleSets.generatedRules(new EngineOptions(version, null, List.of(), InputLimits.DEFAULT));
        Path snapshot = DIR.resolve("v" + version + ".drl");
        if (Boolean.getBoolean("governance.refreshRules")) {
            Files.createDirectories(DIR);
            Files.writeString(snapshot, rules.text(), StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(snapshot)).as("no snapshot %s: create it with %s", snapshot, REFRESH).isTrue();
        assertThat(rules.text()).as("the rules generated from v%s differ from %s; if the change is intended, refresh with %s"
                + " and commit the snapshot", version, snapshot, REFRESH).isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0"})
    void theListingIsExactlyWhatTheEngineCompilesAndEachRuleNamesTheLineOfItsDefinition(String version) throws IOException {
        Definitions defs = RuleSets.loadShipped(version);
        GeneratedRules rules = RuleSets.generatedRules(defs);

        assertThat(rules.drl()).isEqualTo(new RuleCompiler().drl(defs));
        assertThat(rules.rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.drl()).startsWith("rule \"" + r.name() + "\"").endsWith("end\n");
            assertThat(r.name()).isEqualTo(r.phase() + ":" + r.definitionId());
            // the line named is where the definition is written: its id (an option's own id, for a level rule)
            String id = r.phase().equals("level") ? r.definitionId().substring(r.definitionId().indexOf('.') + 1) : r.definitionId();
            assertThat(line(r.source().file(), r.source().line())).as(r.origin()).contains(id);
        });
        assertThat(rules.text()).startsWith("// DS-920 " + version + "\n")
                .contains("// COMB-TWO-OR-MORE-HIGH classpath:ds920/v" + version + "/risk-assessment.yaml:")
                .doesNotContain("\r");
    }

    private static String line(String file, int line) throws IOException {
        String resource = file.substring("classpath:".length());
        try (InputStream in = GeneratedRulesSnapshotTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(line - 1).findFirst().orElse("");
        }
    }
}
