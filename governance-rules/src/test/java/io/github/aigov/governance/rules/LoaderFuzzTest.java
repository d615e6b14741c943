package io.github.aigov.governance.rules;

import static io.github.aigov.governance.rules.WellFormedProblems.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.Governance;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.GovernanceException;
import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.ProjectProfile;
import io.github.aigov.governance.rules.internal.compile.RuleCompiler;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import io.github.aigov.governance.rules.internal.load.OverlayLoader;
import io.github.aigov.governance.rules.model.Definitions;
import io.github.aigov.governance.rules.internal.yaml.JsonNodeReader;
import io.github.aigov.governance.rules.internal.yaml.Problems;
import io.github.aigov.governance.rules.internal.yaml.YNode;
import io.github.aigov.governance.rules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz tests of the three loaders, and of the audit log's reader. Each input either loads (then generates rules, or assesses) or is
 * refused with well-formed problems ({@link WellFormedProblems}); any other exception is a bug.
 *
 * <p>In the normal build these run in Jazzer's regression mode, once per file of the seed corpus
 * in {@code src/test/resources/io/github/aigov/governance/rules/LoaderFuzzTestInputs/} (files
 * directly in it are shared by the three targets; {@code <method>/} holds each target's own).
 * To fuzz, see docs/fuzzing.md.
 */
class LoaderFuzzTest {
    private static final InputLimits LIMITS = InputLimits.DEFAULT;
    private static final Definitions BASE = new DefinitionLoader(LIMITS).loadShipped("2.0");
    private static final Path DIR = tempDir();
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static GovernanceEngine engine;

    /**
     * A definition set from bytes: the input replaces one file of the shipped v2.0 set, the one
     * its {@code kind} (and id) names, so every seed is a plain YAML file.
     */
    @FuzzTest(maxDuration = "2m")
    void definitionSheet(byte[] input) {
        Definitions defs;
        try {
            defs = FixtureSets.loadWithSheet(input, LIMITS);
        } catch (GovernanceException e) {
            assertWellFormed(e);
            return;
        }
        generatesRules(defs);
    }

    /** An overlay from bytes, applied to the shipped v2.0 set. */
    @FuzzTest(maxDuration = "2m")
    void overlay(byte[] input) {
        Path file = write("overlay.yaml", input);
        Definitions defs;
        try {
            defs = new OverlayLoader(LIMITS).apply(BASE, file);
        } catch (GovernanceException e) {
            assertWellFormed(e);
            return;
        }
        generatesRules(defs);
    }

    /**
     * A profile from bytes, read as a file and, if it reads, assessed by the shipped v2.0 engine.
     * Text that starts like JSON is also read by the JSON reader alone: where it answers, it must
     * answer what SnakeYAML does, node for node, location for location, problem for problem.
     */
    @FuzzTest(maxDuration = "2m")
    void profile(byte[] input) {
        readsJsonAsSnakeYamlDoes(input);
        Path file = write("profile.yaml", input);
        ProjectProfile profile;
        try {
            profile = Governance.readProfile(file, LIMITS);
        } catch (GovernanceException e) {
            assertWellFormed(e);
            return;
        }
        try {
            Decision d = engine().assess(profile);
            assertThat(d.items()).isNotEmpty();
        } catch (GovernanceException e) {
            assertWellFormed(e);
        }
    }

    private static void readsJsonAsSnakeYamlDoes(byte[] input) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString();
        } catch (CharacterCodingException e) {
            return;
        }
        if (!JsonNodeReader.startsLikeJson(text)) {
            return;
        }
        JsonNodeReader.Read json = new JsonNodeReader(LIMITS).read(text, "profile.yaml");
        if (json != null) {
            Problems problems = new Problems();
            YNode yaml = new YamlReader(LIMITS).readAsYaml(text, "profile.yaml", problems);
            assertThat(json.root()).isEqualTo(yaml);
            assertThat(json.problems()).isEqualTo(problems.all());
        }
    }

    /**
     * A loaded set generates rules in which every string literal is an identifier: nothing else
     * from the input reaches the rule text. (Whether the generated rules decide what the load's
     * analysis says they decide is {@code RuleReachabilityTest}'s subject: a Drools compile per
     * input would cost this test most of its speed.)
     */
    /**
     * An audit log from bytes: verified without a key and with one, and its entries read. Each
     * answer is a verification (a broken one names one well-formed problem) or a refusal with
     * well-formed problems; never another exception.
     */
    @FuzzTest(maxDuration = "2m")
    void auditLog(byte[] input) {
        Path file = write("audit.jsonl", input);
        io.github.aigov.governance.audit.AuditLog log = Governance.auditLog(file);
        for (io.github.aigov.governance.audit.AuditVerification v : java.util.List.of(log.verify(),
                log.verify(java.util.List.of(AUDIT_KEY.publicKey()), null))) {
            if (v.intact()) {
                assertThat(v.problems()).isEmpty();
                if (!v.warnings().isEmpty()) {
                    assertWellFormed(new GovernanceException(v.warnings()));
                }
            } else {
                assertThat(v.problems()).hasSize(1);
                assertWellFormed(new GovernanceException(v.problems()));
            }
        }
        for (io.github.aigov.governance.audit.AuditEntry e : log.entries()) {
            try {
                assertThat(Governance.fromRecord(e.record()).decisionId()).isNotNull();
            } catch (GovernanceException refused) {
                assertWellFormed(refused);
            }
        }
    }

    private static final io.github.aigov.governance.audit.AuditSigningKey AUDIT_KEY =
            io.github.aigov.governance.audit.AuditSigningKey.generate();

    private static void generatesRules(Definitions defs) {
        String drl = new RuleCompiler().drl(defs);
        Matcher literal = LITERAL.matcher(drl);
        while (literal.find()) {
            assertThat(literal.group(1)).matches("[A-Za-z0-9_.:=-]+");
        }
    }

    private static synchronized GovernanceEngine engine() {
        if (engine == null) {
            engine = Governance.builder().guidelineVersion("2.0").build();
        }
        return engine;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("governance-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, byte[] input) {
        try {
            Path file = DIR.resolve(name);
            Files.write(file, input);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
