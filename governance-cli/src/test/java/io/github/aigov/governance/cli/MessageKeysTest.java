package io.github.aigov.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.ItemStatus;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Messages;
import io.github.aigov.governance.Provenance;
import io.github.aigov.governance.RiskLevel;
import io.github.aigov.governance.Role;
import io.github.aigov.governance.Timing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line's texts: in both languages, and every key it uses exists. */
class MessageKeysTest {
    /** Every key the command line can render: the library's, the papers' and its own. */
    private static Set<String> keys() {
        return new TreeSet<>(Messages.keys(Locale.ENGLISH));
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        MessageBundlesTest.collect(pattern, source, into);
    }

    private static final Path CLI_SOURCES = Path.of("src/main/java/io/github/aigov/governance/cli");

    @Test
    void every_key_the_command_line_uses_exists() throws IOException {
        Set<String> keys = keys();
        Set<String> literals = new TreeSet<>();
        Set<String> descriptionKeys = new TreeSet<>();
        try (Stream<Path> files = Files.list(CLI_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                collect(Pattern.compile("\"((?:report|cli)\\.[A-Za-z0-9_.-]*)\""), source, literals);
                collect(Pattern.compile("descriptionKey = \"([^\"]+)\""), source, descriptionKeys);
            }
        }
        assertThat(literals).as("the scan finds the report's keys").hasSizeGreaterThan(25);
        assertThat(descriptionKeys).contains("assess.format", "help");
        for (String literal : literals) {
            if (literal.endsWith(".")) {
                // A prefix completed at run time with an enum constant: checked below.
                assertThat(keys).as(literal).anyMatch(k -> k.startsWith(literal));
            } else {
                assertThat(keys).as(literal).contains(literal);
            }
        }
        descriptionKeys.forEach(k -> assertThat(keys).as(k).contains(HelpTexts.PREFIX + k));
        for (RiskLevel level : RiskLevel.values()) {
            // the overall result (高リスク) and an axis answer's level (高) are different words
            assertThat(keys).contains("report.level." + level.name(), "report.axis.level." + level.name());
        }
        for (ItemStatus status : ItemStatus.values()) {
            assertThat(keys).contains("report.status." + status.name());
        }
        for (Role role : Role.values()) {
            assertThat(keys).contains("label.role." + role.name());
        }
        for (Timing timing : Timing.values()) {
            assertThat(keys).contains("label.timing." + timing.name());
        }
        for (Provenance provenance : Provenance.values()) {
            assertThat(keys).contains("report.provenance." + provenance.name(),
                    "report.provenance." + provenance.name() + ".legend");
        }
    }

    @Test
    void every_command_line_text_renders_in_both_languages() throws IOException {
        for (String key : keys()) {
            if (!key.startsWith("report.") && !key.startsWith("cli.")) {
                continue;
            }
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                String text = Messages.render(Message.of(key, "A", "B", "C", "D"), locale);
                assertThat(text).as(key + " in " + locale).isNotBlank().doesNotContain("''").isNotEqualTo(key);
            }
        }
    }
}
